// 「原微信账号无法登录（手机号已注销、微信未解绑就换号）：移动校园平台清除手机号和邮箱，保存，来解绑
// 用户跟微信的绑定关系」(UCAS FAQ 10). The directory forgets the phone, the e-mail and the binding;
// WeCom cannot keep a member with neither (60129), so the durable sync removes the member from
// WeCom, which is what releases the lost WeChat. For a member who activated WeCom that removal is
// the rejoin path of sync.ts, and this confirmation is the admin's consent to it. The page says the
// release happens when the job has run, never before.
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { releaseWechat } from "../release-wechat";
import { auditFix, contactOf, memberForFix } from "./fix-member";

export const clearContactsInput = z.object({ memberId: z.string().uuid() });

export async function clearPhoneAndEmail(scope: TenantScope, input: z.input<typeof clearContactsInput>) {
  const { memberId } = clearContactsInput.parse(input);
  return scope.db.$transaction(async (tx) => {
    const member = await memberForFix(tx, memberId);
    if (!member.phone && !member.email && !member.binding) throw new AppError("FIX_NOTHING_TO_CLEAR");
    await tx.member.update({ where: { id: member.id }, data: { phone: null, phoneDisplay: null, email: null } });
    await tx.phoneBinding.deleteMany({ where: { memberId: member.id } });
    const inWecom = await releaseWechat(tx, scope, member);
    await auditFix(tx, scope, {
      action: "member.fix.contacts_cleared",
      account: member.account,
      before: contactOf(member),
      after: { phone: null, email: null, binding: null },
      extra: { wecomRemoval: inWecom },
    });
    return { account: member.account, wecomJobQueued: inWecom };
  });
}
