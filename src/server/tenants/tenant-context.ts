// What every tenant page, procedure and domain function may read of its school:
// who it is, and the few settings nearly every request needs, read with the
// school in one query from their domains' 1:1 tables.
import type { IdentityProviderKind } from "~/generated/prisma/enums";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";

export const tenantContextSelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  primaryColor: true,
  accentColor: true,
  status: true,
  logo: { select: { sha256: true } },
  identityProvider: { select: { kind: true } },
  lockoutPolicy: { select: { maxAttempts: true, lockMinutes: true } },
  phonePolicy: { select: { allowForeign: true } },
  wecomConnection: { select: { assistantAppName: true } },
} as const satisfies Prisma.TenantSelect;

type TenantContextRow = Prisma.TenantGetPayload<{ select: typeof tenantContextSelect }>;

export type TenantContext = Omit<TenantContextRow, "identityProvider" | "lockoutPolicy" | "phonePolicy" | "wecomConnection" | "logo"> & {
  /** The uploaded logo's sha256 (its ETag and the `?v=` of its link: branding/logo-link.ts), or null without one. */
  logoVersion: string | null;
  idpKind: IdentityProviderKind;
  lockoutMaxAttempts: number;
  lockoutMinutes: number;
  allowForeignPhones: boolean;
  assistantAppName: string;
};

/**
 * The context of a school row. Every school has each settings row (made with it,
 * see tenantSettingsCreate); one missing is a broken school, not a default.
 */
export function toTenantContext(row: TenantContextRow): TenantContext {
  const { identityProvider, lockoutPolicy, phonePolicy, wecomConnection, logo, ...tenant } = row;
  if (!identityProvider || !lockoutPolicy || !phonePolicy || !wecomConnection) {
    throw new Error(`School ${row.slug} is missing a settings row (identity provider, lockout, phone or WeCom).`);
  }
  return {
    ...tenant,
    logoVersion: logo?.sha256 ?? null,
    idpKind: identityProvider.kind,
    lockoutMaxAttempts: lockoutPolicy.maxAttempts,
    lockoutMinutes: lockoutPolicy.lockMinutes,
    allowForeignPhones: phonePolicy.allowForeign,
    assistantAppName: wecomConnection.assistantAppName,
  };
}

/** The nested creates that give a new school its settings rows, each with its domain's defaults. */
export const tenantSettingsCreate = {
  identityProvider: { create: {} },
  lockoutPolicy: { create: {} },
  phonePolicy: { create: {} },
  passwordPolicy: { create: {} },
  wecomConnection: { create: {} },
  codePolicy: { create: {} },
} as const satisfies Partial<Prisma.TenantCreateInput>;

/** A school by id, for the vendor's pages, jobs and callbacks; a deleted one is unavailable, as on its host. */
export async function tenantContextById(prisma: PrismaClient, tenantId: string): Promise<TenantContext> {
  const row = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: tenantContextSelect });
  if (row.status === "DELETED") throw new AppError("TENANT_UNAVAILABLE");
  return toTenantContext(row);
}
