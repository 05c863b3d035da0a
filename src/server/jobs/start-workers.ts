// Started once per app instance by src/instrumentation.ts: pg-boss's
// maintenance and the job workers. Instances share the work through PostgreSQL.
import { serverEnv } from "~/env.mjs";
import { encryptionKey } from "~/server/crypto/keys";
import { db } from "~/server/db/client";
import { startWecomWorker } from "~/server/wecom/worker";
import { jobQueue } from "./app-queue";
import { startBoss } from "./queue";

export async function startAppWorkers(): Promise<void> {
  const workers = serverEnv().JOB_WORKERS;
  const boss = await startBoss(jobQueue());
  if (workers > 0) await startWecomWorker(boss, { prisma: db(), encryptionKey: encryptionKey() }, { concurrency: workers });
  const stop = () => void boss.stop({ graceful: true, timeout: 5_000 });
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
