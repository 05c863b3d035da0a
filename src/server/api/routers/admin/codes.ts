// Verification codes in the back office: how much of today's message budgets is spent, for the
// dashboard's warning at half and its notice once members are stopped.
import { z } from "zod";
import { budgetUsageOutput, schoolCodeBudget } from "~/server/codes/budgets";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminCodesRouter = createTRPCRouter({
  budget: adminProcedure("directory.read")
    .output(z.object({ school: budgetUsageOutput, platform: budgetUsageOutput }))
    .query(({ ctx }) => schoolCodeBudget(ctx.scope)),
});
