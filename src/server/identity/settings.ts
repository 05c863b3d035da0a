// How the school signs its members in, as its IT office (and the vendor) set
// it: the provider's kind and, for CAS and OIDC, where the school's server is.
// The OIDC client secret is write-only: the page says whether one is set.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { encryptSecret, sealContext } from "~/server/crypto/secrets";
import { auditActor, type TenantScope } from "~/server/scope";

/** Sealed with the context of its first home, Tenant.idpSecretEnc (the settings migration kept the ciphertext). */
export const oidcClientSecretContext = (tenantId: string) => sealContext("Tenant", "idpSecretEnc", tenantId);

export const identityProviderSettingsInput = z.object({
  kind: z.enum(["BUILTIN", "CAS", "OIDC"]),
  /** Empty keeps the stored secret. */
  oidcClientSecret: z.string().trim().max(500).default(""),
});

export async function identityProviderSettings({ db, tenant }: TenantScope) {
  const row = await db.identityProviderSettings.findUniqueOrThrow({ where: { tenantId: tenant.id } });
  const { oidcClientSecretEnc, ...settings } = row;
  return { ...settings, hasOidcClientSecret: oidcClientSecretEnc !== null };
}

export async function updateIdentityProviderSettings(scope: TenantScope, input: z.infer<typeof identityProviderSettingsInput>) {
  const tenantId = scope.tenant.id;
  return scope.db.$transaction(async (tx) => {
    await tx.identityProviderSettings.update({
      where: { tenantId },
      data: {
        kind: input.kind,
        ...(input.oidcClientSecret
          ? { oidcClientSecretEnc: encryptSecret(input.oidcClientSecret, encryptionKey(), oidcClientSecretContext(tenantId)) }
          : {}),
      },
    });
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "tenant.identityProvider.update",
      detail: { kind: input.kind, changedSecret: Boolean(input.oidcClientSecret) },
    });
    return { ok: true as const };
  });
}
