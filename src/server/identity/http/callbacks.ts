// Where the school's server sends the browser back: GET /api/identity/cas/callback?ticket=ST-…
// (CAS 3.0 §2.2.4) and GET /api/identity/oidc/callback?code=…&state=… (OIDC Core §3.1.2.5).
// Each takes the login this browser started (login-state.ts: no pending login, no sign-in — a
// ticket or code pasted into another browser opens nothing), finishes it at once, issues the
// session, and redirects to a clean local URL so the ticket or code leaves the address bar
// (reference §3.7). Every outcome clears the pending login; a refusal is explained on our login page.
import { sessionFromSchool } from "~/server/auth/sso-sign-in";
import { db } from "~/server/db/client";
import { AppError, toAppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { clearLoginOutcomeCookie, loginOutcomeCookie } from "../login-outcome";
import { clearLoginStateCookie, readLoginState, renewCookie, type LoginState } from "../login-state";
import { identityProviderOf, type IdentifiedMember } from "../provider";
import { loginPagePath } from "./start";
import { plainText, redirectTo, schoolOfRequest, type SchoolRequest } from "./school-of-request";

async function finishLogin(
  request: Request,
  component: string,
  finish: (school: SchoolRequest, state: LoginState, params: URLSearchParams) => Promise<IdentifiedMember | null>,
): Promise<Response> {
  const school = await schoolOfRequest(request, component);
  if (!school) return plainText("unknown school", 404);
  const { scope, host } = school;
  const params = new URL(request.url).searchParams;
  const state = readLoginState(request.headers, { tenantId: scope.tenant.id, host });
  const cleared = clearLoginStateCookie();
  try {
    // Each callback may cost the school's server a validation: a client gets a few a minute, not thousands.
    await enforceRateLimit(db(), { key: `sso-callback:${scope.tenant.id}:${scope.actor.ip ?? "unknown"}`, limit: 30, windowSeconds: 60 });
    if (!state) throw new AppError("SSO_LOGIN_EXPIRED");
    const member = await finish(school, state, params);
    if (!member) return redirectTo(loginPagePath(state.kind), [cleared]);
    const session = await sessionFromSchool(scope, member, host);
    scope.log.info({ member: member.id, protocol: state.pending.protocol }, "signed in through the school's server");
    return redirectTo(state.returnTo, [cleared, session, renewCookie(false), clearLoginOutcomeCookie()]);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") scope.log.error({ err: error }, "sign-in through the school's server failed");
    else scope.log.info({ appCode: appError.code }, "sign-in through the school's server refused");
    return redirectTo(loginPagePath(state?.kind ?? null, { sso: "failed" }), [cleared, loginOutcomeCookie(scope.tenant.id, appError)]);
  }
}

export function casCallback(request: Request): Promise<Response> {
  return finishLogin(request, "cas", async ({ scope }, state, params) => {
    const ticket = params.get("ticket");
    // No ticket: a gateway answer (§2.1.1) or someone opening the URL; nothing to finish.
    if (ticket === null) return null;
    if (state.pending.protocol !== "CAS") throw new AppError("SSO_LOGIN_EXPIRED");
    return (await identityProviderOf(scope, "CAS")).finish(scope, { ticket, pending: state.pending, renew: state.renew });
  });
}

export function oidcCallback(request: Request): Promise<Response> {
  return finishLogin(request, "oidc", async ({ scope }, state, params) => {
    if (state.pending.protocol !== "OIDC") throw new AppError("SSO_LOGIN_EXPIRED");
    return (await identityProviderOf(scope, "OIDC")).finish(scope, {
      params,
      pending: state.pending,
      renew: state.renew,
      startedAt: state.startedAt,
    });
  });
}
