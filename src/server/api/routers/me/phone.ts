// 更换手机号's pages (app/(school)/(member)/me/phone): what they show. The change itself is two plain
// form posts (me/phone/send, me/phone/confirm) to bindings/change-phone.ts.
import { z } from "zod";
import { pendingPhoneChange, phoneInWecom } from "~/server/bindings/change-phone";
import { createTRPCRouter, memberProcedure } from "../../trpc";

export const mePhoneRouter = createTRPCRouter({
  /** The member's phone, whether WeCom holds it (per the product's record), and the change waiting for its code. */
  change: memberProcedure
    .output(
      z.object({
        phone: z.string().nullable(),
        wecomHasIt: z.boolean(),
        activated: z.boolean(),
        pending: z.object({ to: z.string(), expiresAt: z.date() }).nullable(),
      }),
    )
    .query(async ({ ctx }) => ({ ...(await phoneInWecom(ctx.scope)), pending: await pendingPhoneChange(ctx.scope) })),
});
