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
//
// A protocol may answer with a form post from the school's site instead (OIDC form_post, SAML's
// HTTP-POST binding): that post brings none of our SameSite=Lax cookies, so it is only kept, and
// the browser sent on to this same GET, which brings the pending login (posted-answers.ts).
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { sessionFromSchool } from "~/server/auth/sso-sign-in";
import { AppError, toAppError } from "~/server/errors";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { clearLoginOutcomeCookie, loginOutcomeCookie } from "../login-outcome";
import { answersLogin, clearLoginStateCookie, readLoginState, renewCookie } from "../login-state";
import { ensureSchoolUses, protocolOf } from "../protocols";
import { redirect, type LoginRedirect } from "./answer";
import { ssoCallbackLimit, ssoLoginCallbackLimit } from "./limits";
import { keepPostedAnswer, POSTED_ANSWER_PARAM, takePostedAnswer } from "./posted-answers";
import { loginPagePath } from "./start";

export type CallbackInput = {
  /** The host the browser called back on: the pending login is bound to it. */
  host: string;
  /** The callback's query: the CAS ticket, the OIDC code and state, or the id of an answer that came as a form post. */
  params: URLSearchParams;
  /** The request's headers, for this browser's pending login (a sealed cookie of this host). */
  headers: Headers;
};

/** The school's answer, from the query — or from the form post it came as, kept for this GET (posted-answers.ts). */
async function answerOf(scope: TenantScope, kind: IdentityProviderKind, params: URLSearchParams): Promise<URLSearchParams | null> {
  const posted = params.get(POSTED_ANSWER_PARAM);
  if (posted === null) return params;
  return protocolOf(kind).callback?.acceptsPost ? takePostedAnswer(scope, kind, posted) : null;
}

/** Where the school's server sends the browser back after a login of `kind` (a GET), finished here. */
export async function finishLogin(scope: TenantScope, kind: IdentityProviderKind, input: CallbackInput): Promise<LoginRedirect> {
  const { host } = input;
  const protocol = protocolOf(kind);
  const { callback } = protocol;
  const state = readLoginState(input.headers, { tenantId: scope.tenant.id, host });
  const cleared = clearLoginStateCookie();
  const expired = (cookies: string[]) =>
    redirect(loginPagePath(state?.kind ?? null, { sso: "failed" }), [
      ...cookies,
      loginOutcomeCookie(scope.tenant.id, new AppError("SSO_LOGIN_EXPIRED")),
    ]);
  if (!state || !callback) return expired([cleared]);
  const pending = state.pending.protocol === kind ? callback.pending.safeParse(state.pending) : null;
  const params = pending?.success ? await answerOf(scope, kind, input.params) : null;
  if (!pending?.success || !params || !answersLogin(callback.loginValue(pending.data), params.get(callback.answerParam))) {
    // Not an answer to this browser's login (another browser's ticket, a forged link, an error
    // answer without our state): refused, and the pending login left as it was, so such a link
    // cannot cancel the login the person is in the middle of. Nothing of the school's is shown.
    scope.log.info({ protocol: kind }, "a callback that does not answer this browser's login: refused");
    return expired([]);
  }
  try {
    await enforceRateLimit(unscopedClient(scope), ssoLoginCallbackLimit(scope.tenant.id, callback.loginValue(pending.data)));
    await enforceRateLimit(unscopedClient(scope), ssoCallbackLimit(scope.tenant.id, scope.actor.ip));
    const proof = callback.proof(params, { pending: pending.data, renew: state.renew, startedAt: state.startedAt });
    if (proof === null) return redirect(loginPagePath(state.kind), [cleared]);
    await ensureSchoolUses(scope, kind);
    const member = await protocol.finish(scope, proof);
    const session = await sessionFromSchool(scope, member, host);
    scope.log.info({ member: member.id, protocol: kind }, "signed in through the school's server");
    return redirect(state.returnTo, [cleared, session, renewCookie(false), clearLoginOutcomeCookie()]);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") scope.log.error({ err: error }, "sign-in through the school's server failed");
    else scope.log.info({ appCode: appError.code }, "sign-in through the school's server refused");
    return redirect(loginPagePath(state.kind, { sso: "failed" }), [cleared, loginOutcomeCookie(scope.tenant.id, appError)]);
  }
}

/**
 * The school's answer as a form post from its own site (OIDC form_post; SAML HTTP-POST): kept,
 * and the browser sent on to the GET of the same callback, which brings the pending login.
 */
export async function keepPostedLogin(
  scope: TenantScope,
  kind: IdentityProviderKind,
  input: { path: string; fields: URLSearchParams },
): Promise<LoginRedirect> {
  if (!protocolOf(kind).callback?.acceptsPost) throw new AppError("NOT_FOUND");
  const id = await keepPostedAnswer(scope, kind, input.fields);
  return redirect(`${input.path}?${new URLSearchParams({ [POSTED_ANSWER_PARAM]: id }).toString()}`);
}
