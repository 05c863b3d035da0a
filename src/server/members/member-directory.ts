// The school's directory as its back office sees it: overview, search, unlock.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { blindIndex, normaliseIdNumber } from "~/server/crypto/secrets";
import type { TenantDb } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { wecomMobileOf } from "~/server/wecom/mobile";

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

/** A member row of the back office: with the member's WeCom state as WeCom last said it. */
export const adminMemberRowSelect = {
  ...memberRowSelect,
  phone: true,
  wecom: { select: { state: true, stateAt: true, stateSource: true, mobile: true, writtenAt: true } },
} as const;

type AdminMemberRaw = Prisma.MemberGetPayload<{ select: typeof adminMemberRowSelect }>;

/**
 * The row as the back office shows it. `phoneOutdated`: WeCom holds the member
 * with another mobile than the product's (per the record: a change WeCom has not
 * taken, or one waiting for the admin's consent to re-join).
 */
export function adminMemberRow(raw: AdminMemberRaw) {
  const { phone, wecom, ...row } = raw;
  const inWecom = wecom?.writtenAt != null;
  return {
    ...row,
    wecom: {
      state: wecom?.state ?? null,
      stateAt: wecom?.stateAt ?? null,
      stateSource: wecom?.stateSource ?? null,
      phoneOutdated: inWecom && (phone ? wecomMobileOf(phone) : null) !== wecom.mobile,
    },
  };
}

export async function directoryOverview(db: TenantDb) {
  const now = new Date();
  const [members, withPhone, locked, identityKinds, wecomOutOfRange] = await Promise.all([
    db.member.count(),
    db.member.count({ where: { phone: { not: null } } }),
    db.member.count({ where: { lockedUntil: { gt: now } } }),
    db.identityKind.findMany({
      select: { code: true, nameZh: true, nameEn: true, _count: { select: { members: true } } },
      orderBy: { sortOrder: "asc" },
    }),
    // Members WeCom last said are outside the assistant app's visible range (60011): the school must widen it.
    db.memberWecom.count({ where: { state: "OUT_OF_RANGE" } }),
  ]);
  return { members, withPhone, locked, identityKinds, wecomOutOfRange };
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
export async function searchMembers(db: TenantDb, input: { query: string; take: number }, idIndex?: { key: Buffer; tenantId: string }) {
  const q = input.query.trim();
  const digits = q.replace(/[\s-]/g, "");
  const idNumber = normaliseIdNumber(q);
  const rows = await db.member.findMany({
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
    select: adminMemberRowSelect,
    orderBy: { account: "asc" },
    take: input.take,
  });
  return rows.map(adminMemberRow);
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
    const member = await tx.member.findUniqueOrThrow({ where: { id: input.memberId }, select: adminMemberRowSelect });
    await audit(tx, { actorKind: "tenantAdmin", actorId: actor.adminId, action: "member.unlock", target: member.account, ip: actor.ip });
    return adminMemberRow(member);
  });
}

export function memberProfile(db: TenantDb, memberId: string) {
  return db.member.findUniqueOrThrow({
    where: { id: memberId },
    select: { ...memberRowSelect, mustChangePassword: true },
  });
}
