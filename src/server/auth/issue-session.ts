// The one place a session is issued outside next-auth's own sign-in: a member
// the school's CAS or OIDC server vouched for (identity/cas, identity/oidc).
//
// Pattern B of the reference (§6.3): our callback route validates the ticket or
// code and writes the session cookie itself, with next-auth's own `encode`,
// name and options (session-cookie.ts) and the claims and `signedInAt` that
// next-auth's jwt callback (next-auth.ts) writes — so session.ts, which decodes
// the cookie itself on every request, and next-auth's signOut read it exactly
// as a password sign-in's. Not Pattern A (a Credentials provider fed the
// ticket): that needs a page with JavaScript to post the ticket to next-auth's
// CSRF-checked endpoint, an extra hop inside WeChat's in-app browser with the
// ticket in the address bar all the while; the school's redirect is a GET our
// route can finish at once (Apereo's tickets live 10 s), and the codebase
// already owns the cookie's format.
import { encode } from "next-auth/jwt";
import { serverEnv } from "~/env";
import { nowInSeconds, sessionCookieName, sessionCookieOptions } from "./session-cookie";
import type { SessionClaims } from "./session-user";

function serialise(name: string, value: string, maxAgeSeconds: number): string {
  const options = sessionCookieOptions();
  const expires = new Date(Date.now() + maxAgeSeconds * 1000).toUTCString();
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Expires=${expires}`,
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/**
 * The Set-Cookie of a new session for these claims, signed in now. A new cookie
 * replaces any the browser had (no session fixation: nothing of the old one is
 * kept), and is refused on any host but `claims.host` and after SESSION_MAX_AGE_HOURS.
 */
export async function issueSessionCookie(claims: SessionClaims): Promise<string> {
  const env = serverEnv();
  const maxAge = env.SESSION_MAX_AGE_HOURS * 3600;
  const token = await encode({ token: { ...claims, signedInAt: nowInSeconds() }, secret: env.NEXTAUTH_SECRET, maxAge });
  return serialise(sessionCookieName(), token, maxAge);
}

/** The Set-Cookie that removes the session cookie from this browser. */
export function clearSessionCookie(): string {
  return serialise(sessionCookieName(), "", 0);
}
