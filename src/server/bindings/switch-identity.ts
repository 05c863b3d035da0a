// 切换身份 (issue 18 §1; UCAS FAQ 12 「若多个学工号的证件号相同，用户可以进入个人中心切换身份，无需解绑
// 微信，重新认证」; IMUT 三 4: 本科学号 → 研究生学号, staff who also study). A person whose directory
// entries of one school share one ID number moves their phone (or e-mail) and WeChat binding from the
// entry they are signed in as (A) to another of theirs (B), without unbinding and without meeting
// 「手机号码已存在」 (UCAS FAQ 13(2): the old 学号 still holding the phone).
//
// Who may: the shared ID number (Member.idNumberHash, a per-school blind index, so never another
// school's entry) is the school's own statement that A and B are one person, and the member is signed
// in as A. That suffices to move what A bound (the member confirmed that phone as theirs) to B. It
// suffices for a session as B only where B signs in with a password kept here (the built-in
// directory): the product vouches for its own accounts. Where B's identity kind signs in at the
// school's CAS or OIDC, only the school may vouch for B (and only its sessions are ended by its single
// logout, identity/sso-sessions.ts), so the switch ends A's sessions and the member signs in as B at
// the school; B's binding is there already, so that sign-in leads straight to following.
//
// In one transaction: the value moves (A loses it, B gets it, B's own earlier binding is replaced),
// every session of A ends (sessionVersion, the school-vouched rows too), WeCom's jobs are queued and
// the audit row written. WeCom refuses B the phone (60104) while A still holds it, so B's sync is not
// queued beside A's release but chained after it (sync.ts's `then`): the worker sends B's job only
// once A's run has left WeCom without the phone. A in WeCom is released the way 解绑微信 releases it
// (members/release-wechat.ts); B is then created or updated with the phone, and follows as B.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { effectiveProvider } from "~/server/identity/kind-provider";
import { followsInWecom } from "~/server/journey/journey-step";
import { releaseWechat } from "~/server/members/release-wechat";
import { auditActor, type TenantScope } from "~/server/scope";
import { startFollowWatch } from "~/server/wecom/status-jobs";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { signedInMemberId } from "./bind-phone";

export const switchIdentityInput = z.object({ memberId: z.string().uuid() });

const kindSelect = { code: true, nameZh: true, nameEn: true } as const;

/** Another entry of the signed-in person, as 个人中心 lists it (学工号, identity kind, department). */
export const otherIdentityOutput = z.object({
  id: z.string(),
  account: z.string(),
  department: z.string(),
  identityKind: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  /** It follows the school's WeCom already (e.g. in the WeCom app, IMUT 三 4): it cannot be switched to. */
  follows: z.boolean(),
});
export type OtherIdentity = z.infer<typeof otherIdentityOutput>;

/** The signed-in member's other entries in this school with the same ID number; none without an ID number. */
export async function otherIdentities(scope: TenantScope): Promise<OtherIdentity[]> {
  const memberId = signedInMemberId(scope);
  const me = await scope.db.member.findUnique({ where: { id: memberId }, select: { idNumberHash: true } });
  if (!me) throw new AppError("UNAUTHENTICATED");
  if (!me.idNumberHash) return [];
  const others = await scope.db.member.findMany({
    where: { idNumberHash: me.idNumberHash, id: { not: memberId } },
    select: {
      id: true,
      account: true,
      department: true,
      identityKind: { select: kindSelect },
      wecom: { select: { state: true, rejoinConsentAt: true } },
    },
    orderBy: { account: "asc" },
  });
  return others.map(({ wecom, ...other }) => ({ ...other, follows: followsInWecom(wecom ?? null) }));
}

export type SwitchOutcome = {
  from: string;
  to: { id: string; account: string; sessionVersion: number; kindCode: string };
  /** B signs in with a password kept here: the member's session becomes B's. Else B signs in at the school. */
  sessionHere: boolean;
  /** What moved from A to B: the bound phone or e-mail; null when A had neither. */
  moved: "PHONE" | "EMAIL" | null;
};

export async function switchIdentity(scope: TenantScope, input: z.infer<typeof switchIdentityInput>): Promise<SwitchOutcome> {
  const fromId = signedInMemberId(scope);
  const { memberId: toId } = switchIdentityInput.parse(input);
  return scope.db.$transaction(async (tx) => {
    const from = await tx.member.findUnique({
      where: { id: fromId },
      select: {
        id: true,
        account: true,
        phone: true,
        phoneDisplay: true,
        email: true,
        idNumberHash: true,
        sessionVersion: true,
        binding: { select: { channel: true, value: true, confirmedBy: true } },
        wecom: { select: { writtenAt: true, state: true } },
      },
    });
    if (!from) throw new AppError("UNAUTHENTICATED");
    // Only another entry of this school (the tenant-bound client) with the same ID number.
    const to =
      from.idNumberHash && toId !== from.id
        ? await tx.member.findFirst({
            where: { id: toId, idNumberHash: from.idNumberHash },
            select: {
              id: true,
              account: true,
              phoneDisplay: true,
              email: true,
              sessionVersion: true,
              binding: { select: { value: true } },
              wecom: { select: { state: true, rejoinConsentAt: true } },
              identityKind: { select: { code: true, providerKind: true } },
            },
          })
        : null;
    if (!to) throw new AppError("SWITCH_IDENTITY_NOT_OFFERED");
    // WeCom keeps one WeChat per member: one that follows already would have to be released first, which is 解绑's to say.
    if (followsInWecom(to.wecom ?? null)) throw new AppError("SWITCH_IDENTITY_TARGET_FOLLOWS");

    // A ends here: the session that asked, and every other, on every device. Counted, so that of two
    // switches at once from one session only the first goes on (the second finds A changed).
    const ended = await tx.member.updateMany({
      where: { id: from.id, sessionVersion: from.sessionVersion },
      data: { sessionVersion: { increment: 1 } },
    });
    if (ended.count !== 1) throw new AppError("UNAUTHENTICATED");
    await tx.ssoSession.updateMany({ where: { memberId: from.id, endedAt: null }, data: { endedAt: new Date() } });

    // What WeCom links the WeChat by: the bound value; without a binding, the directory's phone.
    const moved = from.binding?.channel ?? (from.phone ? "PHONE" : null);
    if (moved === "PHONE") {
      await tx.member.update({ where: { id: from.id }, data: { phone: null, phoneDisplay: null } });
      await tx.member.update({ where: { id: to.id }, data: { phone: from.phone, phoneDisplay: from.phoneDisplay } });
    } else if (moved === "EMAIL") {
      await tx.member.update({ where: { id: from.id }, data: { email: null } });
      await tx.member.update({ where: { id: to.id }, data: { email: from.email } });
    }
    if (from.binding) {
      // B's own earlier binding (bound, never followed) gives way to the one the person uses.
      await tx.phoneBinding.deleteMany({ where: { memberId: { in: [to.id, from.id] } } });
      const { channel, value, confirmedBy } = from.binding;
      await tx.phoneBinding.create({
        data: { memberId: to.id, tenantId: scope.tenant.id, channel, value, confirmedBy, boundAt: new Date() },
      });
    }

    const ref = { tenantId: scope.tenant.id, memberId: to.id };
    const released = await releaseWechat(tx, scope, from, { then: to.id });
    // Not in WeCom per the record: A's run still comes first, so that a sync of A running meanwhile
    // (which may yet write the phone) is undone before B asks WeCom for it.
    if (!released)
      await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", tenantId: scope.tenant.id, memberId: from.id, then: to.id });
    if (moved) await startFollowWatch(scope.jobs, tx, ref);

    await audit(tx, {
      ...auditActor(scope.actor),
      action: "member.identity.switched",
      target: from.account,
      detail: {
        to: to.account,
        moved,
        before: {
          from: {
            phone: from.phoneDisplay,
            email: from.email,
            binding: from.binding?.value ?? null,
            wecomState: from.wecom?.state ?? null,
          },
          to: { phone: to.phoneDisplay, email: to.email, binding: to.binding?.value ?? null },
        },
        wecomRelease: released,
      },
    });
    const sessionHere = effectiveProvider(scope.tenant, to.identityKind.providerKind) === "BUILTIN";
    scope.log.info({ from: from.id, to: to.id, moved, released, sessionHere }, "member switched identity");
    return {
      from: from.account,
      to: { id: to.id, account: to.account, sessionVersion: to.sessionVersion, kindCode: to.identityKind.code },
      sessionHere,
      moved,
    };
  });
}
