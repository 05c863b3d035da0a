// Throttles on sign-in, checked before any password is looked at, so a
// throttled try never moves an account's own lockout counter. All counters
// live in PostgreSQL (src/server/security/rate-limit.ts): every instance
// shares them.
//
// Only the client's own rules refuse: per address (an IPv6 client by its /64,
// addressKey) and per (account, address). Nothing school-wide refuses, because
// a school-wide counter is a budget one client can spend for everyone (ten
// tries a second from one address kept a whole school at 429) and a ceiling a
// poster burst of 2,000 freshmen would hit. What a school shares is the argon2
// work of this instance: a try that passed its own rules waits its turn in the
// school's lane (signInLane, passwords.ts), so a burst is served slower, and
// another school or the school's back office waits at most one turn.
//
// The numbers, for a school:
// - a dormitory or campus NAT puts hundreds of students behind one address, so
//   the per-address failure rule counts FAILURES (not successes) and sits well
//   above the per-account lockout (6): one address can lock at most a handful
//   of accounts per quarter hour, and a spraying attacker stops long before a
//   dormitory of students who mistype now and then would;
// - one (account, address) pair may fail 10 times an hour: the 6 of the lockout
//   plus 4 after it ends, so one address cannot lock the same account again
//   within the hour, while the owner at another address is untouched;
// - every attempt, successes included, is capped per address at 300 a minute
//   (5 a second: a lecture hall behind one NAT signing in together), so one
//   client can put at most a tenth of a lane's queue (3,000) in front of others.
// Members and the back office (admins and helpdesk) count under separate keys:
// a burst or an attack on one never throttles the other at the same address.
import type { PrismaClient } from "~/generated/prisma/client";
import { addressKey } from "~/server/http/address-key";
import { assertNotRateLimited, consumeRateLimit, enforceRateLimit, type RateLimitRule } from "~/server/security/rate-limit";

export const SIGN_IN_LIMITS = {
  attemptsPerAddress: { limit: 300, windowSeconds: 60 },
  failuresPerAddress: { limit: 50, windowSeconds: 15 * 60 },
  failuresPerAccountAndAddress: { limit: 10, windowSeconds: 60 * 60 },
} as const;

export type SignInScope = {
  /** The school, or "platform" for the vendor console. */
  tenantKey: string;
  kind: "member" | "tenantAdmin" | "vendor";
  identifier: string;
  /** clientAddress(); an unknown address shares one bucket rather than escaping the rules. */
  ip: string | null;
};

/**
 * The identifier as the account lookup compares it: members' accounts without
 * case (the directory's unique index is on lower(account)), admins' and the
 * vendor's usernames exactly. Counters must use the same comparison as the
 * lookup, or an unknown spelling would count apart from a real one and tell.
 */
export function normaliseIdentifier(kind: SignInScope["kind"], identifier: string): string {
  const trimmed = identifier.trim().slice(0, 64);
  return kind === "member" ? trimmed.toLowerCase() : trimmed;
}

/** The argon2 lane a try waits in: its school and kind of account, so members' bursts and the back office take turns. */
export function signInLane(scope: Pick<SignInScope, "tenantKey" | "kind">): string {
  return `sign-in:${scope.tenantKey}:${scope.kind}`;
}

function rules(scope: SignInScope) {
  const ip = addressKey(scope.ip);
  const account = `${scope.tenantKey}:${scope.kind}:${normaliseIdentifier(scope.kind, scope.identifier)}`;
  const rule = (key: string, limit: { limit: number; windowSeconds: number }): RateLimitRule => ({ key, ...limit });
  return {
    attemptsPerAddress: rule(`login:ip:${scope.kind}:${ip}`, SIGN_IN_LIMITS.attemptsPerAddress),
    failuresPerAddress: rule(`login:fail:ip:${scope.kind}:${ip}`, SIGN_IN_LIMITS.failuresPerAddress),
    failuresPerAccountAndAddress: rule(`login:fail:acct:${account}:${ip}`, SIGN_IN_LIMITS.failuresPerAccountAndAddress),
  };
}

/** Throws RATE_LIMITED (429, with the wait) before any password work when one of the client's own rules is exhausted. */
export async function throttleSignIn(prisma: PrismaClient, scope: SignInScope): Promise<void> {
  const r = rules(scope);
  // Refusals first: a try refused for its failures is not counted as an attempt as well.
  await assertNotRateLimited(prisma, r.failuresPerAddress);
  await assertNotRateLimited(prisma, r.failuresPerAccountAndAddress);
  await enforceRateLimit(prisma, r.attemptsPerAddress);
}

/** Counts one failed try against the address and the (account, address) pair. */
export async function countSignInFailure(prisma: PrismaClient, scope: SignInScope): Promise<void> {
  const r = rules(scope);
  await consumeRateLimit(prisma, r.failuresPerAddress);
  await consumeRateLimit(prisma, r.failuresPerAccountAndAddress);
}
