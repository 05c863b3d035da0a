// Rate limits kept in PostgreSQL, so every app instance counts against the same
// numbers (sign-in per address and per account and address, 【测试连接】, codes …). A fixed
// window per key: one atomic upsert counts a hit and says whether it is over.
import type { PrismaClient } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";

export type RateLimitRule = {
  /** Names the scope, e.g. `login:ip:member:203.0.113.7`; at most 200 characters. */
  key: string;
  /** Hits allowed in one window. */
  limit: number;
  windowSeconds: number;
};

export type RateLimitState = { hits: number; allowed: boolean; retryAfterSeconds: number };

type Raw = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

function stateOf(rule: RateLimitRule, row: { hits: number; expiresAt: Date } | undefined): RateLimitState {
  if (!row) return { hits: 0, allowed: true, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(1, Math.ceil((row.expiresAt.getTime() - Date.now()) / 1000));
  return { hits: row.hits, allowed: row.hits <= rule.limit, retryAfterSeconds };
}

function checkKey(key: string): string {
  if (key.length === 0 || key.length > 200) throw new Error(`Rate-limit key must be 1–200 characters: ${key.slice(0, 40)}…`);
  return key;
}

/**
 * Counts one hit against the rule and tells whether it was within the limit. `prune: false` for a caller
 * that holds other counters' row locks in its transaction: the occasional prune could wait on a row
 * another transaction holds while that one waits on ours (a deadlock); such a caller prunes after commit.
 */
export async function consumeRateLimit(prisma: Raw, rule: RateLimitRule, options: { prune?: boolean } = {}): Promise<RateLimitState> {
  const rows = await prisma.$queryRawUnsafe<{ hits: number; expiresAt: Date }[]>(
    `INSERT INTO "RateLimit" (key, "windowStart", hits, "expiresAt")
     VALUES ($1, now(), 1, now() + make_interval(secs => $2))
     ON CONFLICT (key) DO UPDATE SET
       "windowStart" = CASE WHEN "RateLimit"."expiresAt" <= now() THEN now() ELSE "RateLimit"."windowStart" END,
       hits          = CASE WHEN "RateLimit"."expiresAt" <= now() THEN 1 ELSE "RateLimit".hits + 1 END,
       "expiresAt"   = CASE WHEN "RateLimit"."expiresAt" <= now() THEN now() + make_interval(secs => $2)
                            ELSE "RateLimit"."expiresAt" END
     RETURNING hits, "expiresAt"`,
    checkKey(rule.key),
    rule.windowSeconds,
  );
  // Now and then, forget windows that ended long ago.
  if (options.prune !== false && Math.random() < 0.01) await pruneRateLimits(prisma);
  return stateOf(rule, rows[0]);
}

/** The rule's state without counting a hit: is the key already over its limit? */
export async function peekRateLimit(prisma: Raw, rule: RateLimitRule): Promise<RateLimitState> {
  const rows = await prisma.$queryRawUnsafe<{ hits: number; expiresAt: Date }[]>(
    `SELECT hits, "expiresAt" FROM "RateLimit" WHERE key = $1 AND "expiresAt" > now()`,
    checkKey(rule.key),
  );
  return stateOf(rule, rows[0]);
}

/** Counts a hit and throws RATE_LIMITED (HTTP 429, with the wait) when over the limit. */
export async function enforceRateLimit(prisma: Raw, rule: RateLimitRule): Promise<void> {
  const state = await consumeRateLimit(prisma, rule);
  if (!state.allowed) throw new AppError("RATE_LIMITED", { seconds: state.retryAfterSeconds });
}

/** Throws RATE_LIMITED when the key is already over its limit, without counting. */
export async function assertNotRateLimited(prisma: Raw, rule: RateLimitRule): Promise<void> {
  const state = await peekRateLimit(prisma, rule);
  if (state.hits >= rule.limit) throw new AppError("RATE_LIMITED", { seconds: state.retryAfterSeconds });
}

export async function resetRateLimit(prisma: Raw, key: string): Promise<void> {
  await prisma.$executeRawUnsafe(`DELETE FROM "RateLimit" WHERE key = $1`, checkKey(key));
}

export async function pruneRateLimits(prisma: Raw): Promise<number> {
  return prisma.$executeRawUnsafe(`DELETE FROM "RateLimit" WHERE "expiresAt" < now() - interval '1 hour'`);
}
