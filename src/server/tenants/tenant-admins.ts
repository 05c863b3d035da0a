// A school's administrator accounts as its IT office and the vendor see them:
// list, unlock, disable. Anyone can lock an account by guessing its password,
// so an admin locked out must have someone to turn to: another ADMIN of the
// same school, or the vendor. Disabling ends the account's sessions in the
// same update (sessionVersion), so a disabled admin stops at once.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { unlockAccount } from "~/server/auth/lockout";
import { AppError } from "~/server/errors";
import { auditActor, unscopedClient, type PlatformScope, type TenantScope } from "~/server/scope";
import { vendorSchoolScope } from "./vendor-school";

export const tenantAdminRowSelect = {
  id: true,
  tenantId: true,
  username: true,
  name: true,
  role: true,
  disabled: true,
  lockedUntil: true,
} as const satisfies Prisma.TenantAdminSelect;

export const tenantAdminRowOutput = z.object({
  id: z.string(),
  tenantId: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(["ADMIN", "HELPDESK"]),
  disabled: z.boolean(),
  lockedUntil: z.date().nullable(),
});

export const adminIdInput = z.object({ adminId: z.string().uuid() });
export const setAdminDisabledInput = adminIdInput.extend({ disabled: z.boolean() });
export const vendorAdminTargetInput = adminIdInput.extend({ tenantId: z.string().uuid() });

export function listTenantAdmins({ db }: TenantScope) {
  return db.tenantAdmin.findMany({ select: tenantAdminRowSelect, orderBy: { username: "asc" } });
}

/** Every school's admins, for the vendor console. */
export function listAllTenantAdmins({ prisma }: PlatformScope) {
  return prisma.tenantAdmin.findMany({ select: tenantAdminRowSelect, orderBy: [{ tenantId: "asc" }, { username: "asc" }] });
}

/** The admin of this school, or NOT_FOUND: an id of another school is never found through the scope. */
async function targetAdmin({ db, actor }: TenantScope, adminId: string) {
  if (actor.kind === "tenantAdmin" && actor.id === adminId) throw new AppError("CANNOT_TARGET_SELF");
  const admin = await db.tenantAdmin.findUnique({ where: { id: adminId }, select: { id: true, username: true } });
  if (!admin) throw new AppError("NOT_FOUND");
  return admin;
}

export async function unlockTenantAdmin(scope: TenantScope, input: z.infer<typeof adminIdInput>) {
  const admin = await targetAdmin(scope, input.adminId);
  // The lockout counters are updated by one statement shared with sign-in (auth/lockout.ts), outside the tenant filter.
  await unlockAccount(unscopedClient(scope), "tenantAdmin", admin.id);
  await audit(scope.db, { ...auditActor(scope.actor), action: "admin.unlock", target: admin.username });
  return scope.db.tenantAdmin.findUniqueOrThrow({ where: { id: admin.id }, select: tenantAdminRowSelect });
}

/** The vendor's unlock: the school named by id, its admin found only within it. */
export async function unlockTenantAdminAsVendor(platform: PlatformScope, input: z.infer<typeof vendorAdminTargetInput>) {
  return unlockTenantAdmin(await vendorSchoolScope(platform, input.tenantId), { adminId: input.adminId });
}

export async function setTenantAdminDisabled(scope: TenantScope, input: z.infer<typeof setAdminDisabledInput>) {
  const admin = await targetAdmin(scope, input.adminId);
  return scope.db.$transaction(async (tx) => {
    const row = await tx.tenantAdmin.update({
      where: { id: admin.id },
      // Disabling ends every session in the same update; enabling starts from no session at all.
      data: { disabled: input.disabled, ...(input.disabled ? { sessionVersion: { increment: 1 } } : {}) },
      select: tenantAdminRowSelect,
    });
    await audit(tx, { ...auditActor(scope.actor), action: input.disabled ? "admin.disable" : "admin.enable", target: admin.username });
    return row;
  });
}
