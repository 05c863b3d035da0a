// A member changes the password: required before anything else while
// `mustChangePassword` is set (e.g. xawl's initial password, the last 8 of the
// ID number). The new hash, the cleared flag and a bumped sessionVersion are
// one update, so every session of the account ends with the old password,
// including the one that made the change: the member signs in again with the
// new password (next-auth cannot re-issue this session's cookie from here).
import type { z } from "zod";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { auditActor, unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { hashPassword, verifyPassword } from "./passwords";
import type { changePasswordInput } from "./password-policy";

/** The signed-in member's own password. */
export async function changeMemberPassword(scope: TenantScope, input: z.infer<typeof changePasswordInput>): Promise<{ ok: true }> {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  const memberId = scope.actor.id;
  const db = scope.db;
  // A stolen session cannot guess the current password at argon2's pace for long (counters shared by every school's instances).
  await enforceRateLimit(unscopedClient(scope), { key: `password-change:${memberId}`, limit: 10, windowSeconds: 15 * 60 });
  const member = await db.member.findUniqueOrThrow({
    where: { id: memberId },
    select: { id: true, account: true, passwordHash: true },
  });
  if (!member.passwordHash || !(await verifyPassword(member.passwordHash, input.currentPassword)))
    throw new AppError("CURRENT_PASSWORD_WRONG");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.member.update({
      where: { id: member.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
    });
    await audit(tx, { ...auditActor(scope.actor), action: "member.password.changed", target: member.account });
  });
  return { ok: true };
}
