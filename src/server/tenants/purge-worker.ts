// The purge of deleted schools (delete-tenant.ts purgeDeletedTenants), once a day at 03:30 China
// time: pg-boss runs a schedule once across instances, and the purge itself only takes schools
// deleted 30 days or more before the run, so a run late or twice does no harm.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "~/generated/prisma/client";
import { QUEUES } from "~/server/jobs/queue";
import { childLogger } from "~/server/log";
import { purgeDeletedTenants } from "./delete-tenant";

export async function scheduleTenantPurge(boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.tenantPurge, "30 3 * * *", {}, { tz: "Asia/Shanghai", singletonKey: "tenant-purge" });
}

export async function startTenantPurgeWorker(boss: PgBoss, prisma: PrismaClient): Promise<void> {
  await boss.work(QUEUES.tenantPurge, { batchSize: 1 }, async () => {
    const purged = await purgeDeletedTenants(prisma, new Date());
    if (purged.length > 0) childLogger({ job: QUEUES.tenantPurge }).info({ purged }, "deleted schools purged");
  });
}
