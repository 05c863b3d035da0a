// Reads the session cookie of a request and re-reads its account, so a
// disabled or removed account, or one whose sessions were ended (sessionVersion
// bumped), loses access at once. A lock only stops new sign-ins: anyone can
// lock an account by guessing, and that must never sign its owner out.
import { decode } from "next-auth/jwt";
import type { PrismaClient } from "~/generated/prisma/client";
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

export type Actor =
  | { kind: "member"; id: string; tenantId: string; name: string; account: string; mustChangePassword: boolean }
  | { kind: "tenantAdmin"; id: string; tenantId: string; name: string; username: string; role: "ADMIN" | "HELPDESK" }
  | {
      kind: "vendor";
      id: string;
      name: string;
      username: string;
      /** TOTP enrolled; until then only enrolment is open. */ secondFactor: boolean;
    };

/** The live account behind the claims, or null when it no longer may act. */
export async function loadActor(prisma: PrismaClient, claims: SessionClaims): Promise<Actor | null> {
  switch (claims.kind) {
    case "member": {
      const m = await prisma.member.findFirst({
        where: { id: claims.sub, tenantId: claims.tenantId ?? "" },
        select: { id: true, tenantId: true, name: true, account: true, mustChangePassword: true, sessionVersion: true },
      });
      if (!m || m.sessionVersion !== claims.ver) return null;
      return { kind: "member", id: m.id, tenantId: m.tenantId, name: m.name, account: m.account, mustChangePassword: m.mustChangePassword };
    }
    case "tenantAdmin": {
      const a = await prisma.tenantAdmin.findFirst({
        where: { id: claims.sub, tenantId: claims.tenantId ?? "" },
        select: { id: true, tenantId: true, name: true, username: true, role: true, disabled: true, sessionVersion: true },
      });
      if (!a || a.disabled || a.sessionVersion !== claims.ver) return null;
      return { kind: "tenantAdmin", id: a.id, tenantId: a.tenantId, name: a.name, username: a.username, role: a.role };
    }
    case "vendor": {
      const v = await prisma.vendorAdmin.findUnique({
        where: { id: claims.sub },
        select: { id: true, name: true, username: true, disabled: true, sessionVersion: true, totpSecretEnc: true },
      });
      if (!v || v.disabled || v.sessionVersion !== claims.ver) return null;
      return { kind: "vendor", id: v.id, name: v.name, username: v.username, secondFactor: v.totpSecretEnc !== null };
    }
  }
}
