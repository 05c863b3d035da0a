import { z } from "zod";
import { changeMemberPassword } from "~/server/auth/change-password";
import { changePasswordInput } from "~/server/auth/password-policy";
import { createTRPCRouter, memberChangingPasswordProcedure } from "../../trpc";

export const mePasswordRouter = createTRPCRouter({
  /** Open even while the password must be changed: the one thing such a member may do. Ends every session. */
  change: memberChangingPasswordProcedure
    .meta({
      probe: () => ({ currentPassword: "probe-not-the-password", newPassword: "Probe-Passw0rd", confirmPassword: "Probe-Passw0rd" }),
    })
    .input(changePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => changeMemberPassword(ctx.scope, input)),
});
