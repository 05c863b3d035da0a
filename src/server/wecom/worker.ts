// Runs WeCom sync jobs. Every app instance may run it: pg-boss hands each job
// to one worker. What retrying can fix is retried with backoff by the queue;
// what it cannot fix fails at once, with a message for the school's admin.
import type PgBoss from "pg-boss";
import { ZodError } from "zod";
import { toAppError } from "~/server/errors";
import { childLogger } from "~/server/log";
import { QUEUES, workDraining } from "~/server/jobs/queue";
import { wecomJobDone, wecomJobFailed, wecomJobStarted } from "~/server/jobs/wecom-jobs";
import { isWecomError, WecomAuthPausedError } from "./errors";
import { runWecomStatusJob } from "./status-jobs";
import { runWecomSyncJob, sendOnAfterFailure, TransientSyncError, type SyncDeps } from "./sync";

/** What a failed job records, in both languages, for the admin's job list. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly en: string,
    readonly errcode: number | null,
    readonly permanent: boolean,
    /** Failed because WeCom refused the school's secret: saving new settings puts it back in the queue (auth-pause.ts). */
    readonly paused = false,
  ) {
    super(message);
    this.name = "JobFailure";
  }
}

export function describeFailure(error: unknown): JobFailure {
  if (isWecomError(error)) {
    const paused = error instanceof WecomAuthPausedError;
    return new JobFailure(
      error.messageIn("zh-CN"),
      error.messageIn("en"),
      "errcode" in error ? error.errcode : null,
      error.kind === "permanent",
      paused,
    );
  }
  if (error instanceof TransientSyncError) return new JobFailure(error.zh, error.en, null, false);
  // A job this version cannot read never becomes readable by retrying.
  if (error instanceof ZodError)
    return new JobFailure("任务内容无法识别，已停止重试。", "The job's content is not understood; it will not be retried.", null, true);
  // A catalogue error is the admin's to fix; anything else (a database hiccup, a bug) is retried, bounded by the queue's backoff.
  const appError = toAppError(error);
  return new JobFailure(appError.messageIn("zh-CN"), appError.messageIn("en"), null, appError.code !== "INTERNAL");
}

/** A job as the worker gets it; pg-boss's metadata (includeMetadata) says which run this is and whether another follows. */
export type WorkerJob = PgBoss.Job<unknown> & Partial<Pick<PgBoss.JobWithMetadata, "retryCount" | "retryLimit">>;

export async function handleWecomJob(deps: SyncDeps, job: WorkerJob, run = runWecomSyncJob): Promise<void> {
  const data = job.data as { tenantId?: unknown; kind?: unknown };
  const tenantId = typeof data.tenantId === "string" ? data.tenantId : undefined;
  const log = childLogger({
    jobId: job.id,
    job: `${job.name}:${typeof data.kind === "string" ? data.kind : "?"}`,
    tenant: tenantId,
  });
  const retryCount = job.retryCount ?? 0;
  await wecomJobStarted(deps.prisma, tenantId, job.id, retryCount + 1);
  try {
    await run({ ...deps, log }, job.data);
    await wecomJobDone(deps.prisma, tenantId, job.id);
    log.info("job done");
  } catch (error) {
    const failure = describeFailure(error);
    if (toAppError(error).code === "INTERNAL" && !isWecomError(error) && !(error instanceof TransientSyncError))
      log.error({ err: error }, "job failed");
    else log.warn({ errcode: failure.errcode, permanent: failure.permanent, paused: failure.paused }, "job refused");
    if (failure.permanent) {
      // No retry can help: spend the remaining tries so the queue marks it failed now.
      await deps.prisma.$executeRawUnsafe(
        `UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2::uuid`,
        job.name,
        job.id,
      );
    }
    // The queue retries it while tries are left (pg-boss: retry_count < retry_limit), as it will now decide.
    const final = failure.permanent || job.retryLimit === undefined || retryCount >= job.retryLimit;
    await wecomJobFailed(deps.prisma, tenantId, job.id, {
      errcode: failure.errcode,
      zh: failure.message,
      en: failure.en,
      paused: failure.paused,
      final,
    });
    if (final && job.name === QUEUES.wecomSync) await sendOnAfterFailure(deps, job.data);
    throw failure;
  }
}

/** Workers for both WeCom queues: directory writes (wecom-sync) and status reads (wecom-status: watches, reconciliation). */
export async function startWecomWorker(
  boss: PgBoss,
  deps: SyncDeps,
  options: { concurrency?: number; pollingIntervalSeconds?: number } = {},
): Promise<void> {
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  for (let i = 0; i < (options.concurrency ?? 2); i++) {
    await workDraining(boss, QUEUES.wecomSync, polling, (job) => handleWecomJob(deps, job));
    await workDraining(boss, QUEUES.wecomStatus, polling, (job) => handleWecomJob(deps, job, runWecomStatusJob));
  }
}
