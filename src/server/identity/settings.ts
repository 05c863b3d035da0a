// How the school signs its members in, as its IT office (and the vendor) set it: the protocol,
// the attribute that carries the account, which protocol each identity kind signs in with — and
// each protocol's own fields (its folder's settings.ts), composed here. Secrets are write-only:
// the page says whether one is set. Addresses are admin-typed, so they are held to the SSRF rules
// of outbound/school-url.ts when saved, and again at every use.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";
import { casSettingsShape } from "./cas/settings";
import { schoolUsesProviderIn } from "./kind-provider";
import { oidcSettingsShape } from "./oidc/settings";
import { privateOrigins } from "./outbound/private-origins";
import { IDENTITY_PROTOCOLS, PROTOCOL_KINDS } from "./protocols";

const DISPLAY_NAMES = new Set(["cn", "name", "displayname", "username", "nickname", "given_name", "family_name", "givenname", "sn"]);

export const identityProviderSettingsInput = z.object({
  kind: z.enum(PROTOCOL_KINDS),
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
  /**
   * The school's own password-reset page, for members whose password its CAS or OIDC keeps; empty:
   * none. Only ever a link in a member's browser (the platform never calls it), so any web address
   * the school publishes will do — but a web address: no javascript: or data: link reaches a page.
   */
  passwordResetUrl: z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === "" || isWebAddress(v), "请填写 http:// 或 https:// 开头的网址 / an http:// or https:// address")
    .default(""),
  /** Each identity kind's provider; null: the school's. Kinds not listed keep theirs. */
  kindProviders: z
    .array(z.object({ identityKindId: z.string().uuid(), providerKind: z.enum(PROTOCOL_KINDS).nullable() }))
    .max(50)
    .default([]),
  ...casSettingsShape,
  ...oidcSettingsShape,
});
export type IdentityProviderSettingsInput = z.input<typeof identityProviderSettingsInput>;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** The settings as the form shows them: each field's value by name, and which secrets are set (never the secrets). */
export async function identityProviderSettings({ db, tenant }: TenantScope) {
  const stored = await db.identityProviderSettings.findUniqueOrThrow({ where: { tenantId: tenant.id } });
  const values: Record<string, string | null> = {};
  const secretsSet: string[] = [];
  for (const field of IDENTITY_PROTOCOLS.flatMap((p) => p.settings?.fields ?? [])) {
    // A field's column is its name (a secret's, <name>Enc): protocol.ts SettingsField.
    const column = (stored as Record<string, unknown>)[field.secret ? `${field.name}Enc` : field.name];
    if (field.secret) {
      if (column !== null) secretsSet.push(field.name);
    } else values[field.name] = typeof column === "string" ? column : null;
  }
  const kinds = await db.identityKind.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true, providerKind: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const fields = IDENTITY_PROTOCOLS.flatMap((p) => (p.settings?.fields ?? []).map((field) => ({ ...field, protocol: p.kind })));
  return {
    kind: stored.kind,
    protocols: PROTOCOL_KINDS,
    accountAttribute: stored.accountAttribute,
    passwordResetUrl: stored.passwordResetUrl ?? "",
    fields,
    values,
    secretsSet,
    kinds,
  };
}

/** The school's own 找回密码 page for the accounts its CAS or OIDC keeps, where it gave one. */
export async function schoolPasswordResetUrl({ db, tenant }: TenantScope): Promise<string | null> {
  const stored = await db.identityProviderSettings.findUnique({ where: { tenantId: tenant.id }, select: { passwordResetUrl: true } });
  return stored?.passwordResetUrl ?? null;
}

export async function updateIdentityProviderSettings(scope: TenantScope, raw: IdentityProviderSettingsInput) {
  const input = identityProviderSettingsInput.parse(raw);
  const tenantId = scope.tenant.id;
  // Read before the transaction: the platform's list, not the school's (outbound/private-origins.ts).
  const listed = await privateOrigins();
  return scope.db.$transaction(async (tx) => {
    const stored = await tx.identityProviderSettings.findUniqueOrThrow({ where: { tenantId } });
    // A protocol in use must be complete: a half-set CAS or OIDC would leave members with a login that cannot work.
    let data: Prisma.IdentityProviderSettingsUncheckedUpdateInput = {
      kind: input.kind,
      accountAttribute: input.accountAttribute,
      passwordResetUrl: input.passwordResetUrl || null,
    };
    for (const p of IDENTITY_PROTOCOLS) {
      const context = { inUse: schoolUsesProviderIn(p.kind, input), stored, tenantId, locale: scope.locale, listed };
      if (p.settings) data = { ...data, ...p.settings.columns(input, context) };
    }
    await tx.identityProviderSettings.update({ where: { tenantId }, data });
    for (const { identityKindId, providerKind } of input.kindProviders) {
      // Through the tenant-bound client: another school's kind id matches nothing.
      const { count } = await tx.identityKind.updateMany({ where: { id: identityKindId }, data: { providerKind } });
      if (count === 0) throw new AppError("NOT_FOUND");
    }
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "tenant.identityProvider.update",
      detail: IDENTITY_PROTOCOLS.reduce<Prisma.InputJsonObject>((detail, p) => ({ ...detail, ...p.settings?.audit(input) }), {
        kind: input.kind,
        accountAttribute: input.accountAttribute,
        passwordResetUrl: input.passwordResetUrl,
        kindProviders: input.kindProviders,
      }),
    });
    return { ok: true as const };
  });
}
