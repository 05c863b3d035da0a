// The development outbox in the back office: what was "sent" to this school's members in
// demo mode, so the IT office and the helpdesk can read a code for a member.
import { listOutbox, listOutboxInput, outboxListingOutput } from "~/server/codes/outbox";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminOutboxRouter = createTRPCRouter({
  list: adminProcedure("directory.read")
    .meta({ probe: () => ({ take: 200 }) })
    .input(listOutboxInput)
    .output(outboxListingOutput)
    .query(({ ctx, input }) => listOutbox(ctx.scope, input)),
});
