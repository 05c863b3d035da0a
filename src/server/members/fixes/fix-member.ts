// What every fix of the member page shares: the member as a fix needs to see them, and the audit
// row with the state before and after, written in the fix's own transaction.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";

export const fixMemberSelect = {
  id: true,
  account: true,
  phone: true,
  phoneDisplay: true,
  email: true,
  lockedUntil: true,
  failedLoginCount: true,
  wecomUserId: true,
  binding: { select: { channel: true, value: true } },
  wecom: { select: { writtenAt: true, state: true, mobile: true } },
} as const satisfies Prisma.MemberSelect;

export type FixMember = Prisma.MemberGetPayload<{ select: typeof fixMemberSelect }>;

/** A fix's answer: what the page says once it is done. */
export const fixOutcomeOutput = z.object({
  account: z.string(),
  /** A WeCom job carries the change to WeCom (its result shows on the page once it ran). */
  wecomJobQueued: z.boolean(),
});

/** The member through the tenant-bound transaction: another school's id matches nothing. */
export async function memberForFix(tx: TenantTx, memberId: string): Promise<FixMember> {
  const member = await tx.member.findUnique({ where: { id: memberId }, select: fixMemberSelect });
  if (!member) throw new AppError("NOT_FOUND");
  return member;
}

/** The contact fields as the audit shows them (the phone as typed; never an ID number). */
export function contactOf(member: { phoneDisplay: string | null; email: string | null; binding: { value: string } | null }) {
  return { phone: member.phoneDisplay, email: member.email, binding: member.binding?.value ?? null };
}

export async function auditFix(
  tx: TenantTx,
  scope: TenantScope,
  entry: {
    action: string;
    account: string;
    before: Prisma.InputJsonValue;
    after: Prisma.InputJsonValue;
    extra?: Record<string, Prisma.InputJsonValue>;
  },
): Promise<void> {
  await audit(tx, {
    ...auditActor(scope.actor),
    action: entry.action,
    target: entry.account,
    detail: { before: entry.before, after: entry.after, ...entry.extra },
  });
}

/**
 * The admin's consent to remove an activated member from WeCom and create them again (sync.ts
 * takes that path only with it): WeCom ignores an activated member's new mobile (reference §7.5).
 */
export async function recordRejoinConsent(tx: TenantTx, scope: TenantScope, memberId: string): Promise<void> {
  await tx.memberWecom.updateMany({
    where: { memberId, writtenAt: { not: null } },
    data: { rejoinConsentAt: new Date(), rejoinConsentBy: auditActor(scope.actor).actorId },
  });
}
