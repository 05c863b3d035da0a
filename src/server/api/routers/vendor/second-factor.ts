import { z } from "zod";
import {
  confirmEnrolmentInput,
  confirmVendorEnrolment,
  enrolmentOfferOutput,
  offerVendorEnrolment,
} from "~/server/auth/vendor-second-factor";
import { createTRPCRouter, vendorEnrolmentProcedure } from "../../trpc";

export const vendorSecondFactorRouter = createTRPCRouter({
  /** A new TOTP secret to scan (first enrolment, or a reset of an enrolled factor). */
  offer: vendorEnrolmentProcedure.output(enrolmentOfferOutput).query(({ ctx }) => offerVendorEnrolment(ctx.vendor)),

  confirm: vendorEnrolmentProcedure
    .meta({ probe: () => ({ ticket: "v1.x.y.z", code: "000000", currentCode: "000000" }) })
    .input(confirmEnrolmentInput)
    .output(z.object({ enrolled: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await confirmVendorEnrolment(ctx.platform, input);
      return { enrolled: true as const };
    }),
});
