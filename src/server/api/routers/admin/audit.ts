import { auditLogInput, auditPageOutput, listAuditLog } from "~/server/audit/audit-log";
import { adminProcedure, createTRPCRouter } from "../../trpc";

/** The school's audit log (/admin/audit). */
export const adminAuditRouter = createTRPCRouter({
  /** A page of the log, newest first, filtered by actor, action, member and days. */
  list: adminProcedure("audit.read")
    .meta({ probe: (other) => ({ member: other.memberAccount, actor: other.memberAccount }) })
    .input(auditLogInput)
    .output(auditPageOutput)
    .query(({ ctx, input }) => listAuditLog(ctx.scope, input)),
});
