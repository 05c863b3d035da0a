// Binding a phone (绑定手机号, issue 9 §3): the member keeps the directory's phone or enters
// another (or, where the school allows it, an e-mail address). A value the directory did not
// already hold for the member is confirmed by a code first (a school setting, on by default),
// so nobody can take another person's number. The binding, the member's new directory phone,
// the WeCom sync job and the follow watch commit in one transaction, which also uses up the
// code; the unique indexes on Member.phone and PhoneBinding.value make sure that of two
// members binding one phone at once exactly one wins.
import { z } from "zod";
import type { BindingConfirmation } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { maskDestination } from "~/server/codes/destination";
import { issueCode } from "~/server/codes/issue-code";
import { countMemberValue } from "~/server/codes/member-values";
import { verifyCodeAndApply } from "~/server/codes/verify-code";
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { phonePolicy } from "~/server/members/phone-policy";
import { auditActor, type TenantScope } from "~/server/scope";
import { startFollowWatch } from "~/server/wecom/status-jobs";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { judgeBinding, refuseIfNeeded, type BindingVerdict, type Refusal } from "./binding-rules";
import { bindingTarget, refuseForeignIfNeeded, type BindingTarget } from "./binding-target";

export const bindingValueInput = z.object({
  /** As typed: 11 mainland digits, "00" + country code, or an e-mail address where allowed. */
  value: z.string().trim().min(1).max(254),
});

export const bindPhoneInput = bindingValueInput.extend({
  /** The code sent to a new phone (or address); absent on the first 【下一步】. */
  code: z.string().trim().max(32).optional(),
});

export const bindOutcomeOutput = z.discriminatedUnion("status", [
  z.object({ status: z.literal("bound"), channel: z.enum(["PHONE", "EMAIL"]), display: z.string() }),
  z.object({
    status: z.literal("codeSent"),
    channel: z.enum(["PHONE", "EMAIL"]),
    /** Where the code went, as the member typed it. */
    to: z.string(),
    resendAfterSeconds: z.number().int(),
    ttlMinutes: z.number().int(),
  }),
  /** The value needs no code (the directory holds it for the member, or the school confirms none). */
  z.object({ status: z.literal("noCodeNeeded") }),
]);
export type BindOutcome = z.infer<typeof bindOutcomeOutput>;

export function signedInMemberId(scope: TenantScope): string {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  return scope.actor.id;
}

type Prepared = { memberId: string; target: BindingTarget; verdict: BindingVerdict; needsCode: boolean };

async function prepare(scope: TenantScope, typed: string): Promise<Prepared> {
  const memberId = signedInMemberId(scope);
  const policy = await phonePolicy(scope);
  const target = bindingTarget(typed, policy);
  const verdict = await judgeBinding(scope.db, memberId, target);
  if (!verdict.heldByMember) {
    refuseForeignIfNeeded(target, policy);
    // Counted before any answer that depends on the directory (codes/member-values.ts): past the
    // member's handful of values a day, every new one is refused alike, held by someone or not.
    await countMemberValue(scope, memberId, target.value);
  }
  if (verdict.refusal) await auditRefusal(scope, target, verdict.refusal);
  refuseIfNeeded(verdict);
  return { memberId, target, verdict, needsCode: policy.confirmNewByCode && !verdict.heldByMember };
}

/** Who was refused which value (masked: the audit log is no copy of the directory), so probing shows in the back office. */
async function auditRefusal(scope: TenantScope, target: BindingTarget, refusal: Refusal): Promise<void> {
  await audit(scope.db, {
    ...auditActor(scope.actor),
    action: "member.binding.refused",
    target: maskDestination(target.value),
    detail: { refusal, channel: target.channel },
  });
}

const purposeOf = (target: BindingTarget) => (target.channel === "PHONE" ? "BIND_PHONE" : "BIND_EMAIL");

async function sendCode(scope: TenantScope, prepared: Prepared): Promise<BindOutcome> {
  const { target, memberId } = prepared;
  const issued = await issueCode(scope, {
    purpose: purposeOf(target),
    channel: target.channel === "PHONE" ? "SMS" : "EMAIL",
    destination: target.value,
    memberId,
    ip: scope.actor.ip,
  });
  return {
    status: "codeSent",
    channel: target.channel,
    to: target.display,
    resendAfterSeconds: issued.resendAfterSeconds,
    ttlMinutes: issued.ttlMinutes,
  };
}

/** 【获取验证码】: checks the rules first, so nobody is sent a code for a phone that will be refused. */
export async function requestBindingCode(scope: TenantScope, input: z.infer<typeof bindingValueInput>): Promise<BindOutcome> {
  const prepared = await prepare(scope, input.value);
  if (!prepared.needsCode) return { status: "noCodeNeeded" };
  return sendCode(scope, prepared);
}

const isUniqueViolation = (error: unknown) => error instanceof Error && (error as { code?: string }).code === "P2002";

/**
 * 【下一步】: binds the value, or (for a new value without a code yet) sends the code and says
 * so. A request that lost a race for the phone is told who won, as the rules would have told it.
 */
export async function bindPhone(scope: TenantScope, input: z.infer<typeof bindPhoneInput>): Promise<BindOutcome> {
  const prepared = await prepare(scope, input.value);
  const { memberId, target } = prepared;
  const confirmedBy: BindingConfirmation = prepared.verdict.heldByMember ? "DIRECTORY" : prepared.needsCode ? "CODE" : "UNCONFIRMED";
  try {
    if (!prepared.needsCode) {
      await scope.db.$transaction((tx) => writeBinding(tx, scope, memberId, target, confirmedBy));
    } else {
      if (!input.code) return await sendCode(scope, prepared);
      await verifyCodeAndApply(scope, { purpose: purposeOf(target), destination: target.value, memberId, code: input.code }, (tx) =>
        writeBinding(tx, scope, memberId, target, confirmedBy),
      );
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request took the phone between our check and our write: its commit is visible now.
    refuseIfNeeded(await judgeBinding(scope.db, memberId, target));
    throw new AppError(target.channel === "PHONE" ? "PHONE_BOUND_TO_OTHER_ACCOUNT" : "EMAIL_ALREADY_EXISTS");
  }
  return { status: "bound", channel: target.channel, display: target.display };
}

async function writeBinding(
  tx: TenantTx,
  scope: TenantScope,
  memberId: string,
  target: BindingTarget,
  confirmedBy: BindingConfirmation,
): Promise<void> {
  // Judged again on what the transaction sees: the page's check may be minutes old.
  refuseIfNeeded(await judgeBinding(tx, memberId, target));
  // No other member's directory entry holds the value (judged just now), so another binding of it is one
  // whose phone an admin has since moved: it no longer counts, and must not block the unique index.
  await tx.phoneBinding.deleteMany({ where: { value: target.value, memberId: { not: memberId } } });
  const member = await tx.member.update({
    where: { id: memberId },
    data: target.channel === "PHONE" ? { phone: target.value, phoneDisplay: target.display } : { email: target.value },
    select: { account: true },
  });
  const binding = { channel: target.channel, value: target.value, confirmedBy, boundAt: new Date() };
  await tx.phoneBinding.upsert({ where: { memberId }, create: { memberId, tenantId: scope.tenant.id, ...binding }, update: binding });
  const ref = { tenantId: scope.tenant.id, memberId };
  // The member is created or updated in WeCom with this phone by the durable sync, and the product
  // watches for the follow (the subscribe callback usually tells it first).
  await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", ...ref });
  await startFollowWatch(scope.jobs, tx, ref);
  await audit(tx, {
    ...auditActor(scope.actor),
    action: "member.binding.bound",
    target: member.account,
    detail: { channel: target.channel, confirmedBy },
  });
}
