import { z } from "zod";
import { createMember, createMemberInput, deleteMember, updateMember, updateMemberInput } from "~/server/members/manage-members";
import { memberPageOutput, searchMembers, searchMembersInput } from "~/server/members/directory-search";
import { unlockMember } from "~/server/members/fixes/unlock";
import { activationFunnel, activationFunnelInput, activationFunnelOutput } from "~/server/members/funnel";
import { adminMemberRowOutput, directoryOverview, directoryOverviewOutput, memberIdInput } from "~/server/members/member-directory";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminDirectoryRouter = createTRPCRouter({
  overview: adminProcedure("directory.read")
    .output(directoryOverviewOutput)
    .query(({ ctx }) => directoryOverview(ctx.scope)),

  /** The activation funnel of the school or of one group (a department path, an identity kind). */
  funnel: adminProcedure("directory.read")
    .meta({ probe: () => ({ department: "", identityKindCode: "" }) })
    .input(activationFunnelInput)
    .output(activationFunnelOutput)
    .query(({ ctx, input }) => activationFunnel(ctx.scope, input)),

  search: adminProcedure("directory.read")
    .meta({ probe: (other) => ({ query: other.memberAccount }) })
    .input(searchMembersInput)
    .output(memberPageOutput)
    .query(({ ctx, input }) => searchMembers(ctx.scope, input)),

  unlock: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(memberIdInput)
    .output(adminMemberRowOutput)
    .mutation(({ ctx, input }) => unlockMember(ctx.scope, input)),

  create: adminProcedure("directory.edit")
    // Account numbers and phones may repeat across schools, so the probe names none of B's: it must simply leave B alone.
    .meta({ probe: (other) => ({ account: `probe-${other.tenantId.slice(0, 8)}`, name: "跨校探测", identityKindCode: "student_staff" }) })
    .input(createMemberInput)
    .output(adminMemberRowOutput)
    .mutation(({ ctx, input }) => createMember(ctx.scope, input)),

  update: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ memberId: other.memberId, name: "跨校改名" }) })
    .input(updateMemberInput)
    .output(adminMemberRowOutput)
    .mutation(({ ctx, input }) => updateMember(ctx.scope, input)),

  delete: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(memberIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteMember(ctx.scope, input)),
});
