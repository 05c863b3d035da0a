import { z } from "zod";
import {
  addPrivateOrigin,
  addPrivateOriginInput,
  listPrivateOrigins,
  privateOriginOutput,
  removePrivateOrigin,
  removePrivateOriginInput,
} from "~/server/identity/private-origins";
import { createTRPCRouter, vendorProcedure } from "../../trpc";

/** The private CAS/OIDC origins the platform may call (identity/private-origins.ts): the operator's alone. */
export const vendorPrivateOriginsRouter = createTRPCRouter({
  list: vendorProcedure.output(z.array(privateOriginOutput)).query(({ ctx }) => listPrivateOrigins(ctx.platform)),

  add: vendorProcedure
    .meta({ probe: () => ({ origin: "http://10.99.0.1:8080", note: "跨校探测" }) })
    .input(addPrivateOriginInput)
    .output(privateOriginOutput)
    .mutation(({ ctx, input }) => addPrivateOrigin(ctx.platform, input)),

  remove: vendorProcedure
    .meta({ probe: (other) => ({ id: other.tenantId }) })
    .input(removePrivateOriginInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => removePrivateOrigin(ctx.platform, input)),
});
