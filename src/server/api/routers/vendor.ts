import { z } from "zod";
import { createTenant, createTenantInput, listTenants, setTenantStatus } from "~/server/tenants/manage-tenants";
import { listAllTenantAdmins, unlockTenantAdminAsVendor } from "~/server/tenants/tenant-admins";
import { createTRPCRouter, vendorProcedure } from "../trpc";
import { tenantAdminRowOutput, tenantSummaryOutput } from "./outputs";

export const vendorRouter = createTRPCRouter({
  listTenants: vendorProcedure.output(z.array(tenantSummaryOutput)).query(({ ctx }) => listTenants(ctx.prisma)),

  createTenant: vendorProcedure
    .meta({ probe: (other) => ({ slug: other.slug, name: "重复的学校", idpKind: "BUILTIN" }) })
    .input(createTenantInput)
    .output(tenantSummaryOutput)
    .mutation(({ ctx, input }) => createTenant(ctx.prisma, input, { vendorId: ctx.vendor.id, ip: ctx.ip, locale: ctx.locale })),

  setTenantStatus: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, status: "SUSPENDED" }) })
    .input(z.object({ tenantId: z.string().uuid(), status: z.enum(["ACTIVE", "SUSPENDED"]) }))
    .output(tenantSummaryOutput)
    .mutation(({ ctx, input }) => setTenantStatus(ctx.prisma, input, { vendorId: ctx.vendor.id, ip: ctx.ip, locale: ctx.locale })),

  /** Every school's admin accounts with their lock state. */
  listTenantAdmins: vendorProcedure.output(z.array(tenantAdminRowOutput)).query(({ ctx }) => listAllTenantAdmins(ctx.prisma)),

  /** A school's admin locked out (e.g. its only ADMIN) may sign in again. */
  unlockTenantAdmin: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, adminId: other.adminId }) })
    .input(z.object({ tenantId: z.string().uuid(), adminId: z.string().uuid() }))
    .output(tenantAdminRowOutput)
    .mutation(({ ctx, input }) => unlockTenantAdminAsVendor(ctx.prisma, input, { vendorId: ctx.vendor.id, ip: ctx.ip })),
});
