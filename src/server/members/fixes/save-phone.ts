// 「移动校园后台修改成正确的手机号，保存。用户即可关注成功（无需认证流程）」(UCAS FAQ 5 方法四, 6 方法二).
// The directory then holds the phone for the member, so the binding page needs no code for it
// (binding-rules.ts: heldByMember) and WeCom gets the member with that mobile through the durable
// sync: the member's WeChat with that phone follows directly. A binding the member made with a
// wrong phone is moved to the right one, as confirmed by the directory.
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { startFollowWatch } from "~/server/wecom/status-jobs";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { normaliseAdminPhone } from "./admin-phone";
import { auditFix, contactOf, memberForFix, recordRejoinConsent } from "./fix-member";

export const savePhoneInput = z.object({
  memberId: z.string().uuid(),
  /** As typed: 11 mainland digits, or 00 and the country code. */
  phone: z.string().trim().min(1).max(24),
  /** The admin agrees that an activated member is removed from WeCom and created again with this phone. */
  confirmWecomRejoin: z.boolean().default(false),
});

export async function saveCorrectPhone(scope: TenantScope, input: z.input<typeof savePhoneInput>) {
  const asked = savePhoneInput.parse(input);
  const phone = normaliseAdminPhone(asked.phone, scope.tenant);
  return scope.db.$transaction(async (tx) => {
    const member = await memberForFix(tx, asked.memberId);
    if (member.phone === phone.e164) throw new AppError("FIX_PHONE_UNCHANGED");
    const holder = await tx.member.findFirst({ where: { phone: phone.e164, id: { not: member.id } }, select: { account: true } });
    if (holder) throw new AppError("FIX_PHONE_HELD_BY_OTHER", { account: holder.account });
    // WeCom ignores an activated member's new mobile (reference §7.5): only the remove-and-create path reaches it.
    const activated = member.wecom?.state === "ACTIVATED";
    if (activated && !asked.confirmWecomRejoin) throw new AppError("WECOM_REJOIN_CONSENT_REQUIRED");
    if (activated) await recordRejoinConsent(tx, scope, member.id);
    const after = await tx.member.update({
      where: { id: member.id },
      data: { phone: phone.e164, phoneDisplay: phone.display },
      select: { phoneDisplay: true, email: true },
    });
    if (member.binding?.channel === "PHONE") {
      // A binding of another member's stale value must not block the unique index (as bind-phone.ts does).
      await tx.phoneBinding.deleteMany({ where: { value: phone.e164, memberId: { not: member.id } } });
      await tx.phoneBinding.update({
        where: { memberId: member.id },
        data: { value: phone.e164, confirmedBy: "DIRECTORY", boundAt: new Date() },
      });
    }
    const binding = member.binding?.channel === "PHONE" ? { value: phone.e164 } : member.binding;
    await auditFix(tx, scope, {
      action: "member.fix.phone_saved",
      account: member.account,
      before: contactOf(member),
      after: contactOf({ ...after, binding }),
      extra: activated ? { wecomRejoinConsent: true } : {},
    });
    const ref = { tenantId: scope.tenant.id, memberId: member.id };
    await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", ...ref });
    // The member is expected to follow now: watch for it, as a binding does.
    await startFollowWatch(scope.jobs, tx, ref);
    return { account: member.account, wecomJobQueued: true };
  });
}
