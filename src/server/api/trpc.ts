// The tRPC bootstrap: context, error formatter and the procedure builders.
// Routers import nothing else from here.
//
// The context starts with the plain Prisma client, and only the builders
// touch it: a tenant procedure's context has `scope` (the tenant-bound client,
// the school, the actor, the job queue, a logger) and its `prisma` is typed
// `never`, so going past the tenant filter from a router is a type error.
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import type PgBoss from "pg-boss";
import superjson from "superjson";
import type { PrismaClient } from "~/generated/prisma/client";
import { LOCALE_COOKIE, parseLocale, pick, type Locale } from "~/i18n/locale";
import { can, PERMISSIONS, type Permission } from "~/server/auth/permissions";
import { loadActor, type Actor } from "~/server/auth/actors";
import { readSessionClaims } from "~/server/auth/session";
import { assertVendorAddressAllowed } from "~/server/auth/vendor-access";
import { db } from "~/server/db/client";
import { AppError, ERROR_CATALOG, fieldErrorsOf, toAppError } from "~/server/errors";
import { clientAddress } from "~/server/http/client-address";
import { parseCookies } from "~/server/http/cookies";
import { REQUEST_ID_HEADER } from "~/server/http/request-id";
import { jobQueue } from "~/server/jobs/app-queue";
import { childLogger, type Logger } from "~/server/log";
import { actorLabel, tenantScope, type PlatformScope, type ScopeActor } from "~/server/scope";
import { resolveTenantForHost, type HostResolution } from "~/server/tenants/tenant-for-host";
import type { ProcedureMeta } from "./meta";

export type Context = {
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

export function localeFrom(headers: Headers): Locale {
  return parseLocale(parseCookies(headers.get("cookie"))[LOCALE_COOKIE]);
}

export async function createContext(opts: { headers: Headers; prisma?: PrismaClient; jobs?: PgBoss }): Promise<Context> {
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

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    isDev: false,
    errorFormatter({ shape, error, ctx, path }) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL") (ctx?.log ?? childLogger({})).error({ err: error, path }, "procedure failed");
      const locale = ctx?.locale ?? "zh-CN";
      return {
        code: shape.code,
        message: appError.messageIn(locale),
        data: {
          code: shape.data.code,
          httpStatus: ERROR_CATALOG[appError.code].http,
          appCode: appError.code,
          fieldErrors: fieldErrorsOf(error),
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** An AppError thrown in a procedure carries its own tRPC code; every call leaves one log line. */
const base = t.procedure.use(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const log = ctx.log.child({ path });
  const result = await next({ ctx: { log } });
  const durationMs = Math.round(performance.now() - started);
  if (result.ok) {
    log.info({ type, durationMs }, "procedure");
    return result;
  }
  log.info({ type, durationMs, appCode: toAppError(result.error).code }, "procedure refused");
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: ERROR_CATALOG[cause.code].trpc, message: cause.code, cause });
  }
  return result;
});

function scopeActorOf(actor: Actor | null, ip: string | null): ScopeActor {
  if (actor?.kind === "member") return { kind: "member", id: actor.id, ip };
  if (actor?.kind === "tenantAdmin") return { kind: "tenantAdmin", id: actor.id, role: actor.role, ip };
  if (actor?.kind === "vendor") return { kind: "vendor", id: actor.id, ip };
  return { kind: "anonymous", ip };
}

/** Anyone on a school's host: `ctx.scope` for that school; the plain client is out of reach. */
export const publicProcedure = base.use(({ ctx, next }) => {
  if (ctx.resolution.kind !== "tenant") throw new AppError("TENANT_UNAVAILABLE");
  const tenant = ctx.resolution.tenant;
  // A session of another school (or the vendor's) acts here as nobody.
  const sameSchool = ctx.actor && ctx.actor.kind !== "vendor" && ctx.actor.tenantId === tenant.id ? ctx.actor : null;
  const scope = tenantScope({
    prisma: ctx.prisma,
    tenant,
    jobs: ctx.jobs,
    actor: scopeActorOf(sameSchool, ctx.ip),
    locale: ctx.locale,
    log: ctx.log,
  });
  return next({ ctx: { scope, prisma: undefined as never, jobs: undefined as never } });
});

/** A signed-in member of this host's school, even one who must still change the password: only for changing it. */
export const memberChangingPasswordProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (actor?.kind !== "member" || actor.tenantId !== ctx.scope.tenant.id) throw new AppError("UNAUTHENTICATED");
  return next({ ctx: { member: actor } });
});

/** A signed-in member of this host's school; one whose password must be changed first can do nothing else. */
export const memberProcedure = memberChangingPasswordProcedure.use(({ ctx, next }) => {
  if (ctx.member.mustChangePassword) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  return next();
});

const tenantAdminProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (actor?.kind !== "tenantAdmin" || actor.tenantId !== ctx.scope.tenant.id) throw new AppError("UNAUTHENTICATED");
  return next({ ctx: { admin: actor } });
});

/** A signed-in admin (or helpdesk) of this host's school whose role has `permission` (auth/permissions.ts). */
export function adminProcedure(permission: Permission) {
  return tenantAdminProcedure.use(({ ctx, next }) => {
    if (!can(ctx.admin.role, permission)) {
      throw new AppError("PERMISSION_REQUIRED", { permission: pick(ctx.locale, PERMISSIONS[permission].label) });
    }
    return next();
  });
}

/**
 * The platform operator, on the root domain only, from VENDOR_ALLOWED_ADDRESSES,
 * signed in with the password — the second factor possibly not enrolled yet.
 * Only the enrolment procedures use it.
 */
export const vendorEnrolmentProcedure = base.use(({ ctx, next }) => {
  if (ctx.resolution.kind !== "root") throw new AppError("FORBIDDEN");
  assertVendorAddressAllowed(ctx.ip);
  const actor = ctx.actor;
  if (actor?.kind !== "vendor") throw new AppError("UNAUTHENTICATED");
  const platform: PlatformScope = {
    prisma: ctx.prisma,
    jobs: ctx.jobs,
    actor: { kind: "vendor", id: actor.id, ip: ctx.ip },
    locale: ctx.locale,
    log: ctx.log.child({ actor: actorLabel({ kind: "vendor", id: actor.id, ip: ctx.ip }) }),
  };
  return next({ ctx: { vendor: actor, platform, prisma: undefined as never, jobs: undefined as never } });
});

/** The platform operator with the second factor enrolled (and so signed in with it). */
export const vendorProcedure = vendorEnrolmentProcedure.use(({ ctx, next }) => {
  if (!ctx.vendor.secondFactor) throw new AppError("SECOND_FACTOR_REQUIRED");
  return next();
});
