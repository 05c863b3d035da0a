// The school's OpenID provider as its IT office sets it: the issuer, our client there, and how
// the provider sends its answer back — on the redirect URI's query (the default), or as a form
// post (OAuth 2.0 Form Post Response Mode), which keeps the code out of the address bar and the
// browser's history. The client secret is write-only.
import { z } from "zod";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { privateOrigins } from "../outbound/private-origins";
import type { ProtocolSettings } from "../protocol";
import { checkedSchoolUrl, incomplete, optionalText } from "../settings-kit";

/** Sealed with the context of its first home, Tenant.idpSecretEnc (the settings migration kept the ciphertext). */
export const oidcClientSecretContext = (tenantId: string) => sealContext("Tenant", "idpSecretEnc", tenantId);

export const OIDC_RESPONSE_MODES = ["query", "form_post"] as const;

export const oidcSettingsShape = {
  oidcIssuer: optionalText(300),
  oidcClientId: optionalText(200),
  /** Empty keeps the stored secret. */
  oidcClientSecret: z.string().trim().max(500).default(""),
  oidcResponseMode: z.enum(OIDC_RESPONSE_MODES).default("query"),
};
export type OidcInput = z.output<z.ZodObject<typeof oidcSettingsShape>>;

export const oidcSettingsFields: ProtocolSettings<OidcInput> = {
  shape: oidcSettingsShape,
  fields: [
    { name: "oidcIssuer", label: "idp.oidcIssuer", hint: "idp.oidcIssuerHint" },
    { name: "oidcClientId", label: "idp.oidcClientId" },
    { name: "oidcClientSecret", label: "idp.oidcClientSecret", secret: true },
    {
      name: "oidcResponseMode",
      label: "idp.oidcResponseMode",
      hint: "idp.oidcResponseModeHint",
      options: OIDC_RESPONSE_MODES.map((mode) => ({ value: mode, label: `idp.oidcResponseMode.${mode}` as const })),
    },
  ],
  columns(input, { inUse, stored, tenantId, locale, listed }) {
    const oidcIssuer = input.oidcIssuer === null ? null : checkedSchoolUrl(input.oidcIssuer, "oidc", "idp.oidcIssuer", listed, locale);
    if (inUse && !oidcIssuer) throw incomplete("idp.oidcIssuer", locale);
    if (inUse && !input.oidcClientId) throw incomplete("idp.oidcClientId", locale);
    if (inUse && !input.oidcClientSecret && !stored.oidcClientSecretEnc) throw incomplete("idp.oidcClientSecret", locale);
    return {
      oidcIssuer,
      oidcClientId: input.oidcClientId,
      oidcResponseMode: input.oidcResponseMode,
      ...(input.oidcClientSecret
        ? { oidcClientSecretEnc: encryptSecret(input.oidcClientSecret, encryptionKey(), oidcClientSecretContext(tenantId)) }
        : {}),
    };
  },
  audit: (input) => ({
    oidcIssuer: input.oidcIssuer,
    oidcClientId: input.oidcClientId,
    oidcResponseMode: input.oidcResponseMode,
    changedSecret: Boolean(input.oidcClientSecret),
  }),
};

/** What a login through the school's OpenID provider needs (the secret opened), or SSO_NOT_CONFIGURED. */
export async function oidcClient({ db, tenant }: TenantScope) {
  const row = await db.identityProviderSettings.findUniqueOrThrow({
    where: { tenantId: tenant.id },
    select: { oidcIssuer: true, oidcClientId: true, oidcClientSecretEnc: true, oidcResponseMode: true, accountAttribute: true },
  });
  if (!row.oidcIssuer || !row.oidcClientId) throw new AppError("SSO_NOT_CONFIGURED", { school: tenant.name });
  return {
    // Checked again at use: a row saved before the rules, or edited by hand, gets no power.
    issuer: checkedSchoolUrl(row.oidcIssuer, "oidc", "idp.oidcIssuer", await privateOrigins()),
    clientId: row.oidcClientId,
    clientSecret: row.oidcClientSecretEnc
      ? decryptSecret(row.oidcClientSecretEnc, encryptionKey(), oidcClientSecretContext(tenant.id))
      : null,
    formPost: row.oidcResponseMode === "form_post",
    accountAttribute: row.accountAttribute,
  };
}
