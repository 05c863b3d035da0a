// The vendor's work on tenants: list, create, suspend and resume (delete and restore: delete-tenant.ts).
import { IdentityProviderKind, TenantStatus } from "~/generated/prisma/enums";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { AppError, fromUniqueViolation } from "~/server/errors";
import { auditActor, type PlatformScope } from "~/server/scope";
import { isValidSlug } from "./resolve-host";
import { tenantSettingsCreate } from "./tenant-context";

export const DEFAULT_IDENTITY_KINDS = [
  { code: "student_staff", nameZh: "在校师生", nameEn: "Students and staff", apps: ["消息中心", "一站式网上办事大厅"], sortOrder: 0 },
] as const;

export const createTenantInput = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .refine(isValidSlug, { message: "slug: 2–63 lowercase letters, digits or '-', not a reserved name" }),
  name: z.string().trim().min(2).max(100),
  nameEn: z.string().trim().max(200).default(""),
  idpKind: z.enum(IdentityProviderKind),
});
export type CreateTenantInput = z.infer<typeof createTenantInput>;

export const tenantSummaryOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  // DELETED never: the list leaves deleted schools out, and a deleted school is not suspended or resumed.
  status: z.enum(TenantStatus),
  idpKind: z.enum(IdentityProviderKind),
  createdAt: z.date(),
  _count: z.object({ members: z.number(), admins: z.number() }),
});

const tenantSummarySelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  status: true,
  identityProvider: { select: { kind: true } },
  createdAt: true,
  _count: { select: { members: true, admins: true } },
} as const satisfies Prisma.TenantSelect;

function tenantSummary({ identityProvider, ...row }: Prisma.TenantGetPayload<{ select: typeof tenantSummarySelect }>) {
  return { ...row, idpKind: identityProvider?.kind ?? "BUILTIN" };
}

export async function listTenants({ prisma }: PlatformScope) {
  // Deleted schools are listed apart (delete-tenant.ts listDeletedTenants).
  return (
    await prisma.tenant.findMany({ where: { status: { not: "DELETED" } }, select: tenantSummarySelect, orderBy: { slug: "asc" } })
  ).map(tenantSummary);
}

export async function createTenant(platform: PlatformScope, input: CreateTenantInput) {
  try {
    return await platform.prisma.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({
        data: {
          slug: input.slug,
          name: input.name,
          nameEn: input.nameEn,
          ...tenantSettingsCreate,
          identityProvider: { create: { kind: input.idpKind } },
          identityKinds: { create: DEFAULT_IDENTITY_KINDS.map((kind) => ({ ...kind, apps: [...kind.apps] })) },
          // The code policy's defaults are the database's (src/server/codes/policy.ts).
        },
        select: tenantSummarySelect,
      });
      await audit(tx, {
        ...auditActor(platform.actor),
        action: "tenant.create",
        target: tenant.slug,
        tenantId: tenant.id,
        detail: { idpKind: input.idpKind },
      });
      return tenantSummary(tenant);
    });
  } catch (error) {
    throw fromUniqueViolation(error, { slug: { zh: "学校域名前缀", en: "Slug" } }, platform.locale) ?? error;
  }
}

export const setTenantStatusInput = z.object({ tenantId: z.string().uuid(), status: z.enum(["ACTIVE", "SUSPENDED"]) });

export async function setTenantStatus(platform: PlatformScope, input: z.infer<typeof setTenantStatusInput>) {
  return platform.prisma.$transaction(async (tx) => {
    const found = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, status: true } });
    // A deleted school comes back by 【恢复】 only (delete-tenant.ts), to the status it had.
    if (!found || found.status === "DELETED") throw new AppError("NOT_FOUND");
    const tenant = await tx.tenant.update({ where: { id: input.tenantId }, data: { status: input.status }, select: tenantSummarySelect });
    await audit(tx, {
      ...auditActor(platform.actor),
      action: input.status === "SUSPENDED" ? "tenant.suspend" : "tenant.resume",
      target: tenant.slug,
      tenantId: tenant.id,
    });
    return tenantSummary(tenant);
  });
}
