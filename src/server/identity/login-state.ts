// What a login through the school's server must remember between our redirect
// and the school's redirect back (reference §3.8, §3.10, §4.2): the school and
// host it started on, the identity kind chosen, where to go afterwards (a local
// path only), and the protocol's own values — the exact CAS service URL, or the
// OIDC state, nonce, PKCE verifier and redirect URI. It lives in one HttpOnly
// cookie of this host, sealed (AES-256-GCM, bound to the school) and good for
// ten minutes, so no instance keeps anything in memory and a ticket or code
// arriving without it — another browser's, or a forged link (login CSRF) — is
// refused. It is used once: the callback clears it. SameSite=Lax, so a school
// that answers with a form post from its own site (OIDC form_post, SAML's
// HTTP-POST binding) does not bring it: http/callbacks.ts keeps that post's
// fields and redirects to a GET of ours, which brings it.
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { IdentityProviderKind } from "~/generated/prisma/enums";
import { secureCookies } from "~/env";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { parseCookies } from "~/server/http/cookies";
import { localPath } from "~/server/http/local-path";

const LIFETIME_SECONDS = 600;

/**
 * The protocol's own values (the CAS service URL and nonce; the OIDC state, nonce, PKCE verifier
 * and redirect URI), checked by the protocol's schema when the login comes back (protocol.ts).
 */
const pendingSchema = z.object({ protocol: z.enum(IdentityProviderKind) }).catchall(z.unknown());

const stateSchema = z.object({
  v: z.literal(1),
  tenantId: z.string().uuid(),
  host: z.string().max(253),
  /** The identity kind's code the person chose (在校师生 / 考生 …); null: the school's default. */
  kind: z.string().max(32).nullable(),
  returnTo: z.string().max(2048),
  /** The school was asked to make the person type credentials again (CAS renew / OIDC prompt=login). */
  renew: z.boolean(),
  startedAt: z.number().int(),
  pending: pendingSchema,
});
export type LoginState = z.infer<typeof stateSchema>;

export function loginStateCookieName(secure = secureCookies()): string {
  return secure ? "__Host-campus.identity-login" : "campus.identity-login";
}

const context = (tenantId: string) => sealContext("LoginState", "cookie", tenantId);

function cookie(name: string, value: string, maxAge: number): string {
  const secure = secureCookies();
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie that remembers a login just started. */
export function loginStateCookie(state: Omit<LoginState, "v" | "startedAt">): string {
  const full: LoginState = { ...state, v: 1, startedAt: Date.now(), returnTo: localPath(state.returnTo) ?? "/" };
  return cookie(loginStateCookieName(), encryptSecret(JSON.stringify(full), encryptionKey(), context(state.tenantId)), LIFETIME_SECONDS);
}

/** The Set-Cookie that forgets it (every callback sends it, success or not). */
export function clearLoginStateCookie(): string {
  return cookie(loginStateCookieName(), "", 0);
}

/**
 * The login this browser started at this school on this host, within its lifetime; null otherwise.
 * The seal is bound to the school, so a cookie made at another school does not open here.
 */
export function readLoginState(headers: Headers, expected: { tenantId: string; host: string }): LoginState | null {
  const sealed = parseCookies(headers.get("cookie"))[loginStateCookieName()];
  if (!sealed) return null;
  try {
    const state = stateSchema.parse(JSON.parse(decryptSecret(sealed, encryptionKey(), context(expected.tenantId))));
    const age = Date.now() - state.startedAt;
    if (state.tenantId !== expected.tenantId || state.host !== expected.host || age < -60_000 || age > LIFETIME_SECONDS * 1000) return null;
    return state;
  } catch {
    return null;
  }
}

/**
 * Whether the school's answer is to this very login: it carries the login's own random value
 * (protocol.ts ProtocolCallback.loginValue — CAS: `login` in the service URL the ticket was issued
 * for; OIDC: `state`, OIDC Core §3.1.2.7). Checked before anything else a callback does, so an
 * answer to another browser's login, or a forged link, neither ends the pending login nor spends anything.
 */
export function answersLogin(loginValue: string, given: string | null): boolean {
  const expected = Buffer.from(loginValue, "utf8");
  const actual = Buffer.from(given ?? "", "utf8");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * After 【不是我，换个账号】 the next login on this browser asks the school for credentials again
 * (CAS renew=true, OIDC prompt=login), in case the school's server kept its single sign-on
 * session despite our logout: a remembered session must never sign the wrong person in again.
 */
export const RENEW_COOKIE = "campus.identity-renew";

export function renewCookie(on: boolean): string {
  return cookie(RENEW_COOKIE, on ? "1" : "", on ? 1800 : 0);
}

export function renewRequested(headers: Headers): boolean {
  return parseCookies(headers.get("cookie"))[RENEW_COOKIE] === "1";
}
