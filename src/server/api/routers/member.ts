import { z } from "zod";
import { changeMemberPassword } from "~/server/auth/change-password";
import { changePasswordInput } from "~/server/auth/password-policy";
import { memberProfile } from "~/server/members/member-directory";
import { createTRPCRouter, memberChangingPasswordProcedure, memberProcedure } from "../trpc";
import { memberRowOutput } from "./outputs";

export const memberRouter = createTRPCRouter({
  /** The signed-in member's own directory entry. */
  me: memberProcedure
    .output(memberRowOutput.extend({ mustChangePassword: z.boolean() }))
    .query(({ ctx }) => memberProfile(ctx.db, ctx.member.id)),

  /** Open even while the password must be changed: the one thing such a member may do. Ends every session. */
  changePassword: memberChangingPasswordProcedure
    .meta({
      probe: () => ({ currentPassword: "probe-not-the-password", newPassword: "Probe-Passw0rd", confirmPassword: "Probe-Passw0rd" }),
    })
    .input(changePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      changeMemberPassword(
        ctx.prisma,
        ctx.db,
        { memberId: ctx.member.id, currentPassword: input.currentPassword, newPassword: input.newPassword },
        { ip: ctx.ip },
      ),
    ),
});
