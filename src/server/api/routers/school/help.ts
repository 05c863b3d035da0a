import { z } from "zod";
import { schoolContacts, schoolContactsOutput } from "~/server/help/contacts";
import { helpPageBySlug, helpPageOutput, helpPageRowOutput, helpSearchInput, searchHelpPages } from "~/server/help/help-pages";
import { createTRPCRouter, publicProcedure } from "../../trpc";

/** The school's help pages and contacts, for anyone on its host: a member who cannot sign in needs them most. */
export const schoolHelpRouter = createTRPCRouter({
  search: publicProcedure
    .meta({ probe: (foreign) => ({ q: foreign.helpPageSlug }) })
    .input(helpSearchInput)
    .output(z.array(helpPageRowOutput))
    .query(({ ctx, input }) => searchHelpPages(ctx.scope, input)),

  page: publicProcedure
    .meta({ probe: (foreign) => ({ slug: foreign.helpPageSlug }) })
    .input(z.object({ slug: z.string().max(60) }))
    .output(helpPageOutput.nullable())
    .query(({ ctx, input }) => helpPageBySlug(ctx.scope, input.slug)),

  contacts: publicProcedure.output(schoolContactsOutput).query(({ ctx }) => schoolContacts(ctx.scope)),
});
