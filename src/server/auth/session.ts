// Reads the session cookie of a request: its claims, when the cookie is valid,
// young enough and made on this host. Who the claims point at is re-read by
// actors.ts on every request.
import { decode } from "next-auth/jwt";
import { serverEnv } from "~/env";
import { parseCookies } from "~/server/http/cookies";
import { normaliseHost } from "~/server/tenants/resolve-host";
import { nowInSeconds, sessionCookieName } from "./session-cookie";
import { sessionClaimsSchema, type SessionClaims } from "./session-user";

/**
 * Whether the session was signed in within SESSION_MAX_AGE_HOURS. next-auth
 * renews the cookie's expiry on use, so without this a session kept busy
 * would never end.
 */
function withinAbsoluteLifetime(decoded: unknown): boolean {
  const signedInAt = (decoded as { signedInAt?: unknown } | null)?.signedInAt;
  if (typeof signedInAt !== "number") return false;
  const age = nowInSeconds() - signedInAt;
  return age >= -60 && age <= serverEnv().SESSION_MAX_AGE_HOURS * 3600;
}

/** The session's claims when its cookie is valid and was made on this host. */
export async function readSessionClaims(headers: Headers): Promise<SessionClaims | null> {
  const token = parseCookies(headers.get("cookie"))[sessionCookieName()];
  if (!token) return null;
  const decoded = await decode({ token, secret: serverEnv().NEXTAUTH_SECRET }).catch(() => null);
  const claims = sessionClaimsSchema.safeParse(decoded);
  if (!claims.success || !withinAbsoluteLifetime(decoded)) return null;
  return claims.data.host === normaliseHost(headers.get("host")) ? claims.data : null;
}
