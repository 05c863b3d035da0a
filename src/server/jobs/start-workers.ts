// Started once per app instance by src/instrumentation.ts: pg-boss's
// maintenance and the job workers. Instances share the work through PostgreSQL.
import { serverEnv } from "~/env";
import { encryptionKey } from "~/server/crypto/keys";
import { db } from "~/server/db/client";
import { startRosterImportWorker } from "~/server/members/roster/import-worker";
import { scheduleTenantPurge, startTenantPurgeWorker } from "~/server/tenants/purge-worker";
import { scheduleReconciliation } from "~/server/wecom/status-jobs";
import { startWecomWorker } from "~/server/wecom/worker";
import { jobQueue } from "./app-queue";
import { startBoss } from "./queue";

const SHUTDOWN_HOOKS = Symbol.for("campus-wecom.shutdown-hooks");

export async function startAppWorkers(): Promise<void> {
  const env = serverEnv();
  const workers = env.JOB_WORKERS;
  const boss = await startBoss(jobQueue());
  await scheduleReconciliation(boss, env.WECOM_RECONCILE_HOURS);
  await scheduleTenantPurge(boss);
  if (workers > 0) {
    await startWecomWorker(boss, { prisma: db(), encryptionKey: encryptionKey(), jobs: boss }, { concurrency: workers });
    await startRosterImportWorker(boss, db());
    await startTenantPurgeWorker(boss, db());
  }
  // scripts/server.mjs runs these before it exits, while PostgreSQL is still up: active jobs get 5 s.
  // Each resolves to the component's name, which the server prints as it stops.
  const hooks = ((globalThis as { [SHUTDOWN_HOOKS]?: (() => Promise<string>)[] })[SHUTDOWN_HOOKS] ??= []);
  hooks.push(() => boss.stop({ graceful: true, timeout: 5_000 }).then(() => "Job workers"));
}
