// The platform audit log (/vendor/audit): audit/platform-audit-log.ts; its CSV export is a route
// (app/vendor/(console)/audit/export/route.ts).
import { listPlatformAuditLog, platformAuditInput, platformAuditPageOutput } from "~/server/audit/platform-audit-log";
import { createTRPCRouter, vendorProcedure } from "../../trpc";

export const vendorAuditRouter = createTRPCRouter({
  list: vendorProcedure
    .meta({ probe: (other) => ({ school: other.slug }) })
    .input(platformAuditInput)
    .output(platformAuditPageOutput)
    .query(({ ctx, input }) => listPlatformAuditLog(ctx.platform, input)),
});
