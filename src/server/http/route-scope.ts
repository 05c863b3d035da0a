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
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { PlatformScope, ScopeActor, TenantScope } from "~/server/scope";
import { AppError } from "~/server/errors";
import type { Permission } from "~/server/auth/permissions";
import { db } from "~/server/db/client";
import { jobQueue } from "~/server/jobs/app-queue";
import { childLogger } from "~/server/log";
import { actorLabel, tenantScope } from "~/server/scope";
import { normaliseHost } from "~/server/tenants/resolve-host";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { errorAnswer, type Refusal } from "./answers";
import {
  createRequestContext,
  localeFrom,
  schoolScopeOf,
  signedInAdmin,
  signedInMember,
  signedInVendor,
  type AdminActor,
  type MemberActor,
  type RequestContext,
} from "./request-scope";
import { REQUEST_ID_HEADER } from "./request-id";
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
   * and proves itself by what it sends (a signature, a ticket of its own). "school-site": a browser
   * the school's login page sends back with a form post (OIDC form_post, SAML HTTP-POST), which
   * proves nothing by itself and is only kept for this browser's next GET (identity/http/posted-answers.ts).
   */
  caller?: "browser" | "server" | "school-site";
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

/** The school's scope of a request, and who the route's rule says may call it. */
type ScopeOf<P, Who> = (request: Request, params: P, component: string) => Promise<{ scope: TenantScope; who: Who }>;

function route<P, Who extends object>(
  options: RouteOptions,
  scopeOf: ScopeOf<P, Who>,
  handler: (args: SchoolRouteArgs<P> & Who) => Promise<Response> | Response,
): RouteHandler<P> {
  return async (request, context) => {
    let scope: TenantScope | undefined;
    try {
      if ((options.caller ?? "browser") === "browser" && !SAFE_METHODS.has(request.method) && !isSameOriginRequest(request)) {
        throw new AppError("CROSS_SITE_REFUSED");
      }
      const params = context ? await context.params : ({} as P);
      const scoped = await scopeOf(request, params, options.component);
      scope = scoped.scope;
      const host = normaliseHost(request.headers.get("host")) ?? "";
      return await handler({ request, scope: scoped.scope, host, params, ...scoped.who });
    } catch (error) {
      // Refused before the school was known: a logger of the request alone.
      const log =
        scope?.log ??
        childLogger({ requestId: request.headers.get(REQUEST_ID_HEADER) ?? undefined }).child({ component: options.component });
      return errorAnswer(error, { refusal: options.refusal ?? "json", locale: scope?.locale ?? localeFrom(request.headers), log });
    }
  };
}

/** The host's school, as tRPC's builders have it, and the actor `authorise` accepts (or throws for). */
function hostSchool<P, Who>(authorise: (ctx: RequestContext, scope: TenantScope) => Who): ScopeOf<P, Who> {
  return async (request, _params, component) => {
    const ctx = await createRequestContext({ headers: request.headers });
    const scope = schoolScopeOf(ctx, ctx.log.child({ component }));
    return { scope, who: authorise(ctx, scope) };
  };
}

/** Anyone on a school's host (an anonymous or signed-in actor of that school); TENANT_UNAVAILABLE elsewhere. */
export function schoolRoute<P = Record<string, never>>(
  options: RouteOptions,
  handler: (args: SchoolRouteArgs<P>) => Promise<Response> | Response,
) {
  return route<P, object>(
    options,
    hostSchool(() => ({})),
    handler,
  );
}

/** A signed-in member of the host's school who need not change the password first (as memberProcedure). */
export function memberRoute<P = Record<string, never>>(
  options: RouteOptions,
  handler: (args: SchoolRouteArgs<P> & { member: MemberActor }) => Promise<Response> | Response,
) {
  return route(
    options,
    hostSchool<P, { member: MemberActor }>((ctx, scope) => ({ member: signedInMember(ctx, scope) })),
    handler,
  );
}

/** A signed-in admin or helpdesk of the host's school whose role has `permission` (as adminProcedure(permission)). */
export function adminRoute<P = Record<string, never>>(
  permission: Permission,
  options: RouteOptions,
  handler: (args: SchoolRouteArgs<P> & { admin: AdminActor }) => Promise<Response> | Response,
) {
  return route(
    options,
    hostSchool<P, { admin: AdminActor }>((ctx, scope) => ({ admin: signedInAdmin(ctx, scope, permission) })),
    handler,
  );
}

/**
 * A school named by the route's path (`{slug}`), not by the host: a URL a school's admin registers
 * at a third party (WeCom's callback URL), which that party calls from its servers. The handler
 * resolves the school from what the path names and builds its scope with `schoolScope(tenantId)`,
 * acting as `actor` (the platform receiving the call), once it has a reason to (a message the
 * school's keys open): a forged call costs one small read.
 */
export function schoolOfPathRoute<P extends { slug: string }>(
  actor: Extract<ScopeActor, { kind: "system" }>,
  options: RouteOptions,
  handler: (args: {
    request: Request;
    params: P;
    prisma: PrismaClient;
    schoolScope: (tenantId: string) => Promise<TenantScope>;
  }) => Promise<Response>,
): RouteHandler<P> {
  return async (request, context) => {
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
    const log = childLogger({ requestId, actor: actorLabel(actor) }).child({ component: options.component });
    const locale = localeFrom(request.headers);
    const prisma = db();
    // The school and actor of the path, not of the host or of a session the request may carry.
    const schoolScope = async (tenantId: string) => {
      const tenant = await tenantContextById(prisma, tenantId);
      return tenantScope({ prisma, tenant, jobs: jobQueue(), actor, locale, log: log.child({ tenant: tenant.slug }) });
    };
    try {
      const params = context ? await context.params : ({} as P);
      return await handler({ request, params, prisma, schoolScope });
    } catch (error) {
      return errorAnswer(error, { refusal: options.refusal ?? "json", locale, log });
    }
  };
}

/**
 * The platform operator on the root domain (as vendorProcedure: the address allow-list, the second
 * factor): the vendor console's files (the platform audit log's export). Never a school's scope.
 */
export function vendorRoute(
  options: Pick<RouteOptions, "refusal" | "component">,
  handler: (args: { request: Request; platform: PlatformScope }) => Promise<Response> | Response,
): RouteHandler<Record<string, never>> {
  return async (request) => {
    let ctx: RequestContext | undefined;
    try {
      ctx = await createRequestContext({ headers: request.headers });
      const { platform } = signedInVendor(ctx);
      return await handler({ request, platform: { ...platform, log: platform.log.child({ component: options.component }) } });
    } catch (error) {
      const log = (ctx?.log ?? childLogger({ requestId: request.headers.get(REQUEST_ID_HEADER) ?? undefined })).child({
        component: options.component,
      });
      return errorAnswer(error, { refusal: options.refusal ?? "json", locale: ctx?.locale ?? localeFrom(request.headers), log });
    }
  };
}
