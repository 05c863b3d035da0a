// The school's directory as its back office sees it: overview, search, unlock.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { blindIndex, normaliseIdNumber } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import { AppError } from "~/server/errors";
import { effectiveProvider } from "~/server/identity/kind-provider";
import { auditActor, type TenantScope } from "~/server/scope";
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
} as const satisfies Prisma.MemberSelect;

/** A member as pages show it: never the ID number, the password hash or a WeCom userid. */
export const memberRowOutput = z.object({
  id: z.string(),
  account: z.string(),
  name: z.string(),
  department: z.string(),
  phoneDisplay: z.string().nullable(),
  email: z.string().nullable(),
  lockedUntil: z.date().nullable(),
  identityKind: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
});

/** A member row of the back office, with the member's WeCom state as WeCom last said it (and when, and how the product heard it). */
export const adminMemberRowOutput = memberRowOutput.extend({
  wecom: z.object({
    state: z.enum(["ACTIVATED", "DISABLED", "NOT_ACTIVATED", "LEFT", "UNSUBSCRIBED", "NOT_IN_WECOM", "OUT_OF_RANGE"]).nullable(),
    stateAt: z.date().nullable(),
    stateSource: z.enum(["SYNC", "CALLBACK", "POLL", "RECONCILE"]).nullable(),
    /** WeCom still holds another mobile than the product's. */
    phoneOutdated: z.boolean(),
  }),
});

/** A member row of the back office: with the member's WeCom state as WeCom last said it. */
export const adminMemberRowSelect = {
  ...memberRowSelect,
  phone: true,
  wecom: { select: { state: true, stateAt: true, stateSource: true, mobile: true, writtenAt: true } },
} as const satisfies Prisma.MemberSelect;

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

export const directoryOverviewOutput = z.object({
  members: z.number(),
  withPhone: z.number(),
  locked: z.number(),
  identityKinds: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), _count: z.object({ members: z.number() }) })),
  wecomOutOfRange: z.number(),
  /** The activation funnel's later steps: members WeCom holds as the product wrote them, and those WeCom last said are activated. */
  inWecom: z.number(),
  activated: z.number(),
});

export async function directoryOverview({ db }: TenantScope) {
  const now = new Date();
  const [members, withPhone, locked, identityKinds, wecomOutOfRange, inWecom, activated] = await Promise.all([
    db.member.count(),
    db.member.count({ where: { phone: { not: null } } }),
    db.member.count({ where: { lockedUntil: { gt: now } } }),
    db.identityKind.findMany({
      select: { code: true, nameZh: true, nameEn: true, _count: { select: { members: true } } },
      orderBy: { sortOrder: "asc" },
    }),
    // Members WeCom last said are outside the assistant app's visible range (60011): the school must widen it.
    db.memberWecom.count({ where: { state: "OUT_OF_RANGE" } }),
    db.memberWecom.count({ where: { writtenAt: { not: null } } }),
    db.memberWecom.count({ where: { state: "ACTIVATED" } }),
  ]);
  return { members, withPhone, locked, identityKinds, wecomOutOfRange, inWecom, activated };
}

/** `contains`/`startsWith` become LIKE patterns: what the admin typed is matched literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ID number (resident ID, passport …) once normalised: worth a blind-index lookup. */
const ID_NUMBER = /^[0-9A-Z]{6,32}$/;

export const searchMembersInput = z.object({ query: z.string().max(64), take: z.number().int().min(1).max(100).default(20) });

/**
 * Search by 学工号 (prefix), 姓名 (contains), 手机号 (as typed or E.164) or
 * 证件号 (exact, through its per-school blind index; full-width or lower-case as typed).
 */
export async function searchMembers({ db, tenant }: TenantScope, input: z.infer<typeof searchMembersInput>) {
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
            ...(ID_NUMBER.test(idNumber) ? [{ idNumberHash: blindIndex(idNumber, encryptionKey(), tenant.id) }] : []),
          ],
        }
      : {},
    select: adminMemberRowSelect,
    orderBy: { account: "asc" },
    take: input.take,
  });
  return rows.map(adminMemberRow);
}

export const memberIdInput = z.object({ memberId: z.string().uuid() });

/** Clears the lockout; the unlock and its audit row commit together. */
export async function unlockMember(scope: TenantScope, input: z.infer<typeof memberIdInput>) {
  return scope.db.$transaction(async (tx) => {
    // updateMany through the tenant-bound client: another school's id simply matches nothing.
    const { count } = await tx.member.updateMany({ where: { id: input.memberId }, data: { failedLoginCount: 0, lockedUntil: null } });
    if (count === 0) throw new AppError("NOT_FOUND");
    const member = await tx.member.findUniqueOrThrow({ where: { id: input.memberId }, select: adminMemberRowSelect });
    await audit(tx, { ...auditActor(scope.actor), action: "member.unlock", target: member.account });
    return adminMemberRow(member);
  });
}

/** The signed-in member's own entry. */
/** The signed-in member's own entry, and whether they sign in with a password kept here (else at the school's CAS/OIDC). */
export async function memberProfile(scope: TenantScope) {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  const { identityKind, ...member } = await scope.db.member.findUniqueOrThrow({
    where: { id: scope.actor.id },
    select: {
      ...memberRowSelect,
      mustChangePassword: true,
      identityKind: { select: { ...memberRowSelect.identityKind.select, providerKind: true } },
    },
  });
  const { providerKind, ...kind } = identityKind;
  return { ...member, identityKind: kind, signsInHere: effectiveProvider(scope.tenant, providerKind) === "BUILTIN" };
}
