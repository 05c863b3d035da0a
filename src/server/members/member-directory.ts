// The school's directory as its back office sees it: overview, search, unlock.
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { unlockAccount } from "~/server/auth/lockout";
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

/** Search by 学工号 (prefix), 姓名 (contains) or 手机号 (as typed or E.164). */
export function searchMembers(db: TenantDb, input: { query: string; take: number }) {
  const q = input.query.trim();
  const digits = q.replace(/[\s-]/g, "");
  return db.member.findMany({
    where: q
      ? {
          OR: [
            { account: { startsWith: q } },
            { name: { contains: q } },
            ...(/^\+?\d{5,}$/.test(digits) ? [{ phoneDisplay: digits }, { phone: digits.startsWith("+") ? digits : `+86${digits}` }] : []),
          ],
        }
      : {},
    select: memberRowSelect,
    orderBy: { account: "asc" },
    take: input.take,
  });
}

export async function unlockMember(
  prisma: PrismaClient,
  db: TenantDb,
  input: { memberId: string },
  actor: { adminId: string; ip: string | null },
) {
  const member = await db.member.findUnique({ where: { id: input.memberId }, select: { id: true, account: true } });
  if (!member) throw new AppError("NOT_FOUND");
  await unlockAccount(prisma, "member", member.id);
  await audit(db, { actorKind: "tenantAdmin", actorId: actor.adminId, action: "member.unlock", target: member.account, ip: actor.ip });
  return db.member.findUniqueOrThrow({ where: { id: member.id }, select: memberRowSelect });
}

export function memberProfile(db: TenantDb, memberId: string) {
  return db.member.findUniqueOrThrow({
    where: { id: memberId },
    select: { ...memberRowSelect, mustChangePassword: true },
  });
}
