// From a request to a school's scope, the one way: tRPC's context and procedure builders
// (src/server/api/trpc.ts) and the route handlers' helpers (route-scope.ts) both build it here,
// so a route handler sees the same school, actor, language and logger a procedure would, and is
// refused with the same error codes.
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import type { PrismaClient } from "~/generated/prisma/client";
import { LOCALE_COOKIE, parseLocale, pick, type Locale } from "~/i18n/locale";
import { loadActor, type Actor } from "~/server/auth/actors";
import { can, PERMISSIONS, type Permission } from "~/server/auth/permissions";
import { readSessionClaims } from "~/server/auth/session";
import { db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { jobQueue } from "~/server/jobs/app-queue";
import { childLogger, type Logger } from "~/server/log";
import { assertVendorAddressAllowed } from "~/server/auth/vendor-access";
import { actorLabel, tenantScope, type PlatformScope, type ScopeActor, type TenantScope } from "~/server/scope";
import { resolveTenantForHost, type HostResolution } from "~/server/tenants/tenant-for-host";
import { clientAddress } from "./client-address";
import { parseCookies } from "./cookies";
import { REQUEST_ID_HEADER } from "./request-id";

/** What a request brings: the host's resolution, who is signed in, the language, the client's address, a logger. */
export type RequestContext = {
  prisma: PrismaClient;
  jobs: PgBoss;
  resolution: HostResolution;
  actor: Actor | null;
  locale: Locale;
  ip: string | null;
  requestId: string;
  /** This request's logger: request id, tenant and actor on every line. */
  log: Logger;
};

export type MemberActor = Extract<Actor, { kind: "member" }>;
export type AdminActor = Extract<Actor, { kind: "tenantAdmin" }>;

export function localeFrom(headers: Headers): Locale {
  return parseLocale(parseCookies(headers.get("cookie"))[LOCALE_COOKIE]);
}

export async function createRequestContext(opts: { headers: Headers; prisma?: PrismaClient; jobs?: PgBoss }): Promise<RequestContext> {
  const prisma = opts.prisma ?? db();
  const resolution = await resolveTenantForHost(prisma, opts.headers.get("host"));
  const claims = await readSessionClaims(opts.headers);
  const actor = claims ? await loadActor(prisma, claims) : null;
  const ip = clientAddress(opts.headers);
  const requestId = opts.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
  const log = childLogger({
    requestId,
    tenant: resolution.kind === "tenant" ? resolution.tenant.slug : undefined,
    actor: actor ? `${actor.kind}:${actor.id}` : undefined,
  });
  return { prisma, jobs: opts.jobs ?? jobQueue(), resolution, actor, locale: localeFrom(opts.headers), ip, requestId, log };
}

function scopeActorOf(actor: Actor | null, ip: string | null): ScopeActor {
  if (actor?.kind === "member") return { kind: "member", id: actor.id, ip };
  if (actor?.kind === "tenantAdmin") return { kind: "tenantAdmin", id: actor.id, role: actor.role, ip };
  if (actor?.kind === "vendor") return { kind: "vendor", id: actor.id, ip };
  return { kind: "anonymous", ip };
}

/** The host's school as a scope (TENANT_UNAVAILABLE on any other host); `log` is the caller's own child of ctx.log. */
export function schoolScopeOf(ctx: RequestContext, log: Logger = ctx.log): TenantScope {
  if (ctx.resolution.kind !== "tenant") throw new AppError("TENANT_UNAVAILABLE");
  const tenant = ctx.resolution.tenant;
  // A session of another school (or the vendor's) acts here as nobody.
  const sameSchool = ctx.actor && ctx.actor.kind !== "vendor" && ctx.actor.tenantId === tenant.id ? ctx.actor : null;
  return tenantScope({ prisma: ctx.prisma, tenant, jobs: ctx.jobs, actor: scopeActorOf(sameSchool, ctx.ip), locale: ctx.locale, log });
}

/** A signed-in member of the scope's school; one whose password must be changed first only where `changingPassword`. */
export function signedInMember(ctx: RequestContext, scope: TenantScope, options: { changingPassword?: boolean } = {}): MemberActor {
  const actor = ctx.actor;
  if (actor?.kind !== "member" || actor.tenantId !== scope.tenant.id) throw new AppError("UNAUTHENTICATED");
  if (actor.mustChangePassword && !options.changingPassword) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  return actor;
}

/** A signed-in admin (or helpdesk) of the scope's school whose role has `permission` (auth/permissions.ts), when one is named. */
export function signedInAdmin(ctx: RequestContext, scope: TenantScope, permission?: Permission): AdminActor {
  const actor = ctx.actor;
  if (actor?.kind !== "tenantAdmin" || actor.tenantId !== scope.tenant.id) throw new AppError("UNAUTHENTICATED");
  if (permission && !can(actor.role, permission)) {
    throw new AppError("PERMISSION_REQUIRED", { permission: pick(ctx.locale, PERMISSIONS[permission].label) });
  }
  return actor;
}

export type VendorActor = Extract<Actor, { kind: "vendor" }>;

/**
 * The platform operator: on the root domain only, from VENDOR_ALLOWED_ADDRESSES, signed in (with
 * the second factor unless `enrolling`), and the platform's scope acting as them. tRPC's vendor
 * procedures and the console's routes (route-scope.ts vendorRoute) both ask here.
 */
export function signedInVendor(
  ctx: RequestContext,
  options: { enrolling?: boolean } = {},
): { vendor: VendorActor; platform: PlatformScope } {
  if (ctx.resolution.kind !== "root") throw new AppError("FORBIDDEN");
  assertVendorAddressAllowed(ctx.ip);
  const actor = ctx.actor;
  if (actor?.kind !== "vendor") throw new AppError("UNAUTHENTICATED");
  if (!options.enrolling && !actor.secondFactor) throw new AppError("SECOND_FACTOR_REQUIRED");
  const scopeActor: ScopeActor = { kind: "vendor", id: actor.id, ip: ctx.ip };
  const platform: PlatformScope = {
    prisma: ctx.prisma,
    jobs: ctx.jobs,
    actor: scopeActor,
    locale: ctx.locale,
    log: ctx.log.child({ actor: actorLabel(scopeActor) }),
  };
  return { vendor: actor, platform };
}
