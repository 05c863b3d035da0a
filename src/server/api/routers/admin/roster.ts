import { z } from "zod";
import {
  importJobIdInput,
  importJobOutput,
  importJobStatus,
  importJobSummaryOutput,
  recentImportJobs,
  startRosterImport,
} from "~/server/members/roster/import-jobs";
import {
  deleteMissingInput,
  deleteMissingMembers,
  missingMembers,
  missingMembersInput,
  missingMembersOutput,
} from "~/server/members/roster/delete-missing";
import { remapImport, remapImportInput } from "~/server/members/roster/preview-import";
import { adminProcedure, createTRPCRouter } from "../../trpc";

// The roster import (src/server/members/roster/). The upload itself is a route (a file, not JSON):
// src/app/(school)/admin/(console)/import/upload/route.ts.
export const adminRosterRouter = createTRPCRouter({
  list: adminProcedure("directory.edit")
    .output(z.array(importJobSummaryOutput))
    .query(({ ctx }) => recentImportJobs(ctx.scope)),

  status: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ importJobId: other.importJobId }) })
    .input(importJobIdInput)
    .output(importJobOutput)
    .query(({ ctx, input }) => importJobStatus(ctx.scope, input)),

  remap: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ importJobId: other.importJobId, mapping: ["account", "name"] }) })
    .input(remapImportInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => remapImport(ctx.scope, input)),

  start: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ importJobId: other.importJobId }) })
    .input(importJobIdInput)
    .output(z.object({ id: z.string(), state: z.literal("QUEUED") }))
    .mutation(({ ctx, input }) => startRosterImport(ctx.scope, input)),

  /** The members the latest import's file did not name, as the confirmation of their deletion shows them. */
  missing: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ importJobId: other.importJobId }) })
    .input(missingMembersInput)
    .output(missingMembersOutput)
    .query(({ ctx, input }) => missingMembers(ctx.scope, input)),

  /** 【删除文件中没有的成员（N）】 once confirmed: a separate step, never part of the import. */
  deleteMissing: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ importJobId: other.importJobId, count: 1 }) })
    .input(deleteMissingInput)
    .output(z.object({ deleted: z.number().int() }))
    .mutation(({ ctx, input }) => deleteMissingMembers(ctx.scope, input)),
});
