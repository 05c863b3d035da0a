// The built-in directory's initial passwords: none set by rule, or the last 8
// characters of the ID number (西安文理学院), and whether the first sign-in
// with it must change it.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { auditActor, type TenantScope } from "~/server/scope";

export const passwordPolicyInput = z.object({
  initialPasswordRule: z.enum(["NONE", "ID_NUMBER_LAST8"]),
  mustChangeInitial: z.boolean(),
});

export function passwordPolicy({ db, tenant }: TenantScope) {
  return db.passwordPolicy.findUniqueOrThrow({
    where: { tenantId: tenant.id },
    select: { initialPasswordRule: true, mustChangeInitial: true },
  });
}

export async function updatePasswordPolicy(scope: TenantScope, input: z.infer<typeof passwordPolicyInput>) {
  return scope.db.$transaction(async (tx) => {
    const policy = await tx.passwordPolicy.update({
      where: { tenantId: scope.tenant.id },
      data: input,
      select: { initialPasswordRule: true, mustChangeInitial: true },
    });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.passwordPolicy.update", detail: policy });
    return policy;
  });
}
