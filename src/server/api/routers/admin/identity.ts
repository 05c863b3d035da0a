import { z } from "zod";
import { checklistOutput } from "~/server/checks/check";
import { IDENTITY_CHECK_IDS, testIdentityConnection } from "~/server/identity/connection-test";
import { identityRegistration } from "~/server/identity/registration";
import { PROTOCOL_KINDS } from "~/server/identity/protocols";
import { identityProviderSettings, identityProviderSettingsInput, updateIdentityProviderSettings } from "~/server/identity/settings";
import { adminProcedure, createTRPCRouter } from "../../trpc";

const providerKind = z.enum(PROTOCOL_KINDS);

export const identitySettingsOutput = z.object({
  kind: providerKind,
  /** The protocols a school may choose (protocols.ts), in order. */
  protocols: z.array(providerKind),
  accountAttribute: z.string(),
  passwordResetUrl: z.string(),
  /** Each protocol's fields (its folder's settings.ts), in the form's order. */
  fields: z.array(
    z.object({
      protocol: providerKind,
      name: z.string(),
      label: z.string(),
      hint: z.string().optional(),
      options: z
        .array(z.object({ value: z.string(), label: z.string() }))
        .readonly()
        .optional(),
      secret: z.boolean().optional(),
    }),
  ),
  /** Each field's value by name; secrets are absent. */
  values: z.record(z.string(), z.string().nullable()),
  /** Write-only: which secrets are set, never the secrets. */
  secretsSet: z.array(z.string()),
  kinds: z.array(
    z.object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string(), providerKind: providerKind.nullable() }),
  ),
  registration: z.object({
    /** What the school registers at its server: a label (a message key) and the values. */
    rows: z.array(z.object({ label: z.string(), values: z.array(z.string()) })),
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
