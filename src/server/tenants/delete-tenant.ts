// Deleting a school, recoverably: the vendor's 【删除学校】 marks it DELETED (its host answers as an
// unknown school's, its admins cannot sign in, its jobs stop: tenant-for-host.ts, school-deleted.ts),
// 【恢复】 puts back the status it had, and 30 days on the purge removes its rows for good. The
// platform's own audit rows about the school (the vendor's, with the slug in target and detail)
// outlive the purge: AuditLog.tenant is SetNull, and the purge deletes the school's own rows itself.
import { IdentityProviderKind } from "~/generated/prisma/enums";
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { auditActor, type PlatformScope } from "~/server/scope";

/** How long a deleted school can be restored. */
export const TENANT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export const purgeDueAt = (deletedAt: Date) => new Date(deletedAt.getTime() + TENANT_RETENTION_DAYS * DAY_MS);

/** Whole days left before the purge, counted up (a school deleted a minute ago has 30). */
export const daysUntilPurge = (deletedAt: Date, now: Date) =>
  Math.max(0, Math.ceil((purgeDueAt(deletedAt).getTime() - now.getTime()) / DAY_MS));

export const tenantIdInput = z.object({ tenantId: z.string().uuid() });

/** What deleting the school takes with it, as the confirmation names it. */
export const deletionSummaryOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  members: z.number(),
  admins: z.array(z.string()),
  idpKind: z.enum(IdentityProviderKind),
  /** The school's WeCom is connected (a corp id saved). */
  wecomConnected: z.boolean(),
  domains: z.array(z.string()),
  auditRows: z.number(),
  helpdeskCases: z.number(),
});

async function liveTenant(prisma: PrismaClient, tenantId: string) {
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, name: true, status: true } });
  if (!tenant || tenant.status === "DELETED") throw new AppError("NOT_FOUND");
  return tenant;
}

export async function deletionSummary({ prisma }: PlatformScope, tenantId: string): Promise<z.infer<typeof deletionSummaryOutput>> {
  await liveTenant(prisma, tenantId);
  const row = await prisma.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: {
      id: true,
      slug: true,
      name: true,
      nameEn: true,
      identityProvider: { select: { kind: true } },
      wecomConnection: { select: { corpId: true } },
      admins: { select: { username: true }, orderBy: { username: "asc" } },
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
      _count: { select: { members: true, auditLogs: true, helpdeskCases: true } },
    },
  });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    nameEn: row.nameEn,
    members: row._count.members,
    admins: row.admins.map((a) => a.username),
    idpKind: row.identityProvider?.kind ?? "BUILTIN",
    wecomConnected: Boolean(row.wecomConnection?.corpId),
    domains: row.domains.map((d) => d.domain),
    auditRows: row._count.auditLogs,
    helpdeskCases: row._count.helpdeskCases,
  };
}

export const deleteTenantInput = tenantIdInput.extend({
  /** The slug as the operator typed it: deleting asks for it, so a school is never deleted by a stray click. */
  confirmSlug: z.string().trim().toLowerCase().max(63),
});

export async function deleteTenant(platform: PlatformScope, input: z.infer<typeof deleteTenantInput>, now = new Date()) {
  return platform.prisma.$transaction(async (tx) => {
    const tenant = await liveTenant(tx as PrismaClient, input.tenantId);
    if (input.confirmSlug !== tenant.slug) throw new AppError("TENANT_DELETE_SLUG_MISMATCH");
    await tx.tenant.update({
      where: { id: tenant.id },
      data: { status: "DELETED", deletedAt: now, statusBeforeDelete: tenant.status },
    });
    await audit(tx, {
      ...auditActor(platform.actor),
      action: "tenant.delete",
      target: tenant.slug,
      tenantId: tenant.id,
      detail: { slug: tenant.slug, name: tenant.name, statusBefore: tenant.status, purgeAfter: purgeDueAt(now).toISOString() },
    });
    return { slug: tenant.slug, purgeAfter: purgeDueAt(now) };
  });
}

export async function restoreTenant(platform: PlatformScope, input: z.infer<typeof tenantIdInput>) {
  return platform.prisma.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({
      where: { id: input.tenantId },
      select: { id: true, slug: true, name: true, status: true, statusBeforeDelete: true },
    });
    if (!tenant || tenant.status !== "DELETED") throw new AppError("NOT_FOUND");
    const status = tenant.statusBeforeDelete ?? "ACTIVE";
    await tx.tenant.update({ where: { id: tenant.id }, data: { status, deletedAt: null, statusBeforeDelete: null } });
    await audit(tx, {
      ...auditActor(platform.actor),
      action: "tenant.restore",
      target: tenant.slug,
      tenantId: tenant.id,
      detail: { slug: tenant.slug, name: tenant.name, status },
    });
    return { slug: tenant.slug, status };
  });
}

export const deletedTenantOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  deletedAt: z.date(),
  purgeAfter: z.date(),
  daysLeft: z.number(),
});

export async function listDeletedTenants({ prisma }: PlatformScope, now = new Date()) {
  const rows = await prisma.tenant.findMany({
    where: { status: "DELETED" },
    select: { id: true, slug: true, name: true, nameEn: true, deletedAt: true },
    orderBy: { deletedAt: "asc" },
  });
  return rows.map(({ deletedAt, ...row }) => {
    const at = deletedAt ?? now;
    return { ...row, deletedAt: at, purgeAfter: purgeDueAt(at), daysLeft: daysUntilPurge(at, now) };
  });
}

/** The actors whose rows are the platform's, kept when a school is purged. */
const PLATFORM_ACTOR_KINDS = ["vendor"];

/**
 * Removes for good every school deleted 30 days or more before `now`: its own audit rows, its
 * waiting jobs, then the school (every other table cascades). One transaction per school, so one
 * that fails leaves the others purged; each purge is audited as the platform's.
 */
export async function purgeDeletedTenants(prisma: PrismaClient, now = new Date()): Promise<string[]> {
  const due = await prisma.tenant.findMany({
    where: { status: "DELETED", deletedAt: { lte: new Date(now.getTime() - TENANT_RETENTION_DAYS * DAY_MS) } },
    select: { id: true, slug: true, name: true, deletedAt: true },
  });
  const purged: string[] = [];
  for (const tenant of due) {
    await prisma.$transaction(async (tx) => {
      await tx.auditLog.deleteMany({ where: { tenantId: tenant.id, actorKind: { notIn: PLATFORM_ACTOR_KINDS } } });
      await tx.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE data->>'tenantId' = $1 AND state < 'active'`, tenant.id);
      await tx.tenant.delete({ where: { id: tenant.id } });
      await audit(tx, {
        actorKind: "system",
        actorId: "tenant-purge",
        action: "tenant.purge",
        target: tenant.slug,
        detail: { slug: tenant.slug, name: tenant.name, deletedAt: tenant.deletedAt?.toISOString() ?? null },
      });
    });
    purged.push(tenant.slug);
  }
  return purged;
}

/** Whether the school is deleted (or gone): its jobs stop rather than act for it. */
export async function isTenantDeleted(prisma: PrismaClient, tenantId: string): Promise<boolean> {
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
  return !tenant || tenant.status === "DELETED";
}
