import { z } from "zod";
import {
  vendorIdentitySettings,
  vendorIdentityUpdateInput,
  vendorSchoolInput,
  vendorTestIdentityConnection,
  vendorUpdateIdentitySettings,
} from "~/server/identity/vendor";
import { createTRPCRouter, vendorProcedure } from "../../trpc";
import { identityDiagnosisOutput, identitySettingsOutput } from "../admin/identity";

/** A school's unified login, set by the platform operator (the same rules as /admin/identity). */
export const vendorIdentityRouter = createTRPCRouter({
  settings: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId }) })
    .input(vendorSchoolInput)
    .output(identitySettingsOutput)
    .query(({ ctx, input }) => vendorIdentitySettings(ctx.platform, input)),

  update: vendorProcedure
    .meta({
      probe: (other) => ({
        tenantId: other.tenantId,
        kind: "CAS",
        casBaseUrl: "https://ids.probe.example.edu.cn/authserver",
        kindProviders: [{ identityKindId: other.identityKindId, providerKind: "BUILTIN" }],
      }),
    })
    .input(vendorIdentityUpdateInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => vendorUpdateIdentitySettings(ctx.platform, input)),

  testConnection: vendorProcedure
    .meta({ probe: (other) => ({ tenantId: other.tenantId }) })
    .input(vendorSchoolInput)
    .output(identityDiagnosisOutput)
    .mutation(({ ctx, input }) => vendorTestIdentityConnection(ctx.platform, input)),
});
