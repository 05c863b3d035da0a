// Started once per app instance by src/instrumentation.ts: pg-boss's
// maintenance and the job workers. Instances share the work through PostgreSQL.
import { serverEnv } from "~/env";
import { encryptionKey } from "~/server/crypto/keys";
import { db } from "~/server/db/client";
import { scheduleReconciliation } from "~/server/wecom/status-jobs";
import { startWecomWorker } from "~/server/wecom/worker";
import { jobQueue } from "./app-queue";
import { startBoss } from "./queue";

export async function startAppWorkers(): Promise<void> {
  const env = serverEnv();
  const workers = env.JOB_WORKERS;
  const boss = await startBoss(jobQueue());
  await scheduleReconciliation(boss, env.WECOM_RECONCILE_HOURS);
  if (workers > 0) await startWecomWorker(boss, { prisma: db(), encryptionKey: encryptionKey(), jobs: boss }, { concurrency: workers });
  const stop = () => void boss.stop({ graceful: true, timeout: 5_000 });
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
