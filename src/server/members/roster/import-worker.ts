// Runs roster imports from the queue (roster-import): the school's scope rebuilt from the job, acting
// as the admin who confirmed it (the audit row names them), then run-import.ts.
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { QUEUES } from "~/server/jobs/queue";
import { childLogger } from "~/server/log";
import { tenantScope, type ScopeActor } from "~/server/scope";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { runRosterImport } from "./run-import";

export const rosterImportJob = z.object({
  tenantId: z.string().uuid(),
  importJobId: z.string().uuid(),
  actor: z.object({ id: z.string(), role: z.enum(["ADMIN", "HELPDESK"]), ip: z.string().nullable() }).nullable(),
});

export async function handleRosterImportJob(prisma: PrismaClient, boss: PgBoss, data: unknown): Promise<void> {
  const job = rosterImportJob.parse(data);
  const tenant = await tenantContextById(prisma, job.tenantId);
  const actor: ScopeActor = job.actor
    ? { kind: "tenantAdmin", id: job.actor.id, role: job.actor.role, ip: job.actor.ip }
    : { kind: "system", id: "roster-import", ip: null };
  const log = childLogger({ job: `${QUEUES.rosterImport}:${job.importJobId}`, tenant: tenant.slug });
  await runRosterImport(tenantScope({ prisma, tenant, jobs: boss, actor, log }), { importJobId: job.importJobId });
}

/** One import at a time per instance: each is a long transaction of its own. */
export async function startRosterImportWorker(boss: PgBoss, prisma: PrismaClient): Promise<void> {
  await boss.work(QUEUES.rosterImport, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await handleRosterImportJob(prisma, boss, job.data);
  });
}
