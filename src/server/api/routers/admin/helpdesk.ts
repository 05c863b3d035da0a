import { z } from "zod";
import { caseIdInput, caseRowOutput, listCasesInput, listHelpdeskCases, resolveHelpdeskCase } from "~/server/helpdesk/cases";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminHelpdeskRouter = createTRPCRouter({
  /** Cases members sent from the journey, with the product's findings. */
  list: adminProcedure("helpdesk.cases")
    .meta({ probe: () => ({ status: "OPEN" }) })
    .input(listCasesInput)
    .output(z.array(caseRowOutput))
    .query(({ ctx, input }) => listHelpdeskCases(ctx.scope, input)),

  resolve: adminProcedure("helpdesk.cases")
    .meta({ probe: (other) => ({ caseId: other.helpdeskCaseId }) })
    .input(caseIdInput)
    .output(caseRowOutput)
    .mutation(({ ctx, input }) => resolveHelpdeskCase(ctx.scope, input)),
});
