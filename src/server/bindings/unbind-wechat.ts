// 解绑微信 (issue 18 §1; UCAS FAQ 3/11, XAU §3, IMUT 二): the signed-in member leaves the school's
// WeCom with the WeChat that follows, so they can follow again with another WeChat or bind another
// identity (a new 学号). In one transaction:
// - the binding goes, and with it the value the member bound (the phone, or the e-mail where the
//   school binds by e-mail). bind-phone.ts made that value the directory's, so keeping it would
//   leave the member's old account holding it: a new identity would meet 「手机号码已存在」 (UCAS
//   FAQ 13(2): 「该手机号是学生之前学号注册时绑定的，未解绑」), and WeCom would refuse the number
//   to the new member (60104). The member binds a phone again, confirmed by a code, to follow again.
// - WeCom releases the WeChat through the durable sync (members/release-wechat.ts, the helpdesk's
//   「清除手机号和邮箱」 takes the same path): WeChat access and messages stop once the job ran.
// - every session of the member ends, on every device (sessionVersion; the school-vouched ones'
//   rows too), so the next scan of the registration QR starts at sign-in.
// - the audit row, with the state before and after.
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { followsInWecom } from "~/server/journey/journey-step";
import { releaseWechat } from "~/server/members/release-wechat";
import { auditActor, type TenantScope } from "~/server/scope";
import { signedInMemberId } from "./bind-phone";

export type UnbindOutcome = { account: string; wecomJobQueued: boolean };

export async function unbindWechat(scope: TenantScope): Promise<UnbindOutcome> {
  const memberId = signedInMemberId(scope);
  return scope.db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({
      where: { id: memberId },
      select: {
        id: true,
        account: true,
        phoneDisplay: true,
        email: true,
        binding: { select: { channel: true, value: true } },
        wecom: { select: { writtenAt: true, state: true, rejoinConsentAt: true } },
      },
    });
    if (!member) throw new AppError("UNAUTHENTICATED");
    // A member who followed in WeCom without binding here (WeCom's own invitation) has a WeChat to release too.
    const follows = followsInWecom(member.wecom ?? null);
    if (!member.binding && !follows) throw new AppError("UNBIND_NOTHING_TO_UNBIND");
    // WeCom linked the WeChat by the bound value; without a binding, by the directory's phone.
    const released = member.binding?.channel === "EMAIL" ? { email: null } : { phone: null, phoneDisplay: null };
    await tx.member.update({ where: { id: member.id }, data: { ...released, sessionVersion: { increment: 1 } } });
    await tx.phoneBinding.deleteMany({ where: { memberId: member.id } });
    await tx.ssoSession.updateMany({ where: { memberId: member.id, endedAt: null }, data: { endedAt: new Date() } });
    const wecomJobQueued = await releaseWechat(tx, scope, member);
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "member.wechat.unbound",
      target: member.account,
      detail: {
        before: {
          phone: member.phoneDisplay,
          email: member.email,
          binding: member.binding?.value ?? null,
          wecomState: member.wecom?.state ?? null,
        },
        after: { ...("email" in released ? { email: null } : { phone: null }), binding: null },
        wecomRemoval: wecomJobQueued,
      },
    });
    scope.log.info({ member: member.id, wecomJobQueued }, "member unbound their WeChat");
    return { account: member.account, wecomJobQueued };
  });
}
