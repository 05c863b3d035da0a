// Which phones a school's members may bind: foreign numbers typed with the
// "00" prefix (UCAS FAQ 9), whether the bound phone must be the one the
// member's WeChat is bound to, whether an e-mail address may stand in for a
// phone (UCAS step 3), and whether a phone the directory did not hold for the
// member is confirmed by a code first (on by default).
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { auditActor, type TenantScope } from "~/server/scope";

/** The two later settings are optional: a form (or a caller) that does not know them leaves them as they are. */
export const phonePolicyInput = z.object({
  allowForeign: z.boolean(),
  requireWechatMatch: z.boolean(),
  allowEmail: z.boolean().optional(),
  confirmNewByCode: z.boolean().optional(),
});

export const phonePolicySelect = { allowForeign: true, requireWechatMatch: true, allowEmail: true, confirmNewByCode: true } as const;

export const phonePolicyOutput = z.object({
  allowForeign: z.boolean(),
  requireWechatMatch: z.boolean(),
  allowEmail: z.boolean(),
  confirmNewByCode: z.boolean(),
});

export function phonePolicy({ db, tenant }: TenantScope) {
  return db.phonePolicy.findUniqueOrThrow({ where: { tenantId: tenant.id }, select: phonePolicySelect });
}

export async function updatePhonePolicy(scope: TenantScope, input: z.infer<typeof phonePolicyInput>) {
  return scope.db.$transaction(async (tx) => {
    const policy = await tx.phonePolicy.update({
      where: { tenantId: scope.tenant.id },
      data: input,
      select: phonePolicySelect,
    });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.phonePolicy.update", detail: policy });
    return policy;
  });
}
