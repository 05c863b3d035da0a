import type PgBoss from "pg-boss";
import { serverEnv } from "~/env";
import { createBoss } from "./queue";

const globalForQueue = globalThis as unknown as { jobQueue?: PgBoss };

/**
 * The process's queue client, for enqueueing inside transactions (that needs
 * no started instance); instrumentation.ts starts it and the workers.
 */
export function jobQueue(): PgBoss {
  globalForQueue.jobQueue ??= createBoss(serverEnv().DATABASE_URL);
  return globalForQueue.jobQueue;
}
