// What WeCom jobs need: the database, the key that opens the school's secrets,
// the queue (a job may start a follow watch or a status read), and policies
// tests may shorten.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "~/generated/prisma/client";
import type { RetryPolicy } from "./client";
import { WecomClient } from "./client";
import { loadWecomConnection } from "./connection";

/** How a follow watch polls user/get: first after `firstSeconds`, doubling to `maxSeconds`, given up after `boundSeconds`. */
export type WatchPolicy = { firstSeconds: number; maxSeconds: number; boundSeconds: number };

export const DEFAULT_WATCH: WatchPolicy = { firstSeconds: 20, maxSeconds: 30 * 60, boundSeconds: 24 * 60 * 60 };

export type SyncDeps = {
  prisma: PrismaClient;
  encryptionKey: Buffer;
  /** The queue, for the jobs a job starts (sent with the plain client, outside any transaction of the caller). */
  jobs: PgBoss;
  retry?: RetryPolicy;
  watch?: WatchPolicy;
  /** Members read one by one per reconciliation when WeCom's lists did not name them. */
  reconcileReadsPerRun?: number;
};

export async function clientFor(deps: SyncDeps, tenantId: string): Promise<WecomClient> {
  return new WecomClient(deps.prisma, await loadWecomConnection(deps.prisma, tenantId, deps.encryptionKey), deps.encryptionKey, deps.retry);
}
