// The tRPC bootstrap: context, error formatter and the procedure builders.
// Routers import nothing else from here.
//
// The context starts with the plain Prisma client, and only the builders
// touch it: a tenant procedure's context has `scope` (the tenant-bound client,
// the school, the actor, the job queue, a logger) and its `prisma` is typed
// `never`, so going past the tenant filter from a router is a type error.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { type Permission } from "~/server/auth/permissions";
import { AppError, ERROR_CATALOG, fieldErrorsOf, toAppError } from "~/server/errors";
import {
  createRequestContext,
  localeFrom,
  schoolScopeOf,
  signedInAdmin,
  signedInMember,
  signedInVendor,
  type RequestContext,
} from "~/server/http/request-scope";
import { childLogger } from "~/server/log";
import type { ProcedureMeta } from "./meta";

// The context and the school's scope are built as every route handler builds them (http/request-scope.ts).
export type Context = RequestContext;
export { localeFrom };
export const createContext = createRequestContext;

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

/** Anyone on a school's host: `ctx.scope` for that school; the plain client is out of reach. */
export const publicProcedure = base.use(({ ctx, next }) => {
  const scope = schoolScopeOf(ctx);
  return next({ ctx: { scope, prisma: undefined as never, jobs: undefined as never } });
});

/** A signed-in member of this host's school, even one who must still change the password: only for changing it. */
export const memberChangingPasswordProcedure = publicProcedure.use(({ ctx, next }) =>
  next({ ctx: { member: signedInMember(ctx, ctx.scope, { changingPassword: true }) } }),
);

/** A signed-in member of this host's school; one whose password must be changed first can do nothing else. */
export const memberProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { member: signedInMember(ctx, ctx.scope) } }));

/** A signed-in admin (or helpdesk) of this host's school whose role has `permission` (auth/permissions.ts). */
export function adminProcedure(permission: Permission) {
  return publicProcedure.use(({ ctx, next }) => next({ ctx: { admin: signedInAdmin(ctx, ctx.scope, permission) } }));
}

/**
 * The platform operator, on the root domain only, from VENDOR_ALLOWED_ADDRESSES,
 * signed in with the password — the second factor possibly not enrolled yet.
 * Only the enrolment procedures use it.
 */
export const vendorEnrolmentProcedure = base.use(({ ctx, next }) => {
  const { vendor, platform } = signedInVendor(ctx, { enrolling: true });
  return next({ ctx: { vendor, platform, prisma: undefined as never, jobs: undefined as never } });
});

/** The platform operator with the second factor enrolled (and so signed in with it). */
export const vendorProcedure = vendorEnrolmentProcedure.use(({ ctx, next }) => {
  if (!ctx.vendor.secondFactor) throw new AppError("SECOND_FACTOR_REQUIRED");
  return next();
});
