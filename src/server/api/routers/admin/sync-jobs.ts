import { z } from "zod";
import { listSyncJobs, retrySyncJob, syncJobIdInput, syncJobRowOutput } from "~/server/wecom/sync-jobs-admin";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminSyncJobsRouter = createTRPCRouter({
  /** WeCom sync jobs still pending, and those that failed. */
  list: adminProcedure("wecom.jobs")
    .output(z.array(syncJobRowOutput))
    .query(({ ctx }) => listSyncJobs(ctx.scope)),

  retry: adminProcedure("wecom.jobs")
    .meta({ probe: (other) => ({ jobId: other.failedSyncJobId }) })
    .input(syncJobIdInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => retrySyncJob(ctx.scope, input)),
});
