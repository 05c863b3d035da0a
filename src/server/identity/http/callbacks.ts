// Where the school's server sends the browser back: GET /api/identity/cas/callback?ticket=ST-…
// (CAS 3.0 §2.2.4) and GET /api/identity/oidc/callback?code=…&state=… (OIDC Core §3.1.2.5).
// Each takes the login this browser started (login-state.ts: no pending login, no sign-in — a
// ticket or code pasted into another browser opens nothing) and only an answer to that very login
// (its CAS nonce or OIDC state), finishes it at once, issues the session, and redirects to a clean
// local URL so the ticket or code leaves the address bar (reference §3.7). Every outcome of an
// answer to the login clears it; a refusal is explained on our login page.
//
// What is counted, and when (http/limits.ts): nothing until the sealed login and its value check
// out, which costs a decryption and no row — so a flood of forged or state-less callbacks from a
// campus NAT spends no budget that the students behind the same address need; then the pending
// login's own few tries, then the address's, sized for a hall of freshmen.
import { sessionFromSchool } from "~/server/auth/sso-sign-in";
import { AppError, toAppError } from "~/server/errors";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { clearLoginOutcomeCookie, loginOutcomeCookie } from "../login-outcome";
import { callbackAnswersLogin, clearLoginStateCookie, readLoginState, renewCookie, type LoginState } from "../login-state";
import { identityProviderOf, type IdentifiedMember } from "../provider";
import { redirect, type LoginRedirect } from "./answer";
import { ssoCallbackLimit, ssoLoginCallbackLimit } from "./limits";
import { loginPagePath } from "./start";

export type CallbackInput = {
  /** The host the browser called back on: the pending login is bound to it. */
  host: string;
  /** The callback's query: the CAS ticket, or the OIDC code and state. */
  params: URLSearchParams;
  /** The request's headers, for this browser's pending login (a sealed cookie of this host). */
  headers: Headers;
};

type Finish = (scope: TenantScope, state: LoginState, params: URLSearchParams) => Promise<IdentifiedMember | null>;

async function finishLogin(
  scope: TenantScope,
  input: CallbackInput,
  protocol: LoginState["pending"]["protocol"],
  finish: Finish,
): Promise<LoginRedirect> {
  const { host, params } = input;
  const state = readLoginState(input.headers, { tenantId: scope.tenant.id, host });
  const cleared = clearLoginStateCookie();
  const expired = (cookies: string[]) =>
    redirect(loginPagePath(state?.kind ?? null, { sso: "failed" }), [
      ...cookies,
      loginOutcomeCookie(scope.tenant.id, new AppError("SSO_LOGIN_EXPIRED")),
    ]);
  if (!state) return expired([cleared]);
  if (state.pending.protocol !== protocol || !callbackAnswersLogin(state, params)) {
    // Not an answer to this browser's login (another browser's ticket, a forged link, an error
    // answer without our state): refused, and the pending login left as it was, so such a link
    // cannot cancel the login the person is in the middle of. Nothing of the school's is shown.
    scope.log.info({ protocol }, "a callback that does not answer this browser's login: refused");
    return expired([]);
  }
  try {
    await enforceRateLimit(unscopedClient(scope), ssoLoginCallbackLimit(state));
    await enforceRateLimit(unscopedClient(scope), ssoCallbackLimit(scope.tenant.id, scope.actor.ip));
    const member = await finish(scope, state, params);
    if (!member) return redirect(loginPagePath(state.kind), [cleared]);
    const session = await sessionFromSchool(scope, member, host);
    scope.log.info({ member: member.id, protocol: state.pending.protocol }, "signed in through the school's server");
    return redirect(state.returnTo, [cleared, session, renewCookie(false), clearLoginOutcomeCookie()]);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") scope.log.error({ err: error }, "sign-in through the school's server failed");
    else scope.log.info({ appCode: appError.code }, "sign-in through the school's server refused");
    return redirect(loginPagePath(state.kind, { sso: "failed" }), [cleared, loginOutcomeCookie(scope.tenant.id, appError)]);
  }
}

export function finishCasLogin(scope: TenantScope, input: CallbackInput): Promise<LoginRedirect> {
  return finishLogin(scope, input, "CAS", async (scope, state, params) => {
    const ticket = params.get("ticket");
    // No ticket: a gateway answer (§2.1.1) or someone opening the URL; nothing to finish.
    if (ticket === null) return null;
    if (state.pending.protocol !== "CAS") throw new AppError("SSO_LOGIN_EXPIRED");
    return (await identityProviderOf(scope, "CAS")).finish(scope, { ticket, pending: state.pending, renew: state.renew });
  });
}

export function finishOidcLogin(scope: TenantScope, input: CallbackInput): Promise<LoginRedirect> {
  return finishLogin(scope, input, "OIDC", async (scope, state, params) => {
    if (state.pending.protocol !== "OIDC") throw new AppError("SSO_LOGIN_EXPIRED");
    return (await identityProviderOf(scope, "OIDC")).finish(scope, {
      params,
      pending: state.pending,
      renew: state.renew,
      startedAt: state.startedAt,
    });
  });
}
