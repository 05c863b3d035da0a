import { z } from "zod";
import { schoolContacts, schoolContactsInput, schoolContactsOutput, updateSchoolContacts } from "~/server/help/contacts";
import {
  deleteHelpPage,
  helpPageById,
  helpPageInput,
  helpPageOutput,
  helpPageRowOutput,
  listHelpPages,
  moveHelpPage,
  saveHelpPage,
} from "~/server/help/help-pages";
import { adminProcedure, createTRPCRouter } from "../../trpc";

/** The back office's help pages and the school's contacts (帮助与联系方式). */
export const adminHelpRouter = createTRPCRouter({
  list: adminProcedure("help.manage")
    .output(z.array(helpPageRowOutput))
    .query(({ ctx }) => listHelpPages(ctx.scope)),

  get: adminProcedure("help.manage")
    .meta({ probe: (foreign) => ({ id: foreign.helpPageId }) })
    .input(z.object({ id: z.string().uuid() }))
    .output(helpPageOutput)
    .query(({ ctx, input }) => helpPageById(ctx.scope, input.id)),

  save: adminProcedure("help.manage")
    .meta({ probe: (foreign) => ({ id: foreign.helpPageId, slug: foreign.helpPageSlug, titleZh: "探测", bodyZh: "探测" }) })
    .input(helpPageInput)
    .output(helpPageOutput)
    .mutation(({ ctx, input }) => saveHelpPage(ctx.scope, input)),

  move: adminProcedure("help.manage")
    .meta({ probe: (foreign) => ({ id: foreign.helpPageId, direction: "up" }) })
    .input(z.object({ id: z.string().uuid(), direction: z.enum(["up", "down"]) }))
    .output(z.object({ order: z.array(z.string()) }))
    .mutation(({ ctx, input }) => moveHelpPage(ctx.scope, input)),

  delete: adminProcedure("help.manage")
    .meta({ probe: (foreign) => ({ id: foreign.helpPageId }) })
    .input(z.object({ id: z.string().uuid() }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteHelpPage(ctx.scope, input)),

  contacts: adminProcedure("help.manage")
    .output(schoolContactsOutput)
    .query(({ ctx }) => schoolContacts(ctx.scope)),

  updateContacts: adminProcedure("help.manage")
    .meta({ probe: () => ({ phone: "0471-0000000", email: "probe@example.edu.cn", hoursZh: "探测", hoursEn: "probe" }) })
    .input(schoolContactsInput)
    .output(schoolContactsOutput)
    .mutation(({ ctx, input }) => updateSchoolContacts(ctx.scope, input)),
});
