import { checkQrToken, qrLink, qrLinkInput, qrLinkOutput, qrTokenCheckOutput, qrTokenInput } from "~/server/qr/registration-qr";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const schoolJoinRouter = createTRPCRouter({
  /** The path this school's registration QR code opens (the QR image and the back office add the origin). */
  link: publicProcedure
    .meta({ probe: () => ({ purpose: "register" }) })
    .input(qrLinkInput)
    .output(qrLinkOutput)
    .query(({ ctx, input }) => qrLink(ctx.scope, input)),

  /** What a scanned link's token says on this host: ours, another school's (named), or not ours. */
  check: publicProcedure
    // A token another school signed is named on purpose (UCAS FAQ 4(3)); the probe is no such token, so it must reveal nothing.
    .meta({ probe: (other) => ({ token: `1.r.${other.tenantId.slice(0, 22)}.probe` }) })
    .input(qrTokenInput)
    .output(qrTokenCheckOutput)
    .query(({ ctx, input }) => checkQrToken(ctx.scope, input)),
});
