// Verification codes in the vendor console: the platform's message budget today, and the schools
// past half of theirs.
import { platformCodeBudget, platformCodeBudgetOutput } from "~/server/codes/budgets";
import { createTRPCRouter, vendorProcedure } from "../../trpc";

export const vendorCodesRouter = createTRPCRouter({
  budget: vendorProcedure.output(platformCodeBudgetOutput).query(({ ctx }) => platformCodeBudget(ctx.platform)),
});
