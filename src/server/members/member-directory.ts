// The school's directory as its back office sees it: the rows, the overview. Search: directory-search.ts;
// a member's page: member-record.ts; the helpdesk's fixes: fixes/.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import { effectiveProvider } from "~/server/identity/kind-provider";
import type { TenantScope } from "~/server/scope";
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

export const memberIdInput = z.object({ memberId: z.string().uuid() });
