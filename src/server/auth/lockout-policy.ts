// How many wrong passwords a school allows before an account locks, and for
// how long (UCAS: 6 tries, 30 minutes: 「错误次数已达最大上限，请稍后再试」).
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { auditActor, type TenantScope } from "~/server/scope";

/** The bounds the database also enforces (LockoutPolicy_bounds). */
export const lockoutPolicyInput = z.object({
  maxAttempts: z.coerce.number().int().min(1).max(100),
  lockMinutes: z.coerce.number().int().min(1).max(1440),
});

export function lockoutPolicy({ db, tenant }: TenantScope) {
  return db.lockoutPolicy.findUniqueOrThrow({ where: { tenantId: tenant.id }, select: { maxAttempts: true, lockMinutes: true } });
}

export async function updateLockoutPolicy(scope: TenantScope, input: z.infer<typeof lockoutPolicyInput>) {
  return scope.db.$transaction(async (tx) => {
    const policy = await tx.lockoutPolicy.update({
      where: { tenantId: scope.tenant.id },
      data: input,
      select: { maxAttempts: true, lockMinutes: true },
    });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.lockoutPolicy.update", detail: policy });
    return policy;
  });
}
