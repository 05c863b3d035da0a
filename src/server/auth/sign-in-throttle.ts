// Throttles on sign-in, checked before any password is looked at, so a
// throttled try never moves an account's own lockout counter. All counters
// live in PostgreSQL (src/server/security/rate-limit.ts): every instance
// shares them.
//
// The numbers, for a school:
// - a dormitory or campus NAT puts hundreds of students behind one address, so
//   the per-address rules count FAILURES (not successes) and sit well above the
//   per-account lockout (6): one address can lock at most a handful of accounts
//   per quarter hour, and a spraying attacker stops long before a dormitory of
//   students who mistype now and then would;
// - one (account, address) pair may fail 10 times an hour: the 6 of the lockout
//   plus 4 after it ends, so one address cannot lock the same account again
//   within the hour, while the owner at another address is untouched;
// - every attempt, successes included, is capped per address (a flood from one
//   client) and per school (argon2 work one school can cause on the platform).
import type { PrismaClient } from "~/generated/prisma/client";
import { assertNotRateLimited, consumeRateLimit, enforceRateLimit, type RateLimitRule } from "~/server/security/rate-limit";

export const SIGN_IN_LIMITS = {
  attemptsPerAddress: { limit: 120, windowSeconds: 60 },
  attemptsPerSchool: { limit: 600, windowSeconds: 60 },
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

function addressOf(scope: SignInScope): string {
  return (scope.ip ?? "unknown").slice(0, 64);
}

function rules(scope: SignInScope) {
  const ip = addressOf(scope);
  const account = `${scope.tenantKey}:${scope.kind}:${normaliseIdentifier(scope.kind, scope.identifier)}`;
  const rule = (key: string, limit: { limit: number; windowSeconds: number }): RateLimitRule => ({ key, ...limit });
  return {
    attemptsPerAddress: rule(`login:ip:${ip}`, SIGN_IN_LIMITS.attemptsPerAddress),
    attemptsPerSchool: rule(`login:tenant:${scope.tenantKey}`, SIGN_IN_LIMITS.attemptsPerSchool),
    failuresPerAddress: rule(`login:fail:ip:${ip}`, SIGN_IN_LIMITS.failuresPerAddress),
    failuresPerAccountAndAddress: rule(`login:fail:acct:${account}:${ip}`, SIGN_IN_LIMITS.failuresPerAccountAndAddress),
  };
}

/** Throws RATE_LIMITED (429, with the wait) before any password work when a rule is exhausted. */
export async function throttleSignIn(prisma: PrismaClient, scope: SignInScope): Promise<void> {
  const r = rules(scope);
  if (scope.kind !== "vendor") await enforceRateLimit(prisma, r.attemptsPerSchool);
  await enforceRateLimit(prisma, r.attemptsPerAddress);
  await assertNotRateLimited(prisma, r.failuresPerAddress);
  await assertNotRateLimited(prisma, r.failuresPerAccountAndAddress);
}

/** Counts one failed try against the address and the (account, address) pair. */
export async function countSignInFailure(prisma: PrismaClient, scope: SignInScope): Promise<void> {
  const r = rules(scope);
  await consumeRateLimit(prisma, r.failuresPerAddress);
  await consumeRateLimit(prisma, r.failuresPerAccountAndAddress);
}
