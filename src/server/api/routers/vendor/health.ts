// Every school's health on one page (/vendor/health): tenants/school-health.ts.
import { z } from "zod";
import { schoolHealth, schoolHealthOutput } from "~/server/tenants/school-health";
import { createTRPCRouter, vendorProcedure } from "../../trpc";

export const vendorHealthRouter = createTRPCRouter({
  schools: vendorProcedure.output(z.array(schoolHealthOutput)).query(({ ctx }) => schoolHealth(ctx.platform)),
});
