// A school's administrator accounts as its IT office and the vendor see them:
// list, unlock, disable. Anyone can lock an account by guessing its password,
// so an admin locked out must have someone to turn to: another ADMIN of the
// same school, or the vendor. Disabling ends the account's sessions in the
// same update (sessionVersion), so a disabled admin stops at once.
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { unlockAccount } from "~/server/auth/lockout";
import { tenantDb, type TenantDb } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";

export const tenantAdminRowSelect = {
  id: true,
  tenantId: true,
  username: true,
  name: true,
  role: true,
  disabled: true,
  lockedUntil: true,
} as const;

/** Who acts: a school's ADMIN (never on their own account) or the vendor. */
export type AdminAccountActor =
  { kind: "tenantAdmin"; adminId: string; ip: string | null } | { kind: "vendor"; vendorId: string; ip: string | null };

function auditActor(actor: AdminAccountActor) {
  return actor.kind === "vendor"
    ? { actorKind: "vendor" as const, actorId: actor.vendorId, ip: actor.ip?.slice(0, 64) ?? null }
    : { actorKind: "tenantAdmin" as const, actorId: actor.adminId, ip: actor.ip?.slice(0, 64) ?? null };
}

export function listTenantAdmins(db: TenantDb) {
  return db.tenantAdmin.findMany({ select: tenantAdminRowSelect, orderBy: { username: "asc" } });
}

/** Every school's admins, for the vendor console. */
export function listAllTenantAdmins(prisma: PrismaClient) {
  return prisma.tenantAdmin.findMany({ select: tenantAdminRowSelect, orderBy: [{ tenantId: "asc" }, { username: "asc" }] });
}

/** The admin of this school, or NOT_FOUND: an id of another school is never found through `db`. */
async function targetAdmin(db: TenantDb, adminId: string, actor: AdminAccountActor) {
  if (actor.kind === "tenantAdmin" && actor.adminId === adminId) throw new AppError("CANNOT_TARGET_SELF");
  const admin = await db.tenantAdmin.findUnique({ where: { id: adminId }, select: { id: true, username: true } });
  if (!admin) throw new AppError("NOT_FOUND");
  return admin;
}

export async function unlockTenantAdmin(prisma: PrismaClient, db: TenantDb, input: { adminId: string }, actor: AdminAccountActor) {
  const admin = await targetAdmin(db, input.adminId, actor);
  await unlockAccount(prisma, "tenantAdmin", admin.id);
  await audit(db, { ...auditActor(actor), action: "admin.unlock", target: admin.username });
  return db.tenantAdmin.findUniqueOrThrow({ where: { id: admin.id }, select: tenantAdminRowSelect });
}

/** The vendor's unlock: the school named by id, its admin found only within it. */
export async function unlockTenantAdminAsVendor(
  prisma: PrismaClient,
  input: { tenantId: string; adminId: string },
  actor: { vendorId: string; ip: string | null },
) {
  const tenant = await prisma.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
  if (!tenant) throw new AppError("NOT_FOUND");
  return unlockTenantAdmin(prisma, tenantDb(prisma, tenant.id), { adminId: input.adminId }, { kind: "vendor", ...actor });
}

export async function setTenantAdminDisabled(db: TenantDb, input: { adminId: string; disabled: boolean }, actor: AdminAccountActor) {
  const admin = await targetAdmin(db, input.adminId, actor);
  return db.$transaction(async (tx) => {
    const row = await tx.tenantAdmin.update({
      where: { id: admin.id },
      // Disabling ends every session in the same update; enabling starts from no session at all.
      data: { disabled: input.disabled, ...(input.disabled ? { sessionVersion: { increment: 1 } } : {}) },
      select: tenantAdminRowSelect,
    });
    await audit(tx, { ...auditActor(actor), action: input.disabled ? "admin.disable" : "admin.enable", target: admin.username });
    return row;
  });
}
