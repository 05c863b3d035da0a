// The ticket registry: SSO sessions (ticket-granting tickets, held by the browser in the
// ticket-granting cookie), service tickets and login tickets. In memory, as Apereo CAS's default
// registry is: a restart of the simulator logs everyone out (and, like that registry, sends no
// single logout for it).
import { randomBytes } from "node:crypto";
import type { School } from "./config";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` characters from A-Z a-z 0-9, uniformly (rejection sampling: no modulo bias). CAS 3.0 §3.7: tickets use only A-Z a-z 0-9 and "-". */
export function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

let counter = 0;

/**
 * A ticket of `prefix` ("ST", "TGT", "LT"). CAS 3.0 §3.1.1: service tickets MUST begin with
 * `ST-` and carry enough secure randomness not to be guessable — 40 random characters here, past
 * the 32 clients must accept. The shapes are the servers': Apereo writes `ST-<n>-<random>-<host>`,
 * Wisedu IDS `ST-<n>-<random>-cas` (seen in public clients of an `/authserver`).
 */
export function newTicket(prefix: "ST" | "TGT" | "LT", style: School["attributeStyle"]): string {
  counter += 1;
  return `${prefix}-${counter}-${randomAlphanumeric(40)}-${style === "wisedu" ? "cas" : "casSimulator"}`;
}

export type SsoSession = {
  tgt: string;
  schoolId: string;
  account: string;
  createdAt: number;
  lastUsedAt: number;
  /** A "remember me" login: CAS 3.0 §4.1 long-term TGT, reported as longTermAuthenticationRequestTokenUsed. */
  rememberMe: boolean;
  /** Every service ticket issued in this session, validated or not: single logout goes to each (reference §1.9). */
  issued: { ticket: string; service: string; at: number }[];
};

export type ServiceTicket = {
  ticket: string;
  schoolId: string;
  /** The service string exactly as given to /login: validation compares it byte for byte (CAS 3.0 §3.1.1, reference §3.2). */
  service: string;
  account: string;
  tgt: string;
  issuedAt: number;
  expiresAt: number;
  /** Issued from the presentation of primary credentials (not from SSO): what `renew` at validation requires (CAS 3.0 §2.5.1). */
  fromNewLogin: boolean;
  rememberMe: boolean;
  authenticatedAt: number;
};

export type LoginTicket = { lt: string; execution: string; schoolId: string; expiresAt: number };

/** Apereo's defaults for the SSO session: 8 hours at most, 2 hours idle (cas.ticket.tgt.*). */
export const TGT_MAX_MS = 8 * 3_600_000;
export const TGT_IDLE_MS = 2 * 3_600_000;
/** A long-term (remember-me) session: CAS 3.0 §4.1.5 allows up to 3 months; Apereo's default is 14 days. */
export const TGT_LONG_TERM_MS = 14 * 86_400_000;
/** How long a login form may stay open before its login ticket expires. */
export const LOGIN_TICKET_MS = 10 * 60_000;

export class TicketRegistry {
  readonly sessions = new Map<string, SsoSession>();
  readonly serviceTickets = new Map<string, ServiceTicket>();
  readonly loginTickets = new Map<string, LoginTicket>();

  /** The session a ticket-granting cookie keys to at this school, if still valid (CAS 3.0 §2.1, §3.6). */
  session(school: School, tgt: string, now: number): SsoSession | null {
    const session = this.sessions.get(tgt);
    if (!session || session.schoolId !== school.id) return null;
    const maxMs = session.rememberMe ? TGT_LONG_TERM_MS : TGT_MAX_MS;
    if (now - session.createdAt > maxMs || (!session.rememberMe && now - session.lastUsedAt > TGT_IDLE_MS)) {
      this.sessions.delete(tgt);
      return null;
    }
    return session;
  }

  forgetSchool(schoolId: string): void {
    for (const map of [this.sessions, this.serviceTickets, this.loginTickets] as Map<string, { schoolId: string }>[])
      for (const [key, value] of map) if (value.schoolId === schoolId) map.delete(key);
  }

  /** Ends every outstanding service ticket of a school now (tests of expired tickets); they then answer INVALID_TICKET. */
  expireServiceTickets(schoolId: string, now: number): number {
    let count = 0;
    for (const st of this.serviceTickets.values())
      if (st.schoolId === schoolId && st.expiresAt > now) {
        st.expiresAt = now;
        count++;
      }
    return count;
  }

  /** Drops what has expired, so a long-running demo does not grow without end. */
  sweep(now: number): void {
    for (const [key, st] of this.serviceTickets) if (st.expiresAt < now - 60_000) this.serviceTickets.delete(key);
    for (const [key, lt] of this.loginTickets) if (lt.expiresAt < now) this.loginTickets.delete(key);
  }
}
