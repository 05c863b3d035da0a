// Releasing a member's WeChat from the school's WeCom, one way for everyone who may ask for it: the
// member's own 解绑微信 (UCAS FAQ 11, XAU §3, IMUT 二) and the helpdesk's 「清除手机号和邮箱」 for a
// WeChat that can no longer sign in (UCAS FAQ 10). WeCom keeps one WeChat per member and lets no
// one unlink it but by removing the member (reference §7.5), so the durable sync removes them and,
// where the directory still holds a phone or e-mail, creates them again unfollowed (sync.ts's
// rejoin, which a recorded consent asks for). Written in the caller's transaction: the job exists
// if and only if the change that asked for it committed.
import type { TenantTx } from "~/server/db/tenant-db";
import type { TenantScope } from "~/server/scope";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { recordRejoinConsent } from "./fixes/fix-member";

/**
 * Queues the release; false when WeCom holds no entry the product wrote (nothing to release there).
 * `then`: the member whose own sync waits for the release (切换身份 moves the phone to them), sent
 * by the worker once this member's run succeeded (sync.ts); the caller queues it itself on false.
 */
export async function releaseWechat(
  tx: TenantTx,
  scope: TenantScope,
  member: { id: string; wecom: { writtenAt: Date | null } | null },
  options: { then?: string } = {},
): Promise<boolean> {
  if (member.wecom?.writtenAt == null) return false;
  await recordRejoinConsent(tx, scope, member.id);
  await enqueueWecomSync(scope.jobs, tx, {
    kind: "member.upsert",
    tenantId: scope.tenant.id,
    memberId: member.id,
    ...(options.then ? { then: options.then } : {}),
  });
  return true;
}
