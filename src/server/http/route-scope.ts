// Route handlers (QR images, identity callbacks, 二次验证's form post, the WeCom callback …) reach
// the school's scope the way tRPC's procedures do (request-scope.ts): the host's school, the actor
// of this school's session (or nobody), the request's language, a logger with the request id, the
// client's address. `memberRoute` and `adminRoute(permission)` refuse as memberProcedure and
// adminProcedure refuse, with the same AppError codes; every refusal or failure becomes the
// route's answer in one place (answers.ts errorAnswer). A state-changing request of a browser is
// refused before anything else unless it comes from this same origin.
//
// A route file is then a few lines: read its input, call a domain function with (scope, input),
// turn the result into a Response.
import type { ScopeActor, TenantScope } from "~/server/scope";
import { AppError } from "~/server/errors";
import type { Permission } from "~/server/auth/permissions";
import type { Logger } from "~/server/log";
import { actorLabel, tenantScope } from "~/server/scope";
import { normaliseHost } from "~/server/tenants/resolve-host";
import { tenantContextSelect, toTenantContext } from "~/server/tenants/tenant-context";
import { errorAnswer, type Refusal } from "./answers";
import {
  createRequestContext,
  localeFrom,
  schoolScopeOf,
  signedInAdmin,
  signedInMember,
  type AdminActor,
  type MemberActor,
  type RequestContext,
} from "./request-scope";
import { isSameOriginRequest } from "./same-origin";

/** Next's second argument to a route handler; optional here so a static route can be called with the request alone (tests). */
export type RouteContext<P> = { params: Promise<P> };
export type RouteHandler<P> = (request: Request, context?: RouteContext<P>) => Promise<Response>;

export type RouteOptions = {
  /** How a refusal is answered (answers.ts): "json" unless the route says otherwise. */
  refusal?: Refusal;
  /**
   * "browser" (the default): a POST from another site is refused (CROSS_SITE_REFUSED) before the
   * school is looked up. "server": the caller is a school's or WeCom's server, which sends no Origin
   * and proves itself by what it sends (a signature, a ticket of its own).
   */
  caller?: "browser" | "server";
  /** The log lines' component ("qr", "identity-start" …). */
  component: string;
};

export type SchoolRouteArgs<P> = {
  request: Request;
  scope: TenantScope;
  /** The host the request came to, normalised (never copied into a link: tenants/public-origin.ts picks the school's own). */
  host: string;
  params: P;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function route<P, Who extends object>(
  options: RouteOptions,
  scopeOf: (ctx: RequestContext, log: Logger, params: P) => Promise<TenantScope> | TenantScope,
  authorise: (ctx: RequestContext, scope: TenantScope) => Who,
  handler: (args: SchoolRouteArgs<P> & Who) => Promise<Response> | Response,
): RouteHandler<P> {
  return async (request, context) => {
    const refusal = options.refusal ?? "json";
    let log: Logger | undefined;
    let locale = localeFrom(request.headers);
    try {
      if (options.caller !== "server" && !SAFE_METHODS.has(request.method) && !isSameOriginRequest(request)) {
        throw new AppError("CROSS_SITE_REFUSED");
      }
      const ctx = await createRequestContext({ headers: request.headers });
      log = ctx.log.child({ component: options.component });
      locale = ctx.locale;
      const params = context ? await context.params : ({} as P);
      const scope = await scopeOf(ctx, log, params);
      const who = authorise(ctx, scope);
      return await handler({ request, scope, host: normaliseHost(request.headers.get("host")) ?? "", params, ...who });
    } catch (error) {
      return errorAnswer(error, { refusal, locale, log });
    }
  };
}

const hostSchool = (ctx: RequestContext, log: Logger) => schoolScopeOf(ctx, log);

/** Anyone on a school's host (an anonymous or signed-in actor of that school); TENANT_UNAVAILABLE elsewhere. */
export function schoolRoute<P = Record<string, never>>(
  options: RouteOptions,
  handler: (args: SchoolRouteArgs<P>) => Promise<Response> | Response,
) {
  return route<P, object>(options, hostSchool, () => ({}), handler);
}

/** A signed-in member of the host's school who need not change the password first (as memberProcedure). */
export function memberRoute<P = Record<string, never>>(
  options: RouteOptions,
  handler: (args: SchoolRouteArgs<P> & { member: MemberActor }) => Promise<Response> | Response,
) {
  return route(options, hostSchool, (ctx, scope) => ({ member: signedInMember(ctx, scope) }), handler);
}

/** A signed-in admin or helpdesk of the host's school whose role has `permission` (as adminProcedure(permission)). */
export function adminRoute<P = Record<string, never>>(
  permission: Permission,
  options: RouteOptions,
  handler: (args: SchoolRouteArgs<P> & { admin: AdminActor }) => Promise<Response> | Response,
) {
  return route(options, hostSchool, (ctx, scope) => ({ admin: signedInAdmin(ctx, scope, permission) }), handler);
}

/**
 * A school named by the route's path (`{slug}`), not by the host: a URL a school's admin registers
 * at a third party (WeCom's callback URL), which that party calls from its servers. The scope acts
 * as `actor` (the platform receiving the call); an unknown or suspended school is TENANT_UNAVAILABLE.
 */
export function schoolOfPathRoute<P extends { slug: string }>(
  actor: Extract<ScopeActor, { kind: "system" }>,
  options: RouteOptions,
  handler: (args: SchoolRouteArgs<P>) => Promise<Response> | Response,
) {
  const scopeOf = async (ctx: RequestContext, log: Logger, params: P) => {
    const row = await ctx.prisma.tenant.findUnique({ where: { slug: params.slug }, select: tenantContextSelect });
    if (!row || row.status !== "ACTIVE") throw new AppError("TENANT_UNAVAILABLE");
    const tenant = toTenantContext(row);
    const schoolLog = log.child({ tenant: tenant.slug, actor: actorLabel(actor) });
    return tenantScope({ prisma: ctx.prisma, tenant, jobs: ctx.jobs, actor, locale: ctx.locale, log: schoolLog });
  };
  return route<P, object>(options, scopeOf, () => ({}), handler);
}
