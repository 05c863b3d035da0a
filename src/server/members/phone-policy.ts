// Which phones a school's members may bind: foreign numbers typed with the
// "00" prefix (UCAS FAQ 9), and whether the bound phone must be the one the
// member's WeChat is bound to.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { auditActor, type TenantScope } from "~/server/scope";

export const phonePolicyInput = z.object({ allowForeign: z.boolean(), requireWechatMatch: z.boolean() });

export function phonePolicy({ db, tenant }: TenantScope) {
  return db.phonePolicy.findUniqueOrThrow({ where: { tenantId: tenant.id }, select: { allowForeign: true, requireWechatMatch: true } });
}

export async function updatePhonePolicy(scope: TenantScope, input: z.infer<typeof phonePolicyInput>) {
  return scope.db.$transaction(async (tx) => {
    const policy = await tx.phonePolicy.update({
      where: { tenantId: scope.tenant.id },
      data: input,
      select: { allowForeign: true, requireWechatMatch: true },
    });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.phonePolicy.update", detail: policy });
    return policy;
  });
}
