import { z } from "zod";
import { checklistOutput } from "~/server/checks/check";
import { IDENTITY_CHECK_IDS, testIdentityConnection } from "~/server/identity/connection-test";
import { identityRegistration } from "~/server/identity/registration";
import { identityProviderSettings, identityProviderSettingsInput, updateIdentityProviderSettings } from "~/server/identity/settings";
import { adminProcedure, createTRPCRouter } from "../../trpc";

const providerKind = z.enum(["BUILTIN", "CAS", "OIDC"]);

export const identitySettingsOutput = z.object({
  kind: providerKind,
  casBaseUrl: z.string().nullable(),
  casVersion: z.enum(["CAS2", "CAS3"]),
  oidcIssuer: z.string().nullable(),
  oidcClientId: z.string().nullable(),
  /** Write-only: whether one is set, never the secret. */
  hasOidcClientSecret: z.boolean(),
  accountAttribute: z.string(),
  kinds: z.array(
    z.object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string(), providerKind: providerKind.nullable() }),
  ),
  registration: z.object({
    casServiceUrls: z.array(z.string()),
    casServicePatterns: z.array(z.string()),
    oidcRedirectUris: z.array(z.string()),
    postLogoutRedirectUris: z.array(z.string()),
    simulators: z.object({ cas: z.string().nullable(), oidc: z.string().nullable() }),
  }),
});

/** 【测试连接】's checklist, in our own words only. */
export const identityDiagnosisOutput = checklistOutput(IDENTITY_CHECK_IDS);

/** The school's unified login (CAS / OIDC / built-in), as its IT office sets it in /admin/identity. */
export const adminIdentityRouter = createTRPCRouter({
  settings: adminProcedure("settings.manage")
    .output(identitySettingsOutput)
    .query(async ({ ctx }) => ({ ...(await identityProviderSettings(ctx.scope)), registration: await identityRegistration(ctx.scope) })),

  update: adminProcedure("settings.manage")
    .meta({
      probe: (other) => ({
        kind: "CAS",
        casBaseUrl: "https://ids.probe.example.edu.cn/authserver",
        kindProviders: [{ identityKindId: other.identityKindId, providerKind: "BUILTIN" }],
      }),
    })
    .input(identityProviderSettingsInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => updateIdentityProviderSettings(ctx.scope, input)),

  /** Rate-limited per school: each test calls the school's server a few times. */
  testConnection: adminProcedure("settings.manage")
    .output(identityDiagnosisOutput)
    .mutation(({ ctx }) => testIdentityConnection(ctx.scope, { requestHost: null })),
});
