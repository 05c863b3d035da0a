import { z } from "zod";
import {
  createTenant,
  createTenantInput,
  listTenants,
  setTenantStatus,
  setTenantStatusInput,
  tenantSummaryOutput,
} from "~/server/tenants/manage-tenants";
import { createTRPCRouter, vendorProcedure } from "../../trpc";

export const vendorTenantsRouter = createTRPCRouter({
  list: vendorProcedure.output(z.array(tenantSummaryOutput)).query(({ ctx }) => listTenants(ctx.platform)),

  create: vendorProcedure
    .meta({ probe: (other) => ({ slug: other.slug, name: "重复的学校", idpKind: "BUILTIN" }) })
    .input(createTenantInput)
    .output(tenantSummaryOutput)
    .mutation(({ ctx, input }) => createTenant(ctx.platform, input)),

  setStatus: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, status: "SUSPENDED" }) })
    .input(setTenantStatusInput)
    .output(tenantSummaryOutput)
    .mutation(({ ctx, input }) => setTenantStatus(ctx.platform, input)),
});
