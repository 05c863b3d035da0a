import { z } from "zod";
import {
  adminIdInput,
  listTenantAdmins,
  setAdminDisabledInput,
  setTenantAdminDisabled,
  tenantAdminRowOutput,
  unlockTenantAdmin,
} from "~/server/tenants/tenant-admins";
import { invitationOutput, inviteAdminInput, inviteTenantAdmin } from "~/server/tenants/admin-invites";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminAccountsRouter = createTRPCRouter({
  /** The school's admin accounts with their lock state. */
  list: adminProcedure("admins.manage")
    .output(z.array(tenantAdminRowOutput))
    .query(({ ctx }) => listTenantAdmins(ctx.scope)),

  /** Another admin of this school, locked by wrong passwords (anyone's), may sign in again. */
  unlock: adminProcedure("admins.manage")
    .meta({ probe: (other) => ({ adminId: other.adminId }) })
    .input(adminIdInput)
    .output(tenantAdminRowOutput)
    .mutation(({ ctx, input }) => unlockTenantAdmin(ctx.scope, input)),

  /** Disabling another admin of this school ends that admin's sessions at once. */
  setDisabled: adminProcedure("admins.manage")
    .meta({ probe: (other) => ({ adminId: other.adminId, disabled: true }) })
    .input(setAdminDisabledInput)
    .output(tenantAdminRowOutput)
    .mutation(({ ctx, input }) => setTenantAdminDisabled(ctx.scope, input)),

  /** A colleague invited by link (shown once), or a pending invitation sent again. */
  invite: adminProcedure("admins.manage")
    .meta({ probe: (other) => ({ username: `probe-${other.tenantId.slice(0, 8)}`, name: "跨校探测", role: "HELPDESK" }) })
    .input(inviteAdminInput)
    .output(invitationOutput)
    .mutation(({ ctx, input }) => inviteTenantAdmin(ctx.scope, input)),
});
