// Who a session's claims point at, re-read from the database on every request:
// a disabled or removed account, or one whose sessions were ended
// (sessionVersion bumped; for a session the school vouched for, its own SsoSession
// row ended), loses access at once. A lock only stops new
// sign-ins: anyone can lock an account by guessing, and that must never sign
// its owner out. One loader per kind of account.
import type { PrismaClient } from "~/generated/prisma/client";
import type { AccountKind, SessionClaims } from "./session-user";

export type Actor =
  | { kind: "member"; id: string; tenantId: string; name: string; account: string; mustChangePassword: boolean }
  | { kind: "tenantAdmin"; id: string; tenantId: string; name: string; username: string; role: "ADMIN" | "HELPDESK" }
  /** `secondFactor`: TOTP enrolled; until then only enrolment is open. */
  | { kind: "vendor"; id: string; name: string; username: string; secondFactor: boolean };

type Loader = (prisma: PrismaClient, claims: SessionClaims) => Promise<Actor | null>;

const LOADERS: Record<AccountKind, Loader> = {
  async member(prisma, claims) {
    const m = await prisma.member.findFirst({
      where: {
        id: claims.sub,
        tenantId: claims.tenantId ?? "",
        // A session the school vouched for lives while its own SsoSession row does: the school's single
        // logout ends that one session (identity/sso-sessions.ts), not the member's others.
        ...(claims.sso ? { ssoSessions: { some: { id: claims.sso, endedAt: null } } } : {}),
      },
      select: { id: true, tenantId: true, name: true, account: true, mustChangePassword: true, sessionVersion: true },
    });
    if (!m || m.sessionVersion !== claims.ver) return null;
    return { kind: "member", id: m.id, tenantId: m.tenantId, name: m.name, account: m.account, mustChangePassword: m.mustChangePassword };
  },
  async tenantAdmin(prisma, claims) {
    const a = await prisma.tenantAdmin.findFirst({
      where: { id: claims.sub, tenantId: claims.tenantId ?? "" },
      select: { id: true, tenantId: true, name: true, username: true, role: true, disabled: true, sessionVersion: true },
    });
    if (!a || a.disabled || a.sessionVersion !== claims.ver) return null;
    return { kind: "tenantAdmin", id: a.id, tenantId: a.tenantId, name: a.name, username: a.username, role: a.role };
  },
  async vendor(prisma, claims) {
    const v = await prisma.vendorAdmin.findUnique({
      where: { id: claims.sub },
      select: { id: true, name: true, username: true, disabled: true, sessionVersion: true, totpSecretEnc: true },
    });
    if (!v || v.disabled || v.sessionVersion !== claims.ver) return null;
    return { kind: "vendor", id: v.id, name: v.name, username: v.username, secondFactor: v.totpSecretEnc !== null };
  },
};

/** The live account behind the claims, or null when it no longer may act. */
export function loadActor(prisma: PrismaClient, claims: SessionClaims): Promise<Actor | null> {
  return LOADERS[claims.kind](prisma, claims);
}
