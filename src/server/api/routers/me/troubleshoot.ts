import { troubleshoot, troubleshootInput, troubleshootOutput } from "~/server/troubleshoot/troubleshoot";
import { createTRPCRouter, memberProcedure } from "../../trpc";

export const meTroubleshootRouter = createTRPCRouter({
  /** 自助排查: the one case that applies to the signed-in member, its fix, and every finding. */
  diagnose: memberProcedure
    .meta({ probe: () => ({ seen: "assistantOnly" }) })
    .input(troubleshootInput)
    .output(troubleshootOutput)
    .query(({ ctx, input }) => troubleshoot(ctx.scope, input)),
});
