import { z } from "zod";
import { acceptInvitation, acceptInvitationInput, pendingInvitation } from "~/server/tenants/admin-invites";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const schoolInviteRouter = createTRPCRouter({
  /** Whom a link invites, while it is good: the username and name only. */
  check: publicProcedure
    .meta({ probe: () => ({ token: "A".repeat(43) }) })
    .input(z.object({ token: z.string().max(64) }))
    .output(z.object({ username: z.string(), name: z.string() }).nullable())
    .query(async ({ ctx, input }) => {
      const invited = await pendingInvitation(ctx.scope, input.token);
      return invited ? { username: invited.username, name: invited.name } : null;
    }),

  /** An invited back-office account sets its password through the link it was sent (no session yet). */
  accept: publicProcedure
    .meta({ probe: () => ({ token: "A".repeat(43), password: "Probe12345", confirmPassword: "Probe12345" }) })
    .input(acceptInvitationInput)
    .output(z.object({ username: z.string() }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.scope, input)),
});
