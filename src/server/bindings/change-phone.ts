// 更换手机号 from 个人中心 (issue 18 §1; UCAS FAQ 4(2), 10; UESTC FAQ 3): a signed-in member, who may
// already follow, gives the school's directory a new phone, confirmed by a code sent to that phone.
// - The new phone meets the rules of binding (binding-rules.ts, binding-target.ts: mainland or, where
//   the school allows it, "00" + country code; not held by another member), judged before the code
//   is sent and again in the transaction that changes it; the unique indexes settle a race.
// - The code goes to the NEW phone, within the codes' budgets and limits (src/server/codes); the
//   form posts carry no phone: the member's latest CHANGE_PHONE code names it.
// - One transaction: the directory's phone, the binding (when the member bound a phone), the WeCom
//   sync job, the audit row, and the code used up.
// - WeCom: the durable sync updates the mobile of a member not yet activated; of an activated member
//   WeCom ignores it without an error (reference §7.5 open point 1, 「若成员已激活企业微信，则需成员自行
//   修改」), and sync.ts neither records it as done nor removes the member without consent. The
//   result page (me/phone/done) says which applies; the member is never told WeCom changed when it
//   did not.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { displayPhone, maskDestination } from "~/server/codes/destination";
import { issueCode } from "~/server/codes/issue-code";
import { countMemberValue } from "~/server/codes/member-values";
import { verifyCodeAndApply } from "~/server/codes/verify-code";
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { followsInWecom } from "~/server/journey/journey-step";
import { phonePolicy } from "~/server/members/phone-policy";
import { auditActor, type TenantScope } from "~/server/scope";
import { wecomMobileOf } from "~/server/wecom/mobile";
import { startFollowWatch } from "~/server/wecom/status-jobs";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { signedInMemberId } from "./bind-phone";
import { judgeBinding, refuseIfNeeded, type Refusal } from "./binding-rules";
import { bindingTarget, refuseForeignIfNeeded, type BindingTarget } from "./binding-target";

/** 【获取验证码】: the new phone as typed (11 mainland digits, or "00" + country code). */
export const phoneChangeRequestInput = z.object({ value: z.string().trim().min(1).max(32) });
/** 【确认更换】: the code the new phone received. */
export const phoneChangeConfirmInput = z.object({ code: z.string().trim().min(1).max(32) });

export type PhoneChangeCodeSent = { to: string; resendAfterSeconds: number; ttlMinutes: number };
export type PhoneChanged = {
  display: string;
  /** WeCom had the member activated when the phone changed: it will ignore the new mobile. */
  wecomActivated: boolean;
};

/** A phone only: 更换手机号 changes the directory's phone, never the e-mail a school may bind by. */
const PHONE_ONLY = { allowEmail: false };

async function judge(scope: TenantScope, db: Parameters<typeof judgeBinding>[0], memberId: string, target: BindingTarget) {
  const verdict = await judgeBinding(db, memberId, target, { changing: true });
  if (verdict.heldByMember) throw new AppError("PHONE_CHANGE_SAME_PHONE");
  return verdict;
}

async function auditRefusal(scope: TenantScope, target: BindingTarget, refusal: Refusal): Promise<void> {
  await audit(scope.db, {
    ...auditActor(scope.actor),
    action: "member.binding.refused",
    target: maskDestination(target.value),
    detail: { refusal, channel: target.channel, change: true },
  });
}

/**
 * Checks the new phone against the rules (so nobody is sent a code for a phone that will be refused),
 * then sends the code to it. Refuses as binding does, with PHONE_CHANGE_SAME_PHONE for the phone the
 * member has already, and with the codes' limits.
 */
export async function requestPhoneChangeCode(
  scope: TenantScope,
  input: z.infer<typeof phoneChangeRequestInput>,
): Promise<PhoneChangeCodeSent> {
  const memberId = signedInMemberId(scope);
  const policy = await phonePolicy(scope);
  const target = bindingTarget(input.value, PHONE_ONLY);
  const verdict = await judge(scope, scope.db, memberId, target);
  refuseForeignIfNeeded(target, policy);
  // Counted before any answer that depends on the directory (codes/member-values.ts).
  await countMemberValue(scope, memberId, target.value);
  if (verdict.refusal) await auditRefusal(scope, target, verdict.refusal);
  refuseIfNeeded(verdict);
  const issued = await issueCode(scope, {
    purpose: "CHANGE_PHONE",
    channel: "SMS",
    destination: target.value,
    memberId,
    ip: scope.actor.ip,
  });
  return { to: target.display, resendAfterSeconds: issued.resendAfterSeconds, ttlMinutes: issued.ttlMinutes };
}

/** The change the member started: the phone their latest code went to, and whether that code can still be used. */
export async function pendingPhoneChange(scope: TenantScope): Promise<{ to: string; expiresAt: Date } | null> {
  const memberId = signedInMemberId(scope);
  const latest = await scope.db.verificationCode.findFirst({
    where: { purpose: "CHANGE_PHONE", memberId, supersededAt: null },
    orderBy: { createdAt: "desc" },
    select: { destination: true, consumedAt: true, expiresAt: true },
  });
  if (!latest || latest.consumedAt) return null;
  return { to: displayPhone(latest.destination), expiresAt: latest.expiresAt };
}

const isUniqueViolation = (error: unknown) => error instanceof Error && (error as { code?: string }).code === "P2002";

/**
 * 【确认更换】: checks the code sent to the new phone and changes the directory's phone. Refuses with
 * the codes' errors (CODE_WRONG, CODE_EXPIRED, CODE_NOT_REQUESTED …) or, when the phone was taken
 * meanwhile, the binding rules' error.
 */
export async function confirmPhoneChange(scope: TenantScope, input: z.infer<typeof phoneChangeConfirmInput>): Promise<PhoneChanged> {
  const memberId = signedInMemberId(scope);
  // The phone the member's latest code went to; a consumed one says CODE_ALREADY_USED, none CODE_NOT_REQUESTED.
  const latest = await scope.db.verificationCode.findFirst({
    where: { purpose: "CHANGE_PHONE", memberId, supersededAt: null },
    orderBy: { createdAt: "desc" },
    select: { destination: true },
  });
  if (!latest) throw new AppError("CODE_NOT_REQUESTED");
  const target = bindingTarget(displayPhone(latest.destination), PHONE_ONLY);
  try {
    return await verifyCodeAndApply(scope, { purpose: "CHANGE_PHONE", destination: target.value, memberId, code: input.code }, (tx) =>
      writeChange(tx, scope, memberId, target),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request took the phone between our check and our write: its commit is visible now.
    refuseIfNeeded(await judge(scope, scope.db, memberId, target));
    throw new AppError("PHONE_BOUND_TO_OTHER_ACCOUNT");
  }
}

async function writeChange(tx: TenantTx, scope: TenantScope, memberId: string, target: BindingTarget): Promise<PhoneChanged> {
  // Judged again on what the transaction sees: the code may be minutes old.
  refuseIfNeeded(await judge(scope, tx, memberId, target));
  const before = await tx.member.findUniqueOrThrow({
    where: { id: memberId },
    select: {
      account: true,
      phoneDisplay: true,
      binding: { select: { channel: true } },
      wecom: { select: { state: true, rejoinConsentAt: true } },
    },
  });
  // Another member's binding of the phone whose directory entry no longer holds it (moved by an admin) no longer counts.
  await tx.phoneBinding.deleteMany({ where: { value: target.value, memberId: { not: memberId } } });
  await tx.member.update({ where: { id: memberId }, data: { phone: target.value, phoneDisplay: target.display } });
  // The phone the member bound becomes the new one, confirmed by its code (an e-mail binding stays as it is).
  if (before.binding?.channel === "PHONE") {
    await tx.phoneBinding.update({ where: { memberId }, data: { value: target.value, confirmedBy: "CODE", boundAt: new Date() } });
  }
  const ref = { tenantId: scope.tenant.id, memberId };
  const wecomActivated = followsInWecom(before.wecom ?? null);
  // WeCom keeps an activated member's number as they hold it there: theirs to change in WeCom, and
  // the sync is told so rather than waiting for an admin's consent to remove them (sync.ts).
  if (wecomActivated) await tx.memberWecom.update({ where: { memberId }, data: { mobileByMemberAt: new Date() } });
  // WeCom gets the new phone through the durable sync: taken for a member not yet activated, ignored for an activated one.
  await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", ...ref });
  // A member who bound but has not followed yet follows with the new phone's WeChat: watch for it.
  if (before.binding && !wecomActivated) await startFollowWatch(scope.jobs, tx, ref);
  await audit(tx, {
    ...auditActor(scope.actor),
    action: "member.phone.changed",
    target: before.account,
    detail: {
      before: { phone: before.phoneDisplay, wecomState: before.wecom?.state ?? null },
      after: { phone: target.display },
      wecomActivated,
    },
  });
  scope.log.info({ member: memberId, wecomActivated }, "member changed their phone");
  return { display: target.display, wecomActivated };
}

/** What the result page says of WeCom: whether the product's record shows WeCom holding the member's phone now. */
export async function phoneInWecom(scope: TenantScope): Promise<{ phone: string | null; wecomHasIt: boolean; activated: boolean }> {
  const memberId = signedInMemberId(scope);
  const member = await scope.db.member.findUnique({
    where: { id: memberId },
    select: { phone: true, phoneDisplay: true, wecom: { select: { mobile: true, state: true, rejoinConsentAt: true } } },
  });
  if (!member) throw new AppError("UNAUTHENTICATED");
  return {
    phone: member.phoneDisplay,
    wecomHasIt: !!member.phone && member.wecom?.mobile === wecomMobileOf(member.phone),
    activated: followsInWecom(member.wecom ?? null),
  };
}
