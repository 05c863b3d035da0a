// The one argument every domain function takes first: who acts, for which
// school, with what. Tenant procedures build it once (src/server/api/trpc.ts);
// jobs, callbacks, seeds and tests build it with the same function, so a
// domain function behaves the same whoever calls it.
//
// A tenant scope holds only the tenant-bound client (db/tenant-db.ts): every
// query through it is filtered by the school. The few domain functions that
// must step outside that filter (pg-boss's own tables, a row lock, a
// case-insensitive account lookup) ask for the plain client with
// `unscopedClient(scope)`, which routers may not import (eslint), so going
// past the tenant filter is a deliberate, reviewable act in a domain folder.
import type PgBoss from "pg-boss";
import type { AdminRole, PrismaClient } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/locale";
import { tenantDb, type TenantDb } from "./db/tenant-db";
import { childLogger, rootLogger, type Logger } from "./log";
import type { TenantContext } from "./tenants/tenant-context";

/** Who a change is made by, as the audit log records it. */
export type ScopeActor =
  | { kind: "member"; id: string; ip: string | null }
  | { kind: "tenantAdmin"; id: string; role: AdminRole; ip: string | null }
  | { kind: "vendor"; id: string; ip: string | null }
  | { kind: "anonymous"; ip: string | null }
  /** The platform itself: a job, a WeCom callback, the demo seed. */
  | { kind: "system"; id: string; ip: null };

export type TenantScope = {
  /** The tenant-bound client: every read and write is the school's own. */
  db: TenantDb;
  tenant: TenantContext;
  /** The job queue, for changes that must reach WeCom (enqueued in their transaction). */
  jobs: PgBoss;
  actor: ScopeActor;
  locale: Locale;
  log: Logger;
};

/** The platform-wide scope of the vendor console and of jobs that span schools. */
export type PlatformScope = {
  prisma: PrismaClient;
  jobs: PgBoss;
  actor: ScopeActor;
  locale: Locale;
  log: Logger;
};

const unscoped = new WeakMap<TenantScope, PrismaClient>();

export function tenantScope(options: {
  prisma: PrismaClient;
  tenant: TenantContext;
  jobs: PgBoss;
  actor: ScopeActor;
  locale?: Locale;
  log?: Logger;
}): TenantScope {
  const scope: TenantScope = {
    db: tenantDb(options.prisma, options.tenant.id),
    tenant: options.tenant,
    jobs: options.jobs,
    actor: options.actor,
    locale: options.locale ?? "zh-CN",
    log: options.log ?? childLogger({ tenant: options.tenant.slug, actor: actorLabel(options.actor) }, rootLogger()),
  };
  unscoped.set(scope, options.prisma);
  return scope;
}

/** The same school and tools, acted on by someone else (a job started by an admin's change runs as the system). */
export function withActor(scope: TenantScope, actor: ScopeActor): TenantScope {
  return extendScope(scope, { actor, log: scope.log.child({ actor: actorLabel(actor) }) });
}

/**
 * The scope with some of its parts replaced or a domain's own tools added (WeCom
 * jobs carry their client's retry and watch policies): still the one scope, with
 * the same plain client behind it.
 */
export function extendScope<Extra extends object>(scope: TenantScope, extra: Extra): TenantScope & Extra {
  const next = { ...scope, ...extra };
  unscoped.set(next, unscopedClient(scope));
  return next;
}

/**
 * The plain client behind a tenant scope, for the domain functions that must
 * step outside the tenant filter; each such use filters by `scope.tenant.id` itself.
 */
export function unscopedClient(scope: TenantScope): PrismaClient {
  const prisma = unscoped.get(scope);
  if (!prisma) throw new Error("This tenant scope was not made by tenantScope().");
  return prisma;
}

/** "member:<id>", "tenantAdmin:<id>", "system:seed" …: the actor in a log line (never a name or account). */
export function actorLabel(actor: ScopeActor): string {
  return actor.kind === "anonymous" ? "anonymous" : `${actor.kind}:${actor.id}`;
}

/** The audit row's "by whom, from where" for this scope's actor. */
export function auditActor(actor: ScopeActor): {
  actorKind: "member" | "tenantAdmin" | "vendor" | "system";
  actorId: string | null;
  ip: string | null;
} {
  if (actor.kind === "anonymous") return { actorKind: "system", actorId: null, ip: actor.ip };
  return { actorKind: actor.kind, actorId: actor.id, ip: actor.ip };
}
