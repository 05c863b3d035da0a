import { z } from "zod";
import { encryptionKey } from "~/server/crypto/keys";
import { directoryOverview, searchMembers, unlockMember } from "~/server/members/member-directory";
import { createMember, createMemberInput, deleteMember, updateMember, updateMemberInput } from "~/server/members/manage-members";
import { listTenantAdmins, setTenantAdminDisabled, unlockTenantAdmin } from "~/server/tenants/tenant-admins";
import { listSyncJobs, retrySyncJob } from "~/server/wecom/sync-jobs-admin";
import { createTRPCRouter, schoolItAdminProcedure, tenantAdminProcedure, type Context } from "../trpc";
import { adminMemberRowOutput, tenantAdminRowOutput } from "./outputs";

export const adminRouter = createTRPCRouter({
  overview: tenantAdminProcedure
    .output(
      z.object({
        members: z.number(),
        withPhone: z.number(),
        locked: z.number(),
        identityKinds: z.array(
          z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), _count: z.object({ members: z.number() }) }),
        ),
        wecomOutOfRange: z.number(),
      }),
    )
    .query(({ ctx }) => directoryOverview(ctx.db)),

  searchMembers: tenantAdminProcedure
    .meta({ probe: (other) => ({ query: other.memberAccount }) })
    .input(z.object({ query: z.string().max(64), take: z.number().int().min(1).max(100).default(20) }))
    .output(z.array(adminMemberRowOutput))
    .query(({ ctx, input }) => searchMembers(ctx.db, input, { key: encryptionKey(), tenantId: ctx.tenant.id })),

  unlockMember: tenantAdminProcedure
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(z.object({ memberId: z.string().uuid() }))
    .output(adminMemberRowOutput)
    .mutation(({ ctx, input }) => unlockMember(ctx.prisma, ctx.db, input, { adminId: ctx.admin.id, ip: ctx.ip })),

  /** The school's admin accounts with their lock state: for the IT office's ADMINs only. */
  listAdmins: schoolItAdminProcedure.output(z.array(tenantAdminRowOutput)).query(({ ctx }) => listTenantAdmins(ctx.db)),

  /** Another admin of this school, locked by wrong passwords (anyone's), may sign in again. */
  unlockAdmin: schoolItAdminProcedure
    .meta({ probe: (other) => ({ adminId: other.adminId }) })
    .input(z.object({ adminId: z.string().uuid() }))
    .output(tenantAdminRowOutput)
    .mutation(({ ctx, input }) => unlockTenantAdmin(ctx.prisma, ctx.db, input, { kind: "tenantAdmin", adminId: ctx.admin.id, ip: ctx.ip })),

  /** Disabling another admin of this school ends that admin's sessions at once. */
  setAdminDisabled: schoolItAdminProcedure
    .meta({ probe: (other) => ({ adminId: other.adminId, disabled: true }) })
    .input(z.object({ adminId: z.string().uuid(), disabled: z.boolean() }))
    .output(tenantAdminRowOutput)
    .mutation(({ ctx, input }) => setTenantAdminDisabled(ctx.db, input, { kind: "tenantAdmin", adminId: ctx.admin.id, ip: ctx.ip })),

  createMember: tenantAdminProcedure
    // Account numbers and phones may repeat across schools, so the probe names none of B's: it must simply leave B alone.
    .meta({ probe: (other) => ({ account: `probe-${other.tenantId.slice(0, 8)}`, name: "跨校探测", identityKindCode: "student_staff" }) })
    .input(createMemberInput)
    .output(adminMemberRowOutput)
    .mutation(({ ctx, input }) => createMember(directoryDeps(ctx), input)),

  updateMember: tenantAdminProcedure
    .meta({ probe: (other) => ({ memberId: other.memberId, name: "跨校改名" }) })
    .input(updateMemberInput)
    .output(adminMemberRowOutput)
    .mutation(({ ctx, input }) => updateMember(directoryDeps(ctx), input)),

  deleteMember: tenantAdminProcedure
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(z.object({ memberId: z.string().uuid() }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteMember(directoryDeps(ctx), input)),

  /** WeCom sync jobs still pending, and those that failed. */
  syncJobs: tenantAdminProcedure
    .output(
      z.array(
        z.object({
          id: z.string(),
          state: z.enum(["created", "retry", "active", "failed"]),
          kind: z.string(),
          memberId: z.string().nullable(),
          retryCount: z.number(),
          createdAt: z.date(),
          error: z.object({ zh: z.string(), en: z.string() }).nullable(),
          paused: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => listSyncJobs(ctx.prisma, ctx.tenant.id)),

  retrySyncJob: tenantAdminProcedure
    .meta({ probe: (other) => ({ jobId: other.failedSyncJobId }) })
    .input(z.object({ jobId: z.string().uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await retrySyncJob(ctx.jobs, ctx.prisma, ctx.tenant.id, input.jobId);
      return { ok: true as const };
    }),
});

type AdminCtx = Context & {
  db: Parameters<typeof searchMembers>[0];
  tenant: Parameters<typeof createMember>[0]["tenant"];
  admin: { id: string };
};

function directoryDeps(ctx: AdminCtx) {
  return {
    prisma: ctx.prisma,
    db: ctx.db,
    jobs: ctx.jobs,
    tenant: ctx.tenant,
    locale: ctx.locale,
    actor: { adminId: ctx.admin.id, ip: ctx.ip },
  };
}
