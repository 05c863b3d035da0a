import { journeyState, journeyStateOutput } from "~/server/journey/journey-state";
import { completeSecondVerification, secondVerificationInput, secondVerificationOutput } from "~/server/journey/second-verification";
import { followQr, followQrOutput } from "~/server/wecom/join-qr";
import { createTRPCRouter, memberProcedure } from "../../trpc";

export const meJourneyRouter = createTRPCRouter({
  /** Where the signed-in member is in the journey (bind → syncing → follow → done) and what its pages show. */
  state: memberProcedure.output(journeyStateOutput).query(({ ctx }) => journeyState(ctx.scope)),

  /** The school's join QR (「长按识别二维码关注」) as an image, cached from WeCom for the follow page. */
  followQr: memberProcedure.output(followQrOutput).query(({ ctx }) => followQr(ctx.scope)),

  /** 二次验证: WeCom's code from the verification page, checked against the signed-in member, reported to WeCom. */
  completeSecondVerification: memberProcedure
    .meta({ probe: () => ({ code: "probe-code-of-no-one", api: "tfa" }) })
    .input(secondVerificationInput)
    .output(secondVerificationOutput)
    .mutation(({ ctx, input }) => completeSecondVerification(ctx.scope, input)),
});
