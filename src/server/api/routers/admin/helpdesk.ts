import { z } from "zod";
import {
  answerCaseInput,
  answerHelpdeskCase,
  assignHelpdeskCase,
  caseIdInput,
  caseRowOutput,
  listCasesInput,
  listHelpdeskCases,
  resolveHelpdeskCase,
} from "~/server/helpdesk/cases";
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

  /** 【回复】: the member reads the answer on 个人中心; with `close`, the case is closed too. */
  answer: adminProcedure("helpdesk.cases")
    .meta({ probe: (other) => ({ caseId: other.helpdeskCaseId, answer: "跨校探测", close: true }) })
    .input(answerCaseInput)
    .output(caseRowOutput)
    .mutation(({ ctx, input }) => answerHelpdeskCase(ctx.scope, input)),

  /** 【由我处理】: the acting account takes an open case. */
  assign: adminProcedure("helpdesk.cases")
    .meta({ probe: (other) => ({ caseId: other.helpdeskCaseId }) })
    .input(caseIdInput)
    .output(caseRowOutput)
    .mutation(({ ctx, input }) => assignHelpdeskCase(ctx.scope, input)),
});
