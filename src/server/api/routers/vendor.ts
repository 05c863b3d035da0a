import { z } from "zod";
import { createTenant, createTenantInput, listTenants, setTenantStatus } from "~/server/tenants/manage-tenants";
import { listAllTenantAdmins, unlockTenantAdminAsVendor } from "~/server/tenants/tenant-admins";
import {
  confirmEnrolmentInput,
  confirmVendorEnrolment,
  enrolmentOfferOutput,
  offerVendorEnrolment,
} from "~/server/auth/vendor-second-factor";
import { createTRPCRouter, vendorEnrolmentProcedure, vendorProcedure } from "../trpc";
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

  /** A new TOTP secret to scan (first enrolment, or a reset of an enrolled factor). */
  secondFactorOffer: vendorEnrolmentProcedure.output(enrolmentOfferOutput).query(({ ctx }) => offerVendorEnrolment(ctx.vendor)),

  confirmSecondFactor: vendorEnrolmentProcedure
    .meta({ probe: () => ({ ticket: "v1.x.y.z", code: "000000", currentCode: "000000" }) })
    .input(confirmEnrolmentInput)
    .output(z.object({ enrolled: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await confirmVendorEnrolment(ctx.prisma, input, { vendorId: ctx.vendor.id, ip: ctx.ip });
      return { enrolled: true as const };
    }),
});
