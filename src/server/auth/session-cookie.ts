// The session cookie: its name and flags, shared by next-auth (which writes it)
// and session.ts (which reads it on every request). Behind https it is
// `__Host-…`: Secure, Path=/ and no Domain, so neither plain http nor a sibling
// subdomain (another school) can set or overwrite it.
import { secureCookies } from "~/env";

export function sessionCookieName(secure = secureCookies()): string {
  return secure ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

export function sessionCookieOptions(secure = secureCookies()) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}

/** Seconds since the epoch: what the token records as its sign-in time. */
export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
