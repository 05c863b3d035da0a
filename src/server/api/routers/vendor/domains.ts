// A school's custom host names in the vendor console: the record to add, and the check that it resolves.
import { z } from "zod";
import {
  addCustomDomain,
  checkCustomDomain,
  customDomainInput,
  customDomainOutput,
  customDomainTarget,
  listCustomDomains,
  removeCustomDomain,
} from "~/server/tenants/custom-domains";
import { createTRPCRouter, vendorProcedure } from "../../trpc";

export const vendorDomainsRouter = createTRPCRouter({
  list: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId }) })
    .input(z.object({ tenantId: z.uuid() }))
    .output(z.array(customDomainOutput))
    .query(({ ctx, input }) => listCustomDomains(ctx.platform, input.tenantId)),

  add: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, domain: `${other.slug}.probe.example.edu.cn` }) })
    .input(customDomainInput)
    .output(customDomainOutput)
    .mutation(({ ctx, input }) => addCustomDomain(ctx.platform, input)),

  remove: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, domain: `${other.slug}.probe.example.edu.cn` }) })
    .input(customDomainTarget)
    .output(z.object({ domain: z.string() }))
    .mutation(({ ctx, input }) => removeCustomDomain(ctx.platform, input)),

  check: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId, domain: `${other.slug}.probe.example.edu.cn` }) })
    .input(customDomainTarget)
    .output(customDomainOutput)
    .mutation(({ ctx, input }) => checkCustomDomain(ctx.platform, input)),
});
