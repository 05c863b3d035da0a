// A member changes the password: required before anything else while
// `mustChangePassword` is set (e.g. xawl's initial password, the last 8 of the
// ID number). The new hash, the cleared flag and a bumped sessionVersion are
// one update, so every session of the account ends with the old password,
// including the one that made the change: the member signs in again with the
// new password (next-auth cannot re-issue this session's cookie from here).
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import type { TenantDb } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { hashPassword, verifyPassword } from "./passwords";

export async function changeMemberPassword(
  prisma: PrismaClient,
  db: TenantDb,
  input: { memberId: string; currentPassword: string; newPassword: string },
  actor: { ip: string | null },
): Promise<{ ok: true }> {
  // A stolen session cannot guess the current password at argon2's pace for long.
  await enforceRateLimit(prisma, { key: `password-change:${input.memberId}`, limit: 10, windowSeconds: 15 * 60 });
  const member = await db.member.findUniqueOrThrow({
    where: { id: input.memberId },
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
    await audit(tx, {
      actorKind: "member",
      actorId: member.id,
      action: "member.password.changed",
      target: member.account,
      ip: actor.ip?.slice(0, 64) ?? null,
    });
  });
  return { ok: true };
}
