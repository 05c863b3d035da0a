// The tRPC bootstrap: context, error formatter and the four procedure builders.
// Routers import nothing else from here.
import { initTRPC, TRPCError } from "@trpc/server";
import type PgBoss from "pg-boss";
import superjson from "superjson";
import { ZodError } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { LOCALE_COOKIE, parseLocale, type Locale } from "~/i18n/locale";
import { loadActor, readSessionClaims, type Actor } from "~/server/auth/session";
import { assertVendorAddressAllowed } from "~/server/auth/vendor-access";
import { db } from "~/server/db/client";
import { tenantDb } from "~/server/db/tenant-db";
import { jobQueue } from "~/server/jobs/app-queue";
import { clientAddress } from "~/server/http/client-address";
import { parseCookies } from "~/server/http/cookies";
import { AppError, ERROR_CATALOG, type AppErrorCode } from "~/server/errors";
import { resolveTenantForHost, type HostResolution } from "~/server/tenants/tenant-for-host";
import type { ProcedureMeta } from "./meta";

export type Context = {
  prisma: PrismaClient;
  /** The job queue, for changes that must reach WeCom (enqueued in their transaction). */
  jobs: PgBoss;
  resolution: HostResolution;
  actor: Actor | null;
  locale: Locale;
  ip: string | null;
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
  return { prisma, jobs: opts.jobs ?? jobQueue(), resolution, actor, locale: localeFrom(opts.headers), ip };
}

/**
 * The catalogue error behind a tRPC error. Transport errors tRPC raises itself
 * (unknown procedure, wrong method, bad JSON, batch too long …) are the
 * client's fault and stay 4xx; only a failure with no known cause is INTERNAL.
 */
export function toAppError(error: TRPCError): AppError {
  const cause = error.cause;
  if (cause instanceof AppError) return cause;
  if (cause instanceof ZodError) return new AppError("INVALID_INPUT");
  const byTrpcCode: Partial<Record<TRPCError["code"], AppErrorCode>> = {
    UNAUTHORIZED: "UNAUTHENTICATED",
    FORBIDDEN: "FORBIDDEN",
    NOT_FOUND: "NOT_FOUND",
    BAD_REQUEST: "INVALID_INPUT",
    PARSE_ERROR: "INVALID_INPUT",
    UNPROCESSABLE_CONTENT: "INVALID_INPUT",
    METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
    UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  };
  if (error.code === "PAYLOAD_TOO_LARGE") return new AppError("PAYLOAD_TOO_LARGE", { kib: 1024 });
  if (error.code === "TOO_MANY_REQUESTS") return new AppError("RATE_LIMITED", { seconds: 60 });
  return new AppError(byTrpcCode[error.code] ?? "INTERNAL");
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL") console.error(error);
      const locale = ctx?.locale ?? "zh-CN";
      return {
        code: shape.code,
        message: appError.messageIn(locale),
        data: {
          code: shape.data.code,
          httpStatus: ERROR_CATALOG[appError.code].http,
          appCode: appError.code,
          fieldErrors: error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : undefined,
        },
      };
    },
  });

/** An AppError thrown in a procedure carries its own tRPC code. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: ERROR_CATALOG[cause.code].trpc, message: cause.code, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const base = t.procedure.use(appErrors);

/** Anyone on a school's host; ctx.tenant and a tenant-bound ctx.db. */
export const publicProcedure = base.use(({ ctx, next }) => {
  if (ctx.resolution.kind !== "tenant") throw new AppError("TENANT_UNAVAILABLE");
  const tenant = ctx.resolution.tenant;
  return next({ ctx: { tenant, db: tenantDb(ctx.prisma, tenant.id) } });
});

/** A signed-in member of this host's school, even one who must still change the password: only for changing it. */
export const memberChangingPasswordProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (actor?.kind !== "member" || actor.tenantId !== ctx.tenant.id) throw new AppError("UNAUTHENTICATED");
  return next({ ctx: { member: actor } });
});

/** A signed-in member of this host's school; one whose password must be changed first can do nothing else. */
export const memberProcedure = memberChangingPasswordProcedure.use(({ ctx, next }) => {
  if (ctx.member.mustChangePassword) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  return next();
});

/** A signed-in admin (or helpdesk) of this host's school. */
export const tenantAdminProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (actor?.kind !== "tenantAdmin" || actor.tenantId !== ctx.tenant.id) throw new AppError("UNAUTHENTICATED");
  return next({ ctx: { admin: actor } });
});

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
  return next({ ctx: { vendor: actor } });
});

/** The platform operator with the second factor enrolled (and so signed in with it). */
export const vendorProcedure = vendorEnrolmentProcedure.use(({ ctx, next }) => {
  if (!ctx.vendor.secondFactor) throw new AppError("SECOND_FACTOR_REQUIRED");
  return next();
});

/** A tenant admin with the IT office's full rights (not the helpdesk): settings and secrets. */
export const schoolItAdminProcedure = tenantAdminProcedure.use(({ ctx, next }) => {
  if (ctx.admin.role !== "ADMIN") throw new AppError("FORBIDDEN");
  return next();
});
