// 【重新邀请】 and 【重新同步到企业微信】: both go through the durable WeCom jobs (sync.ts), so the
// page tells that the job is queued and shows its result once it ran, never a result it has not seen.
// WeCom today (reference §7.5): an invitation repeats daily for 3 days by itself, so a member is not
// invited again within that time; a member with neither phone nor e-mail cannot be in WeCom (60129).
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { auditFix, memberForFix } from "./fix-member";

export const memberFixInput = z.object({ memberId: z.string().uuid() });

/** WeCom reminds an invited member once a day for at most 3 days (reference §4.1). */
const INVITE_REPEATS_MS = 3 * 24 * 60 * 60_000;

export async function resendInvitation(scope: TenantScope, input: z.input<typeof memberFixInput>) {
  const { memberId } = memberFixInput.parse(input);
  return scope.db.$transaction(async (tx) => {
    const member = await memberForFix(tx, memberId);
    if (!member.wecom?.writtenAt || !member.wecomUserId) throw new AppError("FIX_INVITE_NOT_IN_WECOM");
    if (member.wecom.state === "ACTIVATED") throw new AppError("FIX_INVITE_ALREADY_ACTIVATED");
    const recent = await tx.wecomJob.findFirst({
      where: {
        subject: member.id,
        kind: "member.invite",
        createdAt: { gt: new Date(Date.now() - INVITE_REPEATS_MS) },
        state: { not: "FAILED" },
      },
      select: { createdAt: true },
    });
    if (recent) throw new AppError("FIX_INVITE_RECENT");
    await auditFix(tx, scope, {
      action: "member.fix.invited",
      account: member.account,
      before: { wecomState: member.wecom.state },
      after: { wecomState: member.wecom.state, invitation: "queued" },
    });
    await enqueueWecomSync(scope.jobs, tx, { kind: "member.invite", tenantId: scope.tenant.id, memberId: member.id });
    return { account: member.account, wecomJobQueued: true };
  });
}

export async function resyncToWecom(scope: TenantScope, input: z.input<typeof memberFixInput>) {
  const { memberId } = memberFixInput.parse(input);
  return scope.db.$transaction(async (tx) => {
    const member = await memberForFix(tx, memberId);
    if (!member.phone && !member.email && !member.wecom?.writtenAt) throw new AppError("FIX_RESYNC_NO_CONTACT");
    const pending = await tx.wecomJob.count({
      where: { subject: member.id, kind: "member.upsert", state: { in: ["QUEUED", "ACTIVE", "RETRYING"] } },
    });
    if (pending > 0) throw new AppError("FIX_RESYNC_PENDING");
    await auditFix(tx, scope, {
      action: "member.fix.resynced",
      account: member.account,
      before: { wecomState: member.wecom?.state ?? null, inWecom: member.wecom?.writtenAt != null },
      after: { sync: "queued" },
    });
    await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", tenantId: scope.tenant.id, memberId: member.id });
    return { account: member.account, wecomJobQueued: true };
  });
}
