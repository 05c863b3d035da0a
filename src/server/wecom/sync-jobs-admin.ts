// What a school's admin sees of its WeCom sync jobs: pending and failed ones,
// and a retry for a failed one. Read from the school's WecomJob rows
// (jobs/wecom-jobs.ts) through the tenant-bound client; only the retry itself
// is pg-boss's.
import { z } from "zod";
import { AppError } from "~/server/errors";
import { QUEUES } from "~/server/jobs/queue";
import type { TenantScope } from "~/server/scope";

export type SyncJobRow = {
  id: string;
  state: "created" | "retry" | "active" | "failed";
  kind: string;
  memberId: string | null;
  retryCount: number;
  createdAt: Date;
  error: { zh: string; en: string } | null;
  /** WeCom's errcode of the last failure, when WeCom answered one (60104: the phone is another WeCom member's). */
  errcode: number | null;
  /** Waits for the school's WeCom settings to be corrected (a refused secret): resumes when they are saved. */
  paused: boolean;
};

/** The product's job states as the page has always named them (pg-boss's words). */
const STATE_NAMES = { QUEUED: "created", RETRYING: "retry", ACTIVE: "active", FAILED: "failed" } as const;
type Listed = keyof typeof STATE_NAMES;

export const syncJobRowOutput = z.object({
  id: z.string(),
  state: z.enum(["created", "retry", "active", "failed"]),
  kind: z.string(),
  memberId: z.string().nullable(),
  retryCount: z.number(),
  createdAt: z.date(),
  error: z.object({ zh: z.string(), en: z.string() }).nullable(),
  errcode: z.number().int().nullable(),
  paused: z.boolean(),
});

export async function listSyncJobs(scope: TenantScope, options: { take?: number } = {}): Promise<SyncJobRow[]> {
  const rows = await scope.db.wecomJob.findMany({
    where: { queue: QUEUES.wecomSync, state: { in: Object.keys(STATE_NAMES) as Listed[] } },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
  return rows.map((row) => {
    const state = row.state as Listed;
    return {
      id: row.jobId,
      state: STATE_NAMES[state],
      kind: row.kind,
      // A department's job names the department, not a member.
      memberId: row.kind.startsWith("department.") ? null : row.subject,
      // pg-boss's retry count: a job waiting to be retried counts its last failure, a running or failed one does not.
      retryCount: Math.max(0, row.attempts - (state === "RETRYING" ? 0 : 1)),
      createdAt: row.createdAt,
      error: row.lastError ? { zh: row.lastError, en: row.lastErrorEn ?? row.lastError } : null,
      errcode: row.lastErrcode,
      paused: state === "FAILED" && row.paused,
    };
  });
}

export const syncJobIdInput = z.object({ jobId: z.string().uuid() });

export async function retrySyncJob(scope: TenantScope, input: z.infer<typeof syncJobIdInput>): Promise<{ ok: true }> {
  const where = { jobId: input.jobId, queue: QUEUES.wecomSync, state: "FAILED" as const };
  if ((await scope.db.wecomJob.count({ where })) === 0) throw new AppError("NOT_FOUND");
  await scope.jobs.retry(QUEUES.wecomSync, input.jobId);
  await scope.db.wecomJob.updateMany({ where, data: { state: "RETRYING", paused: false, finishedAt: null } });
  return { ok: true };
}
