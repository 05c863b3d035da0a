import { z } from "zod";
import {
  deleteTenant,
  deleteTenantInput,
  deletedTenantOutput,
  deletionSummary,
  deletionSummaryOutput,
  listDeletedTenants,
  restoreTenant,
  tenantIdInput,
} from "~/server/tenants/delete-tenant";
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

  /** What 【删除学校】 would take with it, for its confirmation. */
  deletionSummary: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId }) })
    .input(tenantIdInput)
    .output(deletionSummaryOutput)
    .query(({ ctx, input }) => deletionSummary(ctx.platform, input.tenantId)),

  delete: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, confirmSlug: other.slug }) })
    .input(deleteTenantInput)
    .output(z.object({ slug: z.string(), purgeAfter: z.date() }))
    .mutation(({ ctx, input }) => deleteTenant(ctx.platform, input)),

  restore: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId }) })
    .input(tenantIdInput)
    .output(z.object({ slug: z.string(), status: z.enum(["ACTIVE", "SUSPENDED", "DELETED"]) }))
    .mutation(({ ctx, input }) => restoreTenant(ctx.platform, input)),

  listDeleted: vendorProcedure.output(z.array(deletedTenantOutput)).query(({ ctx }) => listDeletedTenants(ctx.platform)),
});
