// The CAS protocol endpoints of one school, relative to its base path (CAS 3.0 §2: "/login",
// "/serviceValidate" …). The same table serves every school; GET /__sim lists it per base path.
import { z } from "zod";
import { Reply, type Route, routeFor } from "../shared/routes";
import type { School } from "./config";
import type { CasSim } from "./context";
import { acceptCredentials, loginPage, logout } from "./login";
import { validateTicket } from "./validate";
import { proxyFailureXml } from "./xml";

export type SchoolCtx = { sim: CasSim; school: School };

const route = routeFor<SchoolCtx>();

/** What a browser posts from the login form; every field optional, since the acceptor must answer a partial post too. */
const loginPost = z.looseObject({
  username: z.string().max(256).optional(),
  password: z.string().max(256).optional(),
  lt: z.string().max(512).optional(),
  execution: z.string().max(512).optional(),
  _eventId: z.string().optional(),
  service: z.string().max(4096).optional(),
  renew: z.string().optional(),
  rememberMe: z.string().optional(),
  method: z.string().optional(),
});

/** A server without the CAS 3.0 paths answers them as any unknown path (reference §2.1: /p3 not confirmed on Wisedu IDS). */
const noSuchPath = () => Reply.html(404, "<!doctype html><title>404 Not Found</title><h1>404 Not Found</h1>");

export const PROTOCOL_ROUTES: Route<SchoolCtx>[] = [
  route({
    method: "GET",
    path: "/",
    summary: "the server's root: redirects to /login",
    handler: ({ school }) => Reply.redirect(`${school.basePath}/login`, 302),
  }),
  route({
    method: "GET",
    path: "/login",
    summary:
      "credential requestor (CAS 3.0 §2.1): ?service, renew, gateway, method; the login form, or SSO with the ticket-granting cookie",
    handler: ({ sim, school }, { req }) => loginPage(sim, school, req),
  }),
  route({
    method: "POST",
    path: "/login",
    summary: "credential acceptor (CAS 3.0 §2.2): username, password, lt, execution, service, rememberMe → redirect with ticket=ST-…",
    body: loginPost,
    bodyType: "form",
    handler: ({ sim, school }, { req, body }) => acceptCredentials(sim, school, req, body),
  }),
  route({
    method: "GET",
    path: "/logout",
    summary: "ends the SSO session (CAS 3.0 §2.3), sends single logout to its services, redirects to ?service when registered",
    handler: ({ sim, school }, { req }) => logout(sim, school, req),
  }),
  route({
    method: "GET",
    path: "/validate",
    summary: 'CAS 1.0 validation (§2.4): ?service&ticket[&renew] → "yes\\nuser\\n" or "no\\n"',
    handler: ({ sim, school }, { req }) => validateTicket(sim, school, "validate", req.query),
  }),
  route({
    method: "GET",
    path: "/serviceValidate",
    summary: "CAS 2.0 validation (§2.5): ?service&ticket[&renew][&format=JSON]; attributes too unless the school is strict 2.0",
    handler: ({ sim, school }, { req }) => validateTicket(sim, school, "serviceValidate", req.query),
  }),
  route({
    method: "GET",
    path: "/proxyValidate",
    summary: "CAS 2.0 (§2.6): as /serviceValidate; no proxy tickets are issued, pgtUrl answers UNAUTHORIZED_SERVICE_PROXY",
    handler: ({ sim, school }, { req }) => validateTicket(sim, school, "proxyValidate", req.query),
  }),
  route({
    method: "GET",
    path: "/p3/serviceValidate",
    summary: "CAS 3.0 validation (§2.8) with cas:attributes; 404 when the school has no /p3",
    handler: ({ sim, school }, { req }) => (school.p3 ? validateTicket(sim, school, "p3/serviceValidate", req.query) : noSuchPath()),
  }),
  route({
    method: "GET",
    path: "/p3/proxyValidate",
    summary: "CAS 3.0 (§2.9): as /p3/serviceValidate; 404 when the school has no /p3",
    handler: ({ sim, school }, { req }) => (school.p3 ? validateTicket(sim, school, "p3/proxyValidate", req.query) : noSuchPath()),
  }),
  route({
    method: "GET",
    path: "/proxy",
    summary: "CAS 2.0 proxy tickets (§2.7): not granted to any service here",
    handler: (_ctx, { req }) =>
      Reply.xml(
        200,
        req.query.get("pgt") && req.query.get("targetService")
          ? proxyFailureXml("UNAUTHORIZED_SERVICE", "this server grants no proxy tickets")
          : proxyFailureXml("INVALID_REQUEST", "'pgt' and 'targetService' parameters are both required"),
      ),
  }),
];
