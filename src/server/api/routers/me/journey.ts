import { journeyState, journeyStateOutput } from "~/server/journey/journey-state";
import {
  completeSecondVerification,
  openSecondVerification,
  secondVerificationConfirmInput,
  secondVerificationInput,
  secondVerificationOpened,
  secondVerificationOutput,
} from "~/server/journey/second-verification";
import { followQr, followQrOutput } from "~/server/wecom/join-qr";
import { createTRPCRouter, memberProcedure } from "../../trpc";

export const meJourneyRouter = createTRPCRouter({
  /** Where the signed-in member is in the journey (bind → syncing → follow → done) and what its pages show. */
  state: memberProcedure.output(journeyStateOutput).query(({ ctx }) => journeyState(ctx.scope)),

  /** The school's join QR (「长按识别二维码关注」) as an image, cached from WeCom for the follow page. */
  followQr: memberProcedure.output(followQrOutput).query(({ ctx }) => followQr(ctx.scope)),

  /** 二次验证's page: WeCom's code redeemed and checked against the signed-in member; WeCom is told nothing yet. */
  openSecondVerification: memberProcedure
    .meta({ probe: () => ({ code: "probe-code-of-no-one", api: "tfa" }) })
    .input(secondVerificationInput)
    .output(secondVerificationOpened)
    .mutation(({ ctx, input }) => openSecondVerification(ctx.scope, input)),

  /** 二次验证's 【确认】: the page's sealed ticket, for the member it was sealed for only, reported to WeCom. */
  completeSecondVerification: memberProcedure
    .meta({ probe: () => ({ ticket: "v2.probe.ticket.of-no-one" }) })
    .input(secondVerificationConfirmInput)
    .output(secondVerificationOutput)
    .mutation(({ ctx, input }) => completeSecondVerification(ctx.scope, input)),
});
