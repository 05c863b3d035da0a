import { z } from "zod";
import {
  listAllTenantAdmins,
  tenantAdminRowOutput,
  unlockTenantAdminAsVendor,
  vendorAdminTargetInput,
} from "~/server/tenants/tenant-admins";
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
});
