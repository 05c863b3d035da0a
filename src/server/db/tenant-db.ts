// The one mechanism that scopes tenant data. A tenant-bound client adds
// `tenantId` to the filter of every read and write, and to the data of every
// create, on each tenant-scoped model; composite foreign keys (tenantId, id) in
// the schema stop a row of one school from pointing at another's.
import type PgBoss from "pg-boss";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { transactionExecutor } from "~/server/jobs/queue";
import { insertMembers, insertWecomJobRows, type MemberInsert, type WecomJobRowInsert } from "./bulk-insert";

/** Models that belong to one tenant. Adding a model with `tenantId` means adding it here. */
export const TENANT_SCOPED_MODELS = [
  "Member",
  "IdentityKind",
  "TenantAdmin",
  "TenantDomain",
  "AuditLog",
  "WecomToken",
  "WecomCallbackReceipt",
  "MemberWecom",
  // A school's 1:1 settings, keyed by tenantId.
  "IdentityProviderSettings",
  "LockoutPolicy",
  "PhonePolicy",
  "PasswordPolicy",
  "WecomConnection",
  "CodePolicy",
  "VerificationCode",
  "OutboxMessage",
  "PhoneBinding",
  "HelpdeskCase",
  "WecomJoinQr",
  "SsoSession",
  "CasTicketUse",
  "WecomJob",
  "IdentityCallbackPost",
  "ImportJob",
  "SchoolLogo",
  "Department",
  "HelpPage",
  "SchoolContacts",
  // The service hall (servicehall/).
  "DepartmentRole",
  "ApproverGroup",
  "ApproverGroupMember",
  "Service",
  "ServiceVersion",
  "Application",
  "ApplicationTask",
  "ApplicationEvent",
] as const;
const scoped = new Set<string>(TENANT_SCOPED_MODELS);

const FILTERED = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
]);

type Args = { where?: object; data?: unknown; create?: object; update?: object; select?: unknown; include?: unknown };

const UPDATES = new Set(["update", "updateMany", "updateManyAndReturn"]);

function withTenant<T>(data: T, tenantId: string): T {
  if (data === null || typeof data !== "object") return data;
  if ("tenant" in data) throw new Error("Tenant-scoped writes set no `tenant` relation: the tenant-bound client sets it.");
  return { ...data, tenantId };
}

/** An update never moves a row to another tenant. */
function staysInTenant<T>(data: T, tenantId: string): T {
  if (data === null || typeof data !== "object") return data;
  if ("tenant" in data) throw new Error("Tenant-scoped writes set no `tenant` relation: the tenant-bound client sets it.");
  if ("tenantId" in data && data.tenantId !== tenantId) throw new Error("A tenant-bound client never moves a row to another tenant.");
  return data;
}

/**
 * A `tenant` relation read through the tenant-bound client would hand out the
 * whole Tenant row (secrets included) and is the first step of walking to
 * another school's rows: the tenant context comes from the host instead.
 */
function refuseTenantRelation(shape: unknown): void {
  if (shape === null || typeof shape !== "object") return;
  for (const [field, value] of Object.entries(shape)) {
    if (field === "tenant") throw new Error("A tenant-bound client does not read the `tenant` relation: use the tenant context.");
    if (value !== null && typeof value === "object") {
      const nested = value as { select?: unknown; include?: unknown };
      refuseTenantRelation(nested.select);
      refuseTenantRelation(nested.include);
    }
  }
}

export function scopeArgs(operation: string, args: Args, tenantId: string): Args {
  refuseTenantRelation(args.select);
  refuseTenantRelation(args.include);
  if (UPDATES.has(operation)) return { ...args, where: { ...args.where, tenantId }, data: staysInTenant(args.data, tenantId) };
  if (FILTERED.has(operation)) return { ...args, where: { ...args.where, tenantId } };
  switch (operation) {
    case "create":
      return { ...args, data: withTenant(args.data, tenantId) };
    case "createMany":
    case "createManyAndReturn": {
      const data = Array.isArray(args.data) ? args.data.map((d: unknown) => withTenant(d, tenantId)) : withTenant(args.data, tenantId);
      return { ...args, data };
    }
    case "upsert":
      return {
        ...args,
        where: { ...args.where, tenantId },
        create: withTenant(args.create, tenantId),
        update: staysInTenant(args.update, tenantId),
      };
    default:
      throw new Error(`Operation ${operation} is not allowed on a tenant-bound client.`);
  }
}

type RawExecute = (query: string, ...values: unknown[]) => Promise<number>;

const refuseRaw = () => {
  throw new Error(
    "Raw SQL is not allowed on a tenant-bound client: it would bypass the tenant filter. Use the plain client in the domain function that needs it.",
  );
};

export function tenantDb(prisma: PrismaClient, tenantId: string) {
  return prisma.$extends({
    name: "tenant-scope",
    client: {
      $queryRaw: refuseRaw as never,
      $queryRawUnsafe: refuseRaw as never,
      $executeRaw: refuseRaw as never,
      $executeRawUnsafe: refuseRaw as never,
      /**
       * The SQL a tenant-bound client runs: pg-boss's insert of a job (or of many at once, an
       * import's), in this client's transaction (so the jobs commit or roll back with the change).
       */
      $insertJobs(boss: PgBoss, jobs: PgBoss.JobInsert[]): Promise<void> {
        const parent = (Prisma.getExtensionContext(this) as unknown as { $parent: Parameters<typeof transactionExecutor>[0] }).$parent;
        return boss.insert(jobs, { db: transactionExecutor(parent) });
      },
      /**
       * Many new members in one statement (a roster import's batch), in this school: the school is
       * this client's, never the caller's (bulk-insert.ts). Returns how many were written.
       */
      $insertMembers(rows: readonly MemberInsert[]): Promise<number> {
        if (rows.length === 0) return Promise.resolve(0);
        const parent = (Prisma.getExtensionContext(this) as unknown as { $parent: { $executeRawUnsafe: RawExecute } }).$parent;
        return parent.$executeRawUnsafe(insertMembers.sql, tenantId, ...insertMembers.params(rows));
      },
      /** Many WeCom jobs' rows (jobs/wecom-jobs.ts) in one statement, in this school. */
      $insertWecomJobRows(rows: readonly WecomJobRowInsert[]): Promise<number> {
        if (rows.length === 0) return Promise.resolve(0);
        const parent = (Prisma.getExtensionContext(this) as unknown as { $parent: { $executeRawUnsafe: RawExecute } }).$parent;
        return parent.$executeRawUnsafe(insertWecomJobRows.sql, tenantId, ...insertWecomJobRows.params(rows));
      },
      $sendJob(
        boss: PgBoss,
        name: string,
        data: object,
        options: Pick<PgBoss.JobOptions, "startAfter" | "singletonKey" | "priority"> = {},
      ): Promise<string | null> {
        const parent = (Prisma.getExtensionContext(this) as unknown as { $parent: Parameters<typeof transactionExecutor>[0] }).$parent;
        return boss.send(name, data, { ...options, db: transactionExecutor(parent) });
      },
    },
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!scoped.has(model)) {
            throw new Error(`${model} is not tenant-scoped; read it outside the tenant-bound client.`);
          }
          return query(scopeArgs(operation, args, tenantId));
        },
      },
    },
  });
}

type RawMethods = "$queryRaw" | "$queryRawUnsafe" | "$executeRaw" | "$executeRawUnsafe" | "$queryRawTyped";
export type TenantDb = Omit<ReturnType<typeof tenantDb>, RawMethods>;
export type TenantTx = Omit<TenantDb, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type { Prisma };
export type { MemberInsert, WecomJobRowInsert };
