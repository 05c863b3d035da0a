// A secret WeCom refused is remembered on the school (WecomConnection.authFailedAt /
// authFailure), shared by every app instance through PostgreSQL: while it
// is remembered no gettoken is sent for the school and its sync jobs wait
// (security review M8: repeated wrong secrets get the caller's IP blocked for an
// hour). Saving new settings forgets it; so does time, so that a secret fixed in
// WeCom's console is tried again.
import type { PrismaClient } from "~/generated/prisma/client";
import { QUEUES } from "~/server/jobs/queue";
import { WecomAuthPausedError } from "./errors";

/** How long a refused secret stays refused without a settings change. */
export const AUTH_PAUSE_MS = 60 * 60 * 1000;

type Raw = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;
type FailureRow = { authFailedAt: Date | null; authFailure: string | null };

/** Throws the pause while a remembered failure is younger than AUTH_PAUSE_MS. */
export function assertNotPaused(row: FailureRow, now = new Date()): void {
  if (row.authFailedAt && row.authFailure && now.getTime() - row.authFailedAt.getTime() < AUTH_PAUSE_MS) {
    throw new WecomAuthPausedError(row.authFailure, row.authFailedAt);
  }
}

/** Throws the pause if the school has one; raw SQL, so it runs in the token store's transaction. */
export async function assertSchoolNotPaused(tx: Raw, tenantId: string): Promise<void> {
  const rows = await tx.$queryRawUnsafe<FailureRow[]>(
    `SELECT "authFailedAt", "authFailure" FROM "WecomConnection" WHERE "tenantId" = $1::uuid`,
    tenantId,
  );
  if (rows[0]) assertNotPaused(rows[0]);
}

/**
 * Remembers a refused secret, in the token store's transaction: it commits
 * before the token lock is released, so the requests waiting on the lock see
 * it instead of asking again. Only for the settings the refused request used:
 * a save in between is not paused by it.
 */
export async function recordAuthFailure(
  tx: Raw,
  connection: { tenantId: string; corpId: string; baseUrl: string },
  failure: string,
): Promise<WecomAuthPausedError> {
  const failedAt = new Date();
  await tx.$executeRawUnsafe(
    `UPDATE "WecomConnection" SET "authFailedAt" = $2, "authFailure" = $3 WHERE "tenantId" = $1::uuid AND "corpId" = $4 AND "apiBaseUrl" = $5`,
    connection.tenantId,
    failedAt,
    failure.slice(0, 64),
    connection.corpId,
    connection.baseUrl,
  );
  return new WecomAuthPausedError(failure, failedAt);
}

/**
 * Puts the school's sync jobs that failed because of the pause back in the
 * queue (as pg-boss's own retry does: one more try), e.g. in the transaction
 * that saves new settings.
 */
export async function resumePausedSyncJobs(tx: Raw, tenantId: string): Promise<number> {
  const resumed = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE pgboss.job SET state = 'retry', retry_limit = retry_limit + 1, start_after = now()
      WHERE name = $1 AND data->>'tenantId' = $2 AND state = 'failed' AND (output->>'paused')::boolean IS TRUE
      RETURNING id::text`,
    QUEUES.wecomSync,
    tenantId,
  );
  // Their rows (jobs/wecom-jobs.ts) wait again too, in the same transaction.
  await tx.$executeRawUnsafe(
    `UPDATE "WecomJob" SET state = 'RETRYING', paused = false, "finishedAt" = NULL, "updatedAt" = now()
      WHERE "tenantId" = $1::uuid AND "jobId" = ANY($2::uuid[])`,
    tenantId,
    resumed.map((job) => job.id),
  );
  return resumed.length;
}
