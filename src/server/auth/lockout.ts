// Password checks with a lockout kept in the database, so a lock holds across
// restarts and across every app instance. The counter moves in one UPDATE, so
// concurrent wrong guesses cannot slip past the limit.
import type { PrismaClient } from "~/generated/prisma/client";
import { burnPasswordCheck, verifyPassword } from "./passwords";

export type LockoutPolicy = { maxAttempts: number; lockMinutes: number };

/** UCAS FAQ 7: 6 wrong passwords lock the account for half an hour. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxAttempts: 6, lockMinutes: 30 };

export type LockableAccount = {
  id: string;
  passwordHash: string | null;
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

export async function checkPasswordWithLockout(
  prisma: PrismaClient,
  table: AccountTable,
  account: LockableAccount,
  password: string,
  policy: LockoutPolicy,
  options: { refuseEvenIfRight?: boolean } = {},
): Promise<PasswordOutcome> {
  const now = new Date();
  if (account.lockedUntil && account.lockedUntil > now) {
    return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: minutesUntil(account.lockedUntil, now) };
  }
  let right = false;
  if (account.passwordHash) right = await verifyPassword(account.passwordHash, password);
  // Without a hash, still spend one verify, so the timing says nothing either.
  else await burnPasswordCheck(password);
  // A disabled account answers as a wrong password would (and counts like one).
  if (right && !options.refuseEvenIfRight) {
    if (account.failedLoginCount !== 0 || account.lockedUntil !== null) {
      await prisma.$executeRawUnsafe(
        `UPDATE ${TABLES[table]} SET "failedLoginCount" = 0, "lockedUntil" = NULL WHERE id = $1::uuid`,
        account.id,
      );
    }
    return { ok: true };
  }
  return recordFailure(prisma, table, account.id, policy);
}

async function recordFailure(prisma: PrismaClient, table: AccountTable, id: string, policy: LockoutPolicy): Promise<PasswordOutcome> {
  // An expired lock starts a fresh count; reaching the limit sets a new lock.
  const rows = await prisma.$queryRawUnsafe<{ failedLoginCount: number; lockedUntil: Date | null }[]>(
    `WITH next AS (
       SELECT id, CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= now() THEN 1
                       ELSE "failedLoginCount" + 1 END AS count
       FROM ${TABLES[table]} WHERE id = $1::uuid FOR UPDATE
     )
     UPDATE ${TABLES[table]} AS t
        SET "failedLoginCount" = next.count,
            "lockedUntil" = CASE WHEN next.count >= $2 THEN now() + make_interval(mins => $3) ELSE NULL END
       FROM next
      WHERE t.id = next.id AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= now())
      RETURNING t."failedLoginCount", t."lockedUntil"`,
    id,
    policy.maxAttempts,
    policy.lockMinutes,
  );
  const row = rows[0];
  if (!row) return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: policy.lockMinutes };
  if (row.lockedUntil)
    return { ok: false, code: "ACCOUNT_LOCKED", minutesLeft: minutesUntil(row.lockedUntil, new Date()), lockedNow: true };
  return { ok: false, code: "BAD_CREDENTIALS_REMAINING", remaining: policy.maxAttempts - row.failedLoginCount };
}

export async function unlockAccount(prisma: PrismaClient, table: AccountTable, id: string): Promise<void> {
  await prisma.$executeRawUnsafe(`UPDATE ${TABLES[table]} SET "failedLoginCount" = 0, "lockedUntil" = NULL WHERE id = $1::uuid`, id);
}
