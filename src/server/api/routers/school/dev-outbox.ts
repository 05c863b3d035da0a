import { listOutbox, listOutboxInput, outboxListingOutput } from "~/server/codes/outbox";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const schoolDevOutboxRouter = createTRPCRouter({
  /** Demo mode only (SMS_PROVIDER=outbox, allowed on a localhost platform domain): what was "sent" to this school. */
  list: publicProcedure
    .meta({ probe: () => ({ take: 50 }) })
    .input(listOutboxInput)
    .output(outboxListingOutput)
    .query(({ ctx, input }) => listOutbox(ctx.scope, input)),
});
