// What WeCom jobs run with. The worker holds the platform's tools (SyncDeps:
// the database, the key that opens the schools' secrets, the queue, and
// policies tests may shorten); each job names its school, and the worker builds
// that school's scope from them once (wecomJobScope), as a tenant procedure
// does. The job's domain functions take that scope and the job: (scope, job).
import type PgBoss from "pg-boss";
import type { PrismaClient } from "~/generated/prisma/client";
import { actorLabel, extendScope, tenantScope, type ScopeActor, type TenantScope } from "~/server/scope";
import { AppError } from "~/server/errors";
import type { Logger } from "~/server/log";
import { tenantContextSelect, toTenantContext } from "~/server/tenants/tenant-context";
import type { RetryPolicy } from "./client";

/** How a follow watch polls user/get: first after `firstSeconds`, doubling to `maxSeconds`, given up after `boundSeconds`. */
export type WatchPolicy = { firstSeconds: number; maxSeconds: number; boundSeconds: number };

export const DEFAULT_WATCH: WatchPolicy = { firstSeconds: 20, maxSeconds: 30 * 60, boundSeconds: 24 * 60 * 60 };

/** The WeCom job's own tools, beside the school's scope. */
export type WecomJobTools = {
  encryptionKey: Buffer;
  retry?: RetryPolicy;
  watch?: WatchPolicy;
  /** Members read one by one per reconciliation when WeCom's lists did not name them. */
  reconcileReadsPerRun?: number;
};

export type SyncDeps = WecomJobTools & {
  prisma: PrismaClient;
  /** The queue, for the jobs a job starts (sent with the plain client, outside any transaction of the caller). */
  jobs: PgBoss;
  /** The running job's logger (worker.ts): what the job logs, its WeCom calls included, names the job. */
  log?: Logger;
};

/** A school's scope as a WeCom job acts in it: as the platform, with the WeCom tools. */
export type WecomJobScope = TenantScope & { wecom: WecomJobTools };

/** Who a WeCom job acts as, in the audit log and in log lines. */
export const WECOM_WORKER: ScopeActor = { kind: "system", id: "wecom-worker", ip: null };

/** Builds the scope of the school a job names (once per job, like the tenant procedures' builders). */
export async function wecomJobScope(deps: SyncDeps, tenantId: string): Promise<WecomJobScope> {
  const { prisma, jobs, log, ...wecom } = deps;
  const row = await prisma.tenant.findUnique({ where: { id: tenantId }, select: tenantContextSelect });
  // A job for a school that does not exist (or was deleted) can never succeed: it fails at once instead of being retried.
  if (!row || row.status === "DELETED") throw new AppError("TENANT_UNAVAILABLE");
  const scope = tenantScope({
    prisma,
    tenant: toTenantContext(row),
    jobs,
    actor: WECOM_WORKER,
    ...(log ? { log: log.child({ actor: actorLabel(WECOM_WORKER) }) } : {}),
  });
  return extendScope(scope, { wecom });
}
