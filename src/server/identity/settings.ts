// How the school signs its members in, as its IT office (and the vendor) set
// it: the provider's kind and, for CAS and OIDC, where the school's server is,
// the attribute that carries the account, and which provider each identity
// kind signs in with. The OIDC client secret is write-only: the page says
// whether one is set. The addresses are admin-typed, so they are held to the
// SSRF rules of outbound/school-url.ts when saved, and again at every use.
import { z } from "zod";
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { AppError, type AppErrorCode } from "~/server/errors";
import { pick, type Bilingual, type Locale } from "~/i18n/locale";
import { auditActor, type TenantScope } from "~/server/scope";
import { normaliseCasBase } from "./cas/urls";
import { parseSchoolUrl, type SchoolServerKind, type SchoolUrlRefusal } from "./outbound/school-url";

/** Sealed with the context of its first home, Tenant.idpSecretEnc (the settings migration kept the ciphertext). */
export const oidcClientSecretContext = (tenantId: string) => sealContext("Tenant", "idpSecretEnc", tenantId);

const PROVIDER_KINDS = ["BUILTIN", "CAS", "OIDC"] as const;

/** The catalogue's message for each refused address: what the admin types instead. */
export const URL_REFUSALS: Record<SchoolUrlRefusal, AppErrorCode> = {
  invalid: "IDP_URL_INVALID",
  not_https: "IDP_URL_NOT_HTTPS",
  credentials: "IDP_URL_CREDENTIALS",
  port: "IDP_URL_PORT",
  address_literal: "IDP_URL_ADDRESS",
  local_name: "IDP_URL_LOCAL_NAME",
  query: "IDP_URL_QUERY",
};

const FIELD_LABELS: Record<string, Bilingual> = {
  casBaseUrl: { zh: "CAS 地址", en: "CAS address" },
  oidcIssuer: { zh: "OIDC Issuer", en: "OIDC issuer" },
  oidcClientId: { zh: "Client ID", en: "client ID" },
  oidcClientSecret: { zh: "Client Secret", en: "client secret" },
};

/** The address as stored, or the refusal naming the field as the settings page labels it. */
export function checkedSchoolUrl(
  raw: string,
  server: SchoolServerKind,
  field: "casBaseUrl" | "oidcIssuer",
  locale: Locale = "zh-CN",
): string {
  const parsed = parseSchoolUrl(raw, server);
  if (!parsed.ok) throw new AppError(URL_REFUSALS[parsed.reason], { field: pick(locale, FIELD_LABELS[field] ?? { zh: field, en: field }) });
  if (server === "cas") return normaliseCasBase(parsed.url.href);
  // An issuer is compared byte for byte with the discovery document's (OIDC Discovery §4.3): kept as typed, trimmed.
  return raw.trim();
}

const DISPLAY_NAMES = new Set(["cn", "name", "displayname", "username", "nickname", "given_name", "family_name", "givenname", "sn"]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

export const identityProviderSettingsInput = z.object({
  kind: z.enum(PROVIDER_KINDS),
  casBaseUrl: optionalText(300),
  casVersion: z.enum(["CAS2", "CAS3"]).default("CAS3"),
  oidcIssuer: optionalText(300),
  oidcClientId: optionalText(200),
  /** Empty keeps the stored secret. */
  oidcClientSecret: z.string().trim().max(500).default(""),
  /** The attribute (CAS) or claim (OIDC) with the member's account; empty: cas:user / sub (oidc/claims.ts says why not preferred_username). */
  accountAttribute: z
    .string()
    .trim()
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]*$/, "letters, digits and _ . : - only")
    // A name is not an account: two 张三 are two people (reference §3.11).
    .refine(
      (v) => !DISPLAY_NAMES.has(v.replace(/^cas:/, "").toLowerCase()),
      "a name attribute cannot key members: use the number's attribute",
    )
    .default(""),
  /** Each identity kind's provider; null: the school's. Kinds not listed keep theirs. */
  kindProviders: z
    .array(z.object({ identityKindId: z.string().uuid(), providerKind: z.enum(PROVIDER_KINDS).nullable() }))
    .max(50)
    .default([]),
});
export type IdentityProviderSettingsInput = z.input<typeof identityProviderSettingsInput>;

export async function identityProviderSettings({ db, tenant }: TenantScope) {
  const row = await db.identityProviderSettings.findUniqueOrThrow({
    where: { tenantId: tenant.id },
    select: {
      kind: true,
      casBaseUrl: true,
      casVersion: true,
      oidcIssuer: true,
      oidcClientId: true,
      oidcClientSecretEnc: true,
      accountAttribute: true,
    },
  });
  const kinds = await db.identityKind.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true, providerKind: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const { oidcClientSecretEnc, ...settings } = row;
  return { ...settings, hasOidcClientSecret: oidcClientSecretEnc !== null, kinds };
}

/** What a login through the school's CAS needs, or SSO_NOT_CONFIGURED. */
export async function casSettings({ db, tenant }: TenantScope) {
  const row = await db.identityProviderSettings.findUniqueOrThrow({
    where: { tenantId: tenant.id },
    select: { casBaseUrl: true, casVersion: true, accountAttribute: true },
  });
  if (!row.casBaseUrl) throw new AppError("SSO_NOT_CONFIGURED", { school: tenant.name });
  return { baseUrl: row.casBaseUrl, version: row.casVersion, accountAttribute: row.accountAttribute };
}

/** What a login through the school's OIDC provider needs (the secret opened), or SSO_NOT_CONFIGURED. */
export async function oidcSettings({ db, tenant }: TenantScope) {
  const row = await db.identityProviderSettings.findUniqueOrThrow({
    where: { tenantId: tenant.id },
    select: { oidcIssuer: true, oidcClientId: true, oidcClientSecretEnc: true, accountAttribute: true },
  });
  if (!row.oidcIssuer || !row.oidcClientId) throw new AppError("SSO_NOT_CONFIGURED", { school: tenant.name });
  return {
    issuer: row.oidcIssuer,
    clientId: row.oidcClientId,
    clientSecret: row.oidcClientSecretEnc
      ? decryptSecret(row.oidcClientSecretEnc, encryptionKey(), oidcClientSecretContext(tenant.id))
      : null,
    accountAttribute: row.accountAttribute,
  };
}

function uses(kind: IdentityProviderKind, input: z.output<typeof identityProviderSettingsInput>): boolean {
  return input.kind === kind || input.kindProviders.some((k) => k.providerKind === kind);
}

export async function updateIdentityProviderSettings(scope: TenantScope, raw: IdentityProviderSettingsInput) {
  const input = identityProviderSettingsInput.parse(raw);
  const tenantId = scope.tenant.id;
  const casBaseUrl = input.casBaseUrl === null ? null : checkedSchoolUrl(input.casBaseUrl, "cas", "casBaseUrl", scope.locale);
  const oidcIssuer = input.oidcIssuer === null ? null : checkedSchoolUrl(input.oidcIssuer, "oidc", "oidcIssuer", scope.locale);
  return scope.db.$transaction(async (tx) => {
    const before = await tx.identityProviderSettings.findUniqueOrThrow({ where: { tenantId }, select: { oidcClientSecretEnc: true } });
    // A provider in use must be complete: a half-set CAS or OIDC would leave members with a login that cannot work.
    const incomplete = (field: string) => new AppError("IDP_SETTINGS_INCOMPLETE", { missing: pick(scope.locale, FIELD_LABELS[field]!) });
    if (uses("CAS", input) && !casBaseUrl) throw incomplete("casBaseUrl");
    if (uses("OIDC", input) && !oidcIssuer) throw incomplete("oidcIssuer");
    if (uses("OIDC", input) && !input.oidcClientId) throw incomplete("oidcClientId");
    if (uses("OIDC", input) && !input.oidcClientSecret && !before.oidcClientSecretEnc) throw incomplete("oidcClientSecret");
    await tx.identityProviderSettings.update({
      where: { tenantId },
      data: {
        kind: input.kind,
        casBaseUrl,
        casVersion: input.casVersion,
        oidcIssuer,
        oidcClientId: input.oidcClientId,
        accountAttribute: input.accountAttribute,
        ...(input.oidcClientSecret
          ? { oidcClientSecretEnc: encryptSecret(input.oidcClientSecret, encryptionKey(), oidcClientSecretContext(tenantId)) }
          : {}),
      },
    });
    for (const { identityKindId, providerKind } of input.kindProviders) {
      // Through the tenant-bound client: another school's kind id matches nothing.
      const { count } = await tx.identityKind.updateMany({ where: { id: identityKindId }, data: { providerKind } });
      if (count === 0) throw new AppError("NOT_FOUND");
    }
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "tenant.identityProvider.update",
      detail: {
        kind: input.kind,
        casBaseUrl,
        casVersion: input.casVersion,
        oidcIssuer,
        oidcClientId: input.oidcClientId,
        accountAttribute: input.accountAttribute,
        kindProviders: input.kindProviders,
        changedSecret: Boolean(input.oidcClientSecret),
      },
    });
    return { ok: true as const };
  });
}
