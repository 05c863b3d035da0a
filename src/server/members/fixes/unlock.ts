// 「密码试错 6 次，账号会锁定……解锁时间半个小时」(UCAS FAQ 7): the helpdesk need not make the
// member wait. The unlock and its audit row (with the lock it lifted) commit together.
import { AppError } from "~/server/errors";
import { isLocked } from "~/server/auth/lockout";
import type { TenantScope } from "~/server/scope";
import { adminMemberRow, adminMemberRowSelect } from "../member-directory";
import { auditFix, memberForFix } from "./fix-member";

export async function unlockMember(scope: TenantScope, input: { memberId: string }) {
  return scope.db.$transaction(async (tx) => {
    const member = await memberForFix(tx, input.memberId);
    if (!isLocked(member)) throw new AppError("MEMBER_NOT_LOCKED");
    await tx.member.update({ where: { id: member.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    await auditFix(tx, scope, {
      action: "member.unlock",
      account: member.account,
      before: { lockedUntil: member.lockedUntil!.toISOString(), failedLoginCount: member.failedLoginCount },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
    return adminMemberRow(await tx.member.findUniqueOrThrow({ where: { id: member.id }, select: adminMemberRowSelect }));
  });
}
