import { z } from "zod";
import {
  listAllTenantAdmins,
  tenantAdminRowOutput,
  unlockTenantAdminAsVendor,
  vendorAdminTargetInput,
} from "~/server/tenants/tenant-admins";
import { invitationOutput, inviteTenantAdminAsVendor, vendorInviteAdminInput } from "~/server/tenants/admin-invites";
import { createTRPCRouter, vendorProcedure } from "../../trpc";

export const vendorTenantAdminsRouter = createTRPCRouter({
  /** Every school's admin accounts with their lock state. */
  list: vendorProcedure.output(z.array(tenantAdminRowOutput)).query(({ ctx }) => listAllTenantAdmins(ctx.platform)),

  /** A school's admin locked out (e.g. its only ADMIN) may sign in again. */
  unlock: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, adminId: other.adminId }) })
    .input(vendorAdminTargetInput)
    .output(tenantAdminRowOutput)
    .mutation(({ ctx, input }) => unlockTenantAdminAsVendor(ctx.platform, input)),

  /** A school's admin invited by link (its first IT admin, usually), or a pending invitation sent again. */
  invite: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, username: "probe-admin", name: "跨校探测", role: "ADMIN" }) })
    .input(vendorInviteAdminInput)
    .output(invitationOutput)
    .mutation(({ ctx, input }) => inviteTenantAdminAsVendor(ctx.platform, input)),
});
