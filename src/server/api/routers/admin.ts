import { z } from "zod";
import { directoryOverview, searchMembers, unlockMember } from "~/server/members/member-directory";
import { createTRPCRouter, tenantAdminProcedure } from "../trpc";
import { memberRowOutput } from "./outputs";

export const adminRouter = createTRPCRouter({
  overview: tenantAdminProcedure
    .output(
      z.object({
        members: z.number(),
        withPhone: z.number(),
        locked: z.number(),
        identityKinds: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), _count: z.object({ members: z.number() }) })),
      }),
    )
    .query(({ ctx }) => directoryOverview(ctx.db)),

  searchMembers: tenantAdminProcedure
    .meta({ probe: (other) => ({ query: other.memberAccount }) })
    .input(z.object({ query: z.string().max(64), take: z.number().int().min(1).max(100).default(20) }))
    .output(z.array(memberRowOutput))
    .query(({ ctx, input }) => searchMembers(ctx.db, input)),

  unlockMember: tenantAdminProcedure
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(z.object({ memberId: z.string().uuid() }))
    .output(memberRowOutput)
    .mutation(({ ctx, input }) => unlockMember(ctx.prisma, ctx.db, input, { adminId: ctx.admin.id, ip: ctx.ip })),
});
