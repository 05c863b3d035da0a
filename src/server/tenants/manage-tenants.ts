// The vendor's work on tenants: list, create, suspend and resume.
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { AppError, fromUniqueViolation } from "~/server/errors";
import type { Locale } from "~/i18n/locale";
import { isValidSlug } from "./resolve-host";

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
  idpKind: z.enum(["BUILTIN", "CAS", "OIDC"]),
});
export type CreateTenantInput = z.infer<typeof createTenantInput>;

export const tenantSummarySelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  status: true,
  idpKind: true,
  createdAt: true,
  _count: { select: { members: true, admins: true } },
} as const;

export function listTenants(prisma: PrismaClient) {
  return prisma.tenant.findMany({ select: tenantSummarySelect, orderBy: { slug: "asc" } });
}

type Actor = { vendorId: string; ip: string | null; locale: Locale };

export async function createTenant(prisma: PrismaClient, input: CreateTenantInput, actor: Actor) {
  try {
    return await prisma.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({
        data: {
          slug: input.slug,
          name: input.name,
          nameEn: input.nameEn,
          idpKind: input.idpKind,
          identityKinds: { create: DEFAULT_IDENTITY_KINDS.map((kind) => ({ ...kind, apps: [...kind.apps] })) },
          // The code policy's defaults are the database's (src/server/codes/policy.ts).
          codePolicy: { create: {} },
        },
        select: tenantSummarySelect,
      });
      await audit(tx, {
        actorKind: "vendor",
        actorId: actor.vendorId,
        action: "tenant.create",
        target: tenant.slug,
        tenantId: tenant.id,
        ip: actor.ip,
        detail: { idpKind: input.idpKind },
      });
      return tenant;
    });
  } catch (error) {
    throw fromUniqueViolation(error, { slug: { zh: "学校域名前缀", en: "Slug" } }, actor.locale) ?? error;
  }
}

export async function setTenantStatus(prisma: PrismaClient, input: { tenantId: string; status: "ACTIVE" | "SUSPENDED" }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const found = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND");
    const tenant = await tx.tenant.update({ where: { id: input.tenantId }, data: { status: input.status }, select: tenantSummarySelect });
    await audit(tx, {
      actorKind: "vendor",
      actorId: actor.vendorId,
      action: input.status === "SUSPENDED" ? "tenant.suspend" : "tenant.resume",
      target: tenant.slug,
      tenantId: tenant.id,
      ip: actor.ip,
    });
    return tenant;
  });
}
