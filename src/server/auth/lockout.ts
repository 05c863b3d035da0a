// Password checks with a lockout kept in the database, so a lock holds across
// restarts and across every app instance. A try is counted in one UPDATE before
// the password is checked (and uncounted if it proves right), so concurrent
// guesses cannot slip past the limit, and a locked account costs no argon2.
import type { PrismaClient } from "~/generated/prisma/client";
import { isInitialPassword } from "~/server/members/initial-password";
import { burnPasswordCheck, verifyPassword } from "./passwords";

export type LockoutPolicy = { maxAttempts: number; lockMinutes: number };

/** UCAS FAQ 7: 6 wrong passwords lock the account for half an hour. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxAttempts: 6, lockMinutes: 30 };

export type LockableAccount = {
  id: string;
  passwordHash: string | null;
  /** Without a hash: the password the school's rule gives the account (members/initial-password.ts). */
  initialPassword?: string | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
};

/** The tables that hold accounts; never built from input. */
const TABLES = { member: '"Member"', tenantAdmin: '"TenantAdmin"', vendorAdmin: '"VendorAdmin"' } as const;
export type AccountTable = keyof typeof TABLES;

export type PasswordOutcome =
  | { ok: true }
  /** `lockedNow`: this very try set the lock (audited as `*.login.locked`). */
  | { ok: false; code: "ACCOUNT_LOCKED"; minutesLeft: number; lockedNow?: boolean }
  | { ok: false; code: "BAD_CREDENTIALS_REMAINING"; remaining: number };

export function isLocked(account: Pick<LockableAccount, "lockedUntil">, now = new Date()): boolean {
  return account.lockedUntil !== null && account.lockedUntil > now;
}

export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/**
 * Checks the password under the lockout policy. The try is claimed on the account
 * before any password work, in one UPDATE: a locked account, or one whose remaining
 * tries are all being checked right now, is answered without argon2. So however
 * many guesses arrive at once, from however many addresses, at most `maxAttempts`
 * of them are ever compared with the password before the lock (an account still
 * on its initial password, the last 8 characters of an ID number, is guessable
 * with partial knowledge of the number: the lock is what caps the guesses).
 */
export async function checkPasswordWithLockout(
  prisma: PrismaClient,
  table: AccountTable,
  account: LockableAccount,
  password: string,
  policy: LockoutPolicy,
  options: { refuseEvenIfRight?: boolean; lane?: string } = {},
): Promise<PasswordOutcome> {
  const claimed = await claimTry(prisma, table, account.id, policy);
  if (typeof claimed !== "number") return claimed;
  let right = false;
  try {
    if (account.passwordHash) right = await verifyPassword(account.passwordHash, password, options.lane);
    else {
      // Without a hash, still spend one verify, so the timing says nothing either.
      await burnPasswordCheck(password, options.lane);
      right = !!account.initialPassword && isInitialPassword(account.initialPassword, password);
    }
  } catch (error) {
    // Refused as busy (SERVER_BUSY): the password was never checked, so the try does not count.
    await releaseTry(prisma, table, account.id);
    throw error;
  }
  // A disabled account answers as a wrong password would (and counts like one).
  if (right && !options.refuseEvenIfRight) {
    await prisma.$executeRawUnsafe(
      `UPDATE ${TABLES[table]} SET "failedLoginCount" = 0, "lockedUntil" = NULL WHERE id = $1::uuid`,
      account.id,
    );
    return { ok: true };
  }
  return settleFailure(prisma, table, account.id, claimed, policy);
}

/**
 * Counts one try as failed until it proves right, and returns its number in the count;
 * or, when the account is locked or every remaining try is already being checked, the answer.
 * An expired lock starts a fresh count.
 */
async function claimTry(prisma: PrismaClient, table: AccountTable, id: string, policy: LockoutPolicy): Promise<number | PasswordOutcome> {
  const rows = await prisma.$queryRawUnsafe<{ failedLoginCount: number }[]>(
    `WITH cur AS (
       SELECT id, CASE WHEN "lockedUntil" IS NOT NULL THEN 0 ELSE "failedLoginCount" END AS count
       FROM ${TABLES[table]} WHERE id = $1::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= now()) FOR UPDATE
     )
     UPDATE ${TABLES[table]} AS t SET "failedLoginCount" = cur.count + 1, "lockedUntil" = NULL
       FROM cur
      WHERE t.id = cur.id AND cur.count < $2
      RETURNING t."failedLoginCount"`,
    id,
    policy.maxAttempts,
  );
  if (rows[0]) return rows[0].failedLoginCount;
  return lockedAnswer(prisma, table, id, policy);
}

/** The answer to a try that found the account locked (or its last tries in flight, which will lock it if they fail). */
async function lockedAnswer(prisma: PrismaClient, table: AccountTable, id: string, policy: LockoutPolicy): Promise<PasswordOutcome> {
  const rows = await prisma.$queryRawUnsafe<{ lockedUntil: Date | null }[]>(
    `SELECT "lockedUntil" FROM ${TABLES[table]} WHERE id = $1::uuid`,
    id,
  );
  const now = new Date();
  const until = rows[0]?.lockedUntil;
  return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: until && until > now ? minutesUntil(until, now) : policy.lockMinutes };
}

async function releaseTry(prisma: PrismaClient, table: AccountTable, id: string): Promise<void> {
  await prisma.$executeRawUnsafe(
    `UPDATE ${TABLES[table]} SET "failedLoginCount" = GREATEST("failedLoginCount" - 1, 0) WHERE id = $1::uuid AND "lockedUntil" IS NULL`,
    id,
  );
}

/** The try that claimed the last allowed number sets the lock; the ones before it tell how many remain. */
async function settleFailure(
  prisma: PrismaClient,
  table: AccountTable,
  id: string,
  claimed: number,
  policy: LockoutPolicy,
): Promise<PasswordOutcome> {
  if (claimed < policy.maxAttempts) return { ok: false, code: "BAD_CREDENTIALS_REMAINING", remaining: policy.maxAttempts - claimed };
  // Unless a right password meanwhile cleared the count.
  const rows = await prisma.$queryRawUnsafe<{ lockedUntil: Date }[]>(
    `UPDATE ${TABLES[table]} SET "lockedUntil" = now() + make_interval(mins => $3)
      WHERE id = $1::uuid AND "lockedUntil" IS NULL AND "failedLoginCount" >= $2
      RETURNING "lockedUntil"`,
    id,
    policy.maxAttempts,
    policy.lockMinutes,
  );
  if (rows[0]) return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: minutesUntil(rows[0].lockedUntil, new Date()), lockedNow: true };
  const [now] = await prisma.$queryRawUnsafe<{ failedLoginCount: number; lockedUntil: Date | null }[]>(
    `SELECT "failedLoginCount", "lockedUntil" FROM ${TABLES[table]} WHERE id = $1::uuid`,
    id,
  );
  if (now?.lockedUntil && isLocked(now))
    return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: minutesUntil(now.lockedUntil, new Date()) };
  return { ok: false, code: "BAD_CREDENTIALS_REMAINING", remaining: Math.max(1, policy.maxAttempts - (now?.failedLoginCount ?? 0)) };
}

export async function unlockAccount(prisma: PrismaClient, table: AccountTable, id: string): Promise<void> {
  await prisma.$executeRawUnsafe(`UPDATE ${TABLES[table]} SET "failedLoginCount" = 0, "lockedUntil" = NULL WHERE id = $1::uuid`, id);
}
