// The product's own record of its WeCom jobs (WecomJob): one row per job of a
// school, written in the transaction that sends the pg-boss job and brought up
// to date by the worker as the job runs. pg-boss's tables stay the queue's
// business; the journey, the back office and whatever shows progress next read
// these rows through the tenant-bound client, like every other school's data.
import type PgBoss from "pg-boss";
import type { PrismaClient, WecomJobState } from "~/generated/prisma/client";
import { tenantDb } from "~/server/db/tenant-db";
import { insertInTransaction, sendInTransaction, type JobOptions, type QueueName } from "./queue";

type Executor = Parameters<typeof sendInTransaction>[1];

/** What every WeCom job's data names: its kind, and the school and member (or department) it is about (when it is). */
export type WecomJobData = { kind: string; tenantId?: string; memberId?: string; departmentId?: string };

type RowData = { tenantId: string; jobId: string; queue: string; kind: string; subject: string | null };
/** The row methods a transaction has, plain or tenant-bound (the latter adds the tenant itself). */
type RowWriter = {
  wecomJob: {
    create(args: { data: RowData }): Promise<unknown>;
    createMany(args: { data: RowData[] }): Promise<unknown>;
    updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
  };
};

type BulkRowWriter = { $insertWecomJobRows(rows: readonly RowData[]): Promise<number> };

export type SendWecomJobOptions = JobOptions & {
  /**
   * The job carries on the running job of the same kind and member (a follow
   * watch's next poll): it takes over that job's row instead of adding one, so
   * a watch of a day is one row, not fifty.
   */
  continues?: boolean;
};

/**
 * Sends a WeCom job and writes its row in the same transaction: both exist if
 * and only if the caller's change commits. A plain client (no transaction of
 * the caller's) gets one of its own. A job pg-boss does not create (a stately
 * queue's key already waiting) gets no row; neither does a job of no school.
 */
export function sendWecomJob(
  boss: PgBoss,
  tx: Executor,
  queue: QueueName,
  data: WecomJobData,
  options: SendWecomJobOptions = {},
): Promise<string | null> {
  const { continues, ...jobOptions } = options;
  const send = async (inner: Executor): Promise<string | null> => {
    const jobId = await sendInTransaction(boss, inner, queue, data, jobOptions);
    if (!jobId || !data.tenantId) return jobId;
    const rows = inner as unknown as RowWriter;
    const same = { tenantId: data.tenantId, queue, kind: data.kind, subject: data.memberId ?? data.departmentId ?? null };
    if (continues) {
      const taken = await rows.wecomJob.updateMany({ where: { ...same, state: "ACTIVE" }, data: { jobId, state: "QUEUED" } });
      if (taken.count > 0) return jobId;
    }
    await rows.wecomJob.create({ data: { ...same, jobId } });
    return jobId;
  };
  const root = tx as Partial<Pick<PrismaClient, "$transaction">> & { $sendJob?: unknown };
  if (typeof root.$transaction === "function" && root.$sendJob === undefined) {
    return (tx as PrismaClient).$transaction((inner) => send(inner));
  }
  return send(tx);
}

/**
 * Many WeCom jobs of one queue, each with its row, in the caller's transaction (an import's batch):
 * one INSERT for the jobs and one for the rows, however many members the batch has. Through a
 * tenant-bound transaction the rows are its school's, whatever `tenantId` the data names.
 */
export async function sendWecomJobs(
  boss: PgBoss,
  tx: Executor,
  queue: QueueName,
  datas: readonly WecomJobData[],
  options: Pick<JobOptions, "priority"> = {},
): Promise<string[]> {
  const ids = await insertInTransaction(boss, tx as Parameters<typeof insertInTransaction>[1], queue, datas, options);
  const rows = datas.flatMap((data, i) =>
    data.tenantId
      ? [{ tenantId: data.tenantId, jobId: ids[i]!, queue, kind: data.kind, subject: data.memberId ?? data.departmentId ?? null }]
      : [],
  );
  if (rows.length === 0) return ids;
  // A tenant-bound transaction writes the rows in one statement of its own (db/bulk-insert.ts), in its school.
  const bulk = tx as Partial<BulkRowWriter>;
  if (typeof bulk.$insertWecomJobRows === "function") await bulk.$insertWecomJobRows(rows);
  else await (tx as unknown as RowWriter).wecomJob.createMany({ data: rows });
  return ids;
}

/** How a failed run ends: retried by the queue, or failed for good. */
export type JobRunFailure = { errcode: number | null; zh: string; en: string; paused: boolean; final: boolean };

/** The row of a running job, through its school's tenant-bound client (a job of no school has none). */
function rowsOf(prisma: PrismaClient, tenantId: string | undefined, jobId: string) {
  if (!tenantId) return null;
  const update = (data: { state: WecomJobState } & Record<string, unknown>) =>
    tenantDb(prisma, tenantId).wecomJob.updateMany({ where: { jobId }, data });
  return { update };
}

/** The worker took the job: its `attempts`-th run starts. */
export async function wecomJobStarted(prisma: PrismaClient, tenantId: string | undefined, jobId: string, attempts: number): Promise<void> {
  await rowsOf(prisma, tenantId, jobId)?.update({ state: "ACTIVE", attempts });
}

/** The run succeeded. */
export async function wecomJobDone(prisma: PrismaClient, tenantId: string | undefined, jobId: string): Promise<void> {
  await rowsOf(prisma, tenantId, jobId)?.update({ state: "DONE", paused: false, finishedAt: new Date() });
}

/** The run failed: the queue retries it, or it failed for good; WeCom's errcode and the admin's words stay on the row. */
export async function wecomJobFailed(
  prisma: PrismaClient,
  tenantId: string | undefined,
  jobId: string,
  failure: JobRunFailure,
): Promise<void> {
  await rowsOf(prisma, tenantId, jobId)?.update({
    state: failure.final ? "FAILED" : "RETRYING",
    lastErrcode: failure.errcode,
    lastError: failure.zh.slice(0, 500),
    lastErrorEn: failure.en.slice(0, 500),
    paused: failure.paused,
    finishedAt: failure.final ? new Date() : null,
  });
}
