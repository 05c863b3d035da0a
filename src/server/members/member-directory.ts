// The school's directory as its back office sees it: overview, search, unlock.
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { blindIndex, normaliseIdNumber } from "~/server/crypto/secrets";
import type { TenantDb } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";

export const memberRowSelect = {
  id: true,
  account: true,
  name: true,
  department: true,
  phoneDisplay: true,
  email: true,
  lockedUntil: true,
  identityKind: { select: { code: true, nameZh: true, nameEn: true } },
} as const;

export async function directoryOverview(db: TenantDb) {
  const now = new Date();
  const [members, withPhone, locked, identityKinds] = await Promise.all([
    db.member.count(),
    db.member.count({ where: { phone: { not: null } } }),
    db.member.count({ where: { lockedUntil: { gt: now } } }),
    db.identityKind.findMany({ select: { code: true, nameZh: true, nameEn: true, _count: { select: { members: true } } }, orderBy: { sortOrder: "asc" } }),
  ]);
  return { members, withPhone, locked, identityKinds };
}

/** `contains`/`startsWith` become LIKE patterns: what the admin typed is matched literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ID number (resident ID, passport …) once normalised: worth a blind-index lookup. */
const ID_NUMBER = /^[0-9A-Z]{6,32}$/;

/**
 * Search by 学工号 (prefix), 姓名 (contains), 手机号 (as typed or E.164) or, given
 * the index key, 证件号 (exact, through its blind index; full-width or lower-case as typed).
 */
export function searchMembers(db: TenantDb, input: { query: string; take: number }, idIndex?: { key: Buffer; tenantId: string }) {
  const q = input.query.trim();
  const digits = q.replace(/[\s-]/g, "");
  const idNumber = normaliseIdNumber(q);
  return db.member.findMany({
    where: q
      ? {
          OR: [
            { account: { startsWith: escapeLike(q) } },
            { name: { contains: escapeLike(q) } },
            ...(/^\+?\d{5,}$/.test(digits) ? [{ phoneDisplay: digits }, { phone: digits.startsWith("+") ? digits : `+86${digits}` }] : []),
            ...(idIndex && ID_NUMBER.test(idNumber) ? [{ idNumberHash: blindIndex(idNumber, idIndex.key, idIndex.tenantId) }] : []),
          ],
        }
      : {},
    select: memberRowSelect,
    orderBy: { account: "asc" },
    take: input.take,
  });
}

/** Clears the lockout; the unlock and its audit row commit together. */
export async function unlockMember(
  _prisma: PrismaClient,
  db: TenantDb,
  input: { memberId: string },
  actor: { adminId: string; ip: string | null },
) {
  return db.$transaction(async (tx) => {
    // updateMany through the tenant-bound client: another school's id simply matches nothing.
    const { count } = await tx.member.updateMany({ where: { id: input.memberId }, data: { failedLoginCount: 0, lockedUntil: null } });
    if (count === 0) throw new AppError("NOT_FOUND");
    const member = await tx.member.findUniqueOrThrow({ where: { id: input.memberId }, select: memberRowSelect });
    await audit(tx, { actorKind: "tenantAdmin", actorId: actor.adminId, action: "member.unlock", target: member.account, ip: actor.ip });
    return member;
  });
}

export function memberProfile(db: TenantDb, memberId: string) {
  return db.member.findUniqueOrThrow({
    where: { id: memberId },
    select: { ...memberRowSelect, mustChangePassword: true },
  });
}
