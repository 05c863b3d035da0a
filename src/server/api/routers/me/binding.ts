import { bindOutcomeOutput, bindPhone, bindPhoneInput, bindingValueInput, requestBindingCode } from "~/server/bindings/bind-phone";
import {
  bindingCaseInput,
  sendBindingCaseToHelpdesk,
  sendSyncCaseToHelpdesk,
  sentCaseOutput,
  syncCaseInput,
} from "~/server/helpdesk/cases";
import { createTRPCRouter, memberProcedure } from "../../trpc";

// Probes bind a fixed number of no school's demo data: B's own phone would come back in the answer
// as what was bound (to A's member, in A), which the suite would rightly count as B's data seen.
const PROBE_PHONE = "13700009999";

export const meBindingRouter = createTRPCRouter({
  /** 【获取验证码】 for a phone (or address) the directory does not hold for the member. */
  requestCode: memberProcedure
    .meta({ probe: () => ({ value: PROBE_PHONE }) })
    .input(bindingValueInput)
    .output(bindOutcomeOutput)
    .mutation(({ ctx, input }) => requestBindingCode(ctx.scope, input)),

  /** 【下一步】: binds the phone, or sends the code a new phone needs first. */
  bind: memberProcedure
    .meta({ probe: () => ({ value: PROBE_PHONE }) })
    .input(bindPhoneInput)
    .output(bindOutcomeOutput)
    .mutation(({ ctx, input }) => bindPhone(ctx.scope, input)),

  /** 「手机号码已存在」 → the case goes to the school's helpdesk with what the product found. */
  sendToHelpdesk: memberProcedure
    .meta({ probe: () => ({ value: PROBE_PHONE, note: "" }) })
    .input(bindingCaseInput)
    .output(sentCaseOutput)
    .mutation(({ ctx, input }) => sendBindingCaseToHelpdesk(ctx.scope, input)),

  /** The member's entry could not be written to WeCom → the case goes to the helpdesk. */
  sendSyncCaseToHelpdesk: memberProcedure
    .meta({ probe: () => ({ note: "" }) })
    .input(syncCaseInput)
    .output(sentCaseOutput)
    .mutation(({ ctx, input }) => sendSyncCaseToHelpdesk(ctx.scope, input)),
});
