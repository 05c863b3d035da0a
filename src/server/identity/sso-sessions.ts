// The record of each member session the school's CAS or OIDC server vouched
// for, kept so it can be ended from either side: the school's single logout
// names the CAS ticket (reference §1.9: "store hash(ticket) → session"), and
// 【不是我，换个账号】 needs the OIDC id_token for end_session's id_token_hint.
// Sessions are stateless cookies that re-read the member every request; a
// session made here carries its row's id (the `sso` claim) and lives only while
// that row is not ended (auth/actors.ts). So the school's single logout, which
// proves no more than that someone held one ticket, ends the one session made
// from that ticket — the member's sessions on other devices go on. 【不是我，换个
// 账号】 bumps the member's sessionVersion instead: the person has said the
// session is not theirs, so every copy of it, and every other, ends.
import { createHmac, hkdfSync, randomUUID } from "node:crypto";
import { serverEnv } from "~/env";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { auditActor, unscopedClient, type TenantScope } from "~/server/scope";

/** A keyed tag of a CAS ticket (per school, HKDF from APP_ENCRYPTION_KEY): tables hold this, never the ticket. */
export function casTicketHash(tenantId: string, ticket: string): string {
  const key = Buffer.from(hkdfSync("sha256", encryptionKey(), Buffer.from(tenantId, "utf8"), "cas-service-ticket", 32));
  return createHmac("sha256", key).update(ticket, "utf8").digest("hex");
}

/**
 * Records that this school's ticket is being validated, once: true the first time, false for
 * any repeat (the primary key decides, so of two requests at once only one goes on). A
 * replayed ticket is refused here without reaching the school (reference §3.7).
 */
export async function claimCasTicket(scope: TenantScope, ticket: string): Promise<boolean> {
  const ticketHash = casTicketHash(scope.tenant.id, ticket);
  const inserted = await unscopedClient(scope).$executeRawUnsafe(
    `INSERT INTO "CasTicketUse" ("tenantId", "ticketHash") VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING`,
    scope.tenant.id,
    ticketHash,
  );
  // Old claims go: a ticket lives for minutes (CAS 3.0 §3.1.1), a day is plenty.
  if (Math.random() < 0.01) await scope.db.casTicketUse.deleteMany({ where: { usedAt: { lt: new Date(Date.now() - 86_400_000) } } });
  return inserted === 1;
}

const idTokenContext = (id: string) => sealContext("SsoSession", "idTokenEnc", id);

export type SsoProof = { protocol: "CAS"; ticket: string } | { protocol: "OIDC"; idToken: string };

/** The row for a session about to be issued; its id goes into the session's `sso` claim. */
export async function recordSsoSession(scope: TenantScope, memberId: string, proof: SsoProof): Promise<string> {
  const id = randomUUID();
  const lifetime = serverEnv().SESSION_MAX_AGE_HOURS * 3_600_000;
  await scope.db.ssoSession.create({
    data: {
      id,
      tenantId: scope.tenant.id,
      memberId,
      protocol: proof.protocol,
      casTicketHash: proof.protocol === "CAS" ? casTicketHash(scope.tenant.id, proof.ticket) : null,
      // An id_token too large to be a hint is simply not kept: the logout then names the client instead.
      idTokenEnc:
        proof.protocol === "OIDC" && proof.idToken.length <= 8192
          ? encryptSecret(proof.idToken, encryptionKey(), idTokenContext(id))
          : null,
      expiresAt: new Date(Date.now() + lifetime),
    },
  });
  if (Math.random() < 0.01) await scope.db.ssoSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return id;
}

/**
 * The school's single logout for `ticket`: ends the one session of this school made from that very
 * ticket, and does nothing otherwise (an unknown or foreign ticket, or one already ended). The
 * request is unsigned (CAS 3.0 Appendix C), so it may do no more than the ticket's holder could.
 * Returns whether it ended anything.
 */
export async function endSsoSessionByTicket(scope: TenantScope, ticket: string): Promise<boolean> {
  const row = await scope.db.ssoSession.findUnique({
    where: { tenantId_casTicketHash: { tenantId: scope.tenant.id, casTicketHash: casTicketHash(scope.tenant.id, ticket) } },
    select: { id: true, memberId: true, endedAt: true, expiresAt: true },
  });
  if (!row || row.endedAt || row.expiresAt < new Date()) return false;
  return scope.db.$transaction(async (tx) => {
    // Of two logout requests at once, one ends it.
    const ended = await tx.ssoSession.updateMany({ where: { id: row.id, endedAt: null }, data: { endedAt: new Date() } });
    if (ended.count === 0) return false;
    await audit(tx, { ...auditActor(scope.actor), action: "member.sso.singleLogout", target: row.memberId });
    return true;
  });
}

/** The member's own session row (its `sso` claim), for 【不是我，换个账号】: its protocol and, for OIDC, the id_token. */
export async function ssoSessionOf(scope: TenantScope, sessionId: string, memberId: string) {
  const row = await scope.db.ssoSession.findFirst({
    where: { id: sessionId, memberId },
    select: { id: true, protocol: true, idTokenEnc: true },
  });
  if (!row) return null;
  return {
    id: row.id,
    protocol: row.protocol,
    idToken: row.idTokenEnc ? decryptSecret(row.idTokenEnc, encryptionKey(), idTokenContext(row.id)) : null,
  };
}

/** 【不是我，换个账号】: every session of the member ends (sessionVersion), and the school-vouched one's row with them. */
export async function endMemberSessions(scope: TenantScope, memberId: string, ssoSessionId: string | null): Promise<void> {
  await scope.db.$transaction(async (tx) => {
    await tx.member.updateMany({ where: { id: memberId }, data: { sessionVersion: { increment: 1 } } });
    if (ssoSessionId) await tx.ssoSession.updateMany({ where: { id: ssoSessionId, endedAt: null }, data: { endedAt: new Date() } });
    await audit(tx, { ...auditActor(scope.actor), action: "member.switchAccount", target: memberId });
  });
}
