// The job queue: pg-boss on the app's own PostgreSQL (no Redis). Jobs are
// inserted in the same transaction as the change that causes them, so a crash
// between the commit and the call loses nothing; every app instance may run
// workers, and pg-boss hands each job to one of them.
import { randomUUID } from "node:crypto";
import { rootLogger } from "~/server/log";
import PgBoss from "pg-boss";

export const QUEUES = {
  wecomSync: "wecom-sync",
  wecomStatus: "wecom-status",
  rosterImport: "roster-import",
  /** The daily purge of schools deleted 30 days ago (tenants/purge-worker.ts). */
  tenantPurge: "tenant-purge",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Transient failures are retried with exponential backoff from 5 s, eight times (about 20 minutes in all). */
const QUEUE_OPTIONS = { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 600, retentionMinutes: 14 * 24 * 60 };

/**
 * Per-queue settings. wecom-status (follow watches, status reads, reconciliation) is
 * "stately": at most one job per singletonKey in each state, so a member has one
 * watch waiting at a time and a school one reconciliation; every job there names a key.
 */
const QUEUE_POLICY: Partial<Record<QueueName, PgBoss.QueuePolicy>> = { "wecom-status": "stately" };

/**
 * A roster import is one long transaction, all or nothing: it may run for many minutes, and a
 * retry (the instance stopped mid-way) starts it again from the file; more retries would not help.
 */
const QUEUE_OVERRIDES: Partial<Record<QueueName, Partial<typeof QUEUE_OPTIONS>>> = {
  "roster-import": { retryLimit: 2, expireInSeconds: 3600 },
};

export const BOSS_SCHEMA = "pgboss";

export function createBoss(databaseUrl: string): PgBoss {
  return new PgBoss({ connectionString: databaseUrl, schema: BOSS_SCHEMA, max: 4, application_name: "campus-jobs" });
}

/** Creates pg-boss's tables (its own migrations) and our queues; safe for instances starting together. */
export async function startBoss(boss: PgBoss): Promise<PgBoss> {
  boss.on("error", (error) => rootLogger().error({ err: error, component: "job-queue" }, "job queue error"));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    if (await boss.getQueue(name)) continue;
    try {
      await boss.createQueue(name, { name, ...QUEUE_OPTIONS, ...QUEUE_OVERRIDES[name], policy: QUEUE_POLICY[name] ?? "standard" });
    } catch (error) {
      // Another instance created it a moment ago.
      if (!(await boss.getQueue(name))) throw error;
    }
  }
  return boss;
}

type RawExecutor = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };
/** A tenant-bound client or transaction (db/tenant-db.ts), which refuses raw SQL but sends jobs. */
type JobSender = { $sendJob(boss: PgBoss, name: string, data: object, options?: JobOptions): Promise<string | null> };
/** When, under which key and before which others a job runs (pg-boss: startAfter, singletonKey, priority). */
export type JobOptions = Pick<PgBoss.JobOptions, "startAfter" | "singletonKey" | "priority">;

/** Sends a job inside the caller's transaction, plain or tenant-bound: the job exists if and only if the change commits. */
export function sendInTransaction(
  boss: PgBoss,
  tx: RawExecutor | JobSender,
  name: QueueName,
  data: object,
  options: JobOptions = {},
): Promise<string | null> {
  if (typeof (tx as Partial<JobSender>).$sendJob === "function") return (tx as JobSender).$sendJob(boss, name, data, options);
  return boss.send(name, data, { ...options, db: transactionExecutor(tx as RawExecutor) });
}

type JobInserter = { $insertJobs(boss: PgBoss, jobs: PgBoss.JobInsert[]): Promise<void> };

/**
 * Many jobs of one queue in one INSERT, in the caller's transaction: an import's thousands of
 * WeCom jobs cost one statement per batch instead of one each. The ids are made here, so the
 * caller can keep its rows of them. Only for a standard queue: a stately queue's key rule is
 * send()'s to apply.
 */
export async function insertInTransaction(
  boss: PgBoss,
  tx: RawExecutor | JobInserter,
  name: QueueName,
  datas: readonly object[],
  options: Pick<JobOptions, "priority"> = {},
): Promise<string[]> {
  if (QUEUE_POLICY[name]) throw new Error(`${name} is not a standard queue: send its jobs one by one`);
  const jobs = datas.map((data) => ({ id: randomUUID(), name, data, ...options }));
  if (jobs.length === 0) return [];
  if (typeof (tx as Partial<JobInserter>).$insertJobs === "function") await (tx as JobInserter).$insertJobs(boss, jobs);
  else await boss.insert(jobs, { db: transactionExecutor(tx as RawExecutor) });
  return jobs.map((job) => job.id);
}

/** pg-boss's SQL run on a Prisma transaction, so a job commits or rolls back with the change. */
export function transactionExecutor(tx: RawExecutor): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const params = values.map((value: unknown) =>
        value === undefined
          ? null
          : value !== null && typeof value === "object" && !(value instanceof Date)
            ? JSON.stringify(value)
            : value,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

/**
 * A worker that takes one job at a time and, while its queue has work, fetches the next at once.
 * pg-boss's own loop waits out its polling interval after every fetch, busy or not (worker.js), so
 * one worker did one job per interval: an orientation hall's 2,000 member syncs took over half an
 * hour behind two workers at 2 s. Notified by itself after each job, the worker skips the wait;
 * an idle queue is still polled once per interval.
 */
export async function workDraining<T extends object>(
  boss: PgBoss,
  queue: string,
  options: { pollingIntervalSeconds: number },
  handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>,
): Promise<string> {
  // Known once work() answers, which is before its first fetch can bring a job.
  const worker = { id: "" };
  worker.id = await boss.work<T>(
    queue,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds, includeMetadata: true },
    async ([job]) => {
      if (!job) return;
      try {
        await handler(job);
      } finally {
        // A failed job is retried later by pg-boss; the next one need not wait for it either.
        if (worker.id) boss.notifyWorker(worker.id);
      }
    },
  );
  return worker.id;
}
