// An account that does not exist counts down and locks exactly like one that
// does, so the answers to sign-in never tell whether an account exists. Its
// counter is a row of the RateLimit table (key `login:unknown:<school>:<kind>:
// <identifier>`) kept with the same rules as lockout.ts keeps an account's:
// `hits` is the failed count, `expiresAt` is the lock's end once the count
// reaches the limit (and until then only when the count is forgotten).
import type { PrismaClient } from "~/generated/prisma/client";
import { burnPasswordCheck } from "./passwords";
import { minutesUntil, type LockoutPolicy, type PasswordOutcome } from "./lockout";
import { normaliseIdentifier, type SignInScope } from "./sign-in-throttle";

/** How long an unlocked count is remembered; a real account's count is kept until a success. */
const COUNT_MEMORY_DAYS = 30;

export function unknownAccountKey(tenantKey: string, kind: SignInScope["kind"], identifier: string): string {
  return `login:unknown:${tenantKey}:${kind}:${normaliseIdentifier(kind, identifier)}`;
}

/**
 * Always a failure: the answer a real account would give to a wrong password. Like a
 * real account (lockout.ts), the try is counted before the password work, and a
 * locked one costs no argon2.
 */
export async function checkUnknownAccount(
  prisma: PrismaClient,
  key: string,
  password: string,
  policy: LockoutPolicy,
  options: { lane?: string } = {},
): Promise<PasswordOutcome> {
  // One statement, like lockout.ts: an ended lock (or forgotten count) starts at 1;
  // reaching the limit sets the lock; a row locked meanwhile is left alone.
  const rows = await prisma.$queryRawUnsafe<{ hits: number; expiresAt: Date }[]>(
    `INSERT INTO "RateLimit" AS r (key, "windowStart", hits, "expiresAt")
     VALUES ($1, now(), 1, CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) ELSE now() + make_interval(days => $4) END)
     ON CONFLICT (key) DO UPDATE SET
       "windowStart" = CASE WHEN r."expiresAt" <= now() THEN now() ELSE r."windowStart" END,
       hits = CASE WHEN r."expiresAt" <= now() THEN 1 ELSE r.hits + 1 END,
       "expiresAt" = CASE WHEN (CASE WHEN r."expiresAt" <= now() THEN 1 ELSE r.hits + 1 END) >= $2
                          THEN now() + make_interval(mins => $3)
                          ELSE now() + make_interval(days => $4) END
       WHERE NOT (r.hits >= $2 AND r."expiresAt" > now())
     RETURNING hits, "expiresAt"`,
    key,
    policy.maxAttempts,
    policy.lockMinutes,
    COUNT_MEMORY_DAYS,
  );
  const row = rows[0];
  if (!row) {
    const locked = await prisma.$queryRawUnsafe<{ expiresAt: Date }[]>(`SELECT "expiresAt" FROM "RateLimit" WHERE key = $1`, key);
    const until = locked[0]?.expiresAt;
    return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: until ? minutesUntil(until, new Date()) : policy.lockMinutes };
  }
  try {
    await burnPasswordCheck(password, options.lane);
  } catch (error) {
    // Refused as busy (SERVER_BUSY): as for a real account, the try does not count.
    await prisma.$executeRawUnsafe(
      `UPDATE "RateLimit" SET hits = hits - 1, "expiresAt" = now() + make_interval(days => $2) WHERE key = $1 AND hits > 0`,
      key,
      COUNT_MEMORY_DAYS,
    );
    throw error;
  }
  if (row.hits >= policy.maxAttempts)
    return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: minutesUntil(row.expiresAt, new Date()), lockedNow: true };
  return { ok: false, code: "BAD_CREDENTIALS_REMAINING", remaining: policy.maxAttempts - row.hits };
}
