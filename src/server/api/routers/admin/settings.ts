import { z } from "zod";
import { lockoutPolicy, lockoutPolicyInput, updateLockoutPolicy } from "~/server/auth/lockout-policy";
import { passwordPolicy, passwordPolicyInput, updatePasswordPolicy } from "~/server/identity/password-policy";
import { identityProviderSettings, identityProviderSettingsInput, updateIdentityProviderSettings } from "~/server/identity/settings";
import { phonePolicy, phonePolicyInput, phonePolicyOutput, updatePhonePolicy } from "~/server/members/phone-policy";
import { adminProcedure, createTRPCRouter } from "../../trpc";

const lockoutOutput = z.object({ maxAttempts: z.number(), lockMinutes: z.number() });
const phoneOutput = phonePolicyOutput;
const passwordOutput = z.object({ initialPasswordRule: z.enum(["NONE", "ID_NUMBER_LAST8"]), mustChangeInitial: z.boolean() });
const identityOutput = z.object({
  kind: z.enum(["BUILTIN", "CAS", "OIDC"]),
  casBaseUrl: z.string().nullable(),
  casVersion: z.enum(["CAS2", "CAS3"]),
  oidcIssuer: z.string().nullable(),
  oidcClientId: z.string().nullable(),
  hasOidcClientSecret: z.boolean(),
  accountAttribute: z.string(),
});

/** The school's settings, each owned by its domain (identity, auth, members); WeCom's are in admin.wecom. */
export const adminSettingsRouter = createTRPCRouter({
  get: adminProcedure("settings.manage")
    .output(z.object({ lockout: lockoutOutput, phone: phoneOutput, password: passwordOutput, identity: identityOutput }))
    .query(async ({ ctx }) => ({
      lockout: await lockoutPolicy(ctx.scope),
      phone: await phonePolicy(ctx.scope),
      password: await passwordPolicy(ctx.scope),
      identity: await identityProviderSettings(ctx.scope),
    })),

  updateLockout: adminProcedure("settings.manage")
    .meta({ probe: () => ({ maxAttempts: 99, lockMinutes: 99 }) })
    .input(lockoutPolicyInput)
    .output(lockoutOutput)
    .mutation(({ ctx, input }) => updateLockoutPolicy(ctx.scope, input)),

  updatePhone: adminProcedure("settings.manage")
    .meta({ probe: () => ({ allowForeign: false, requireWechatMatch: true }) })
    .input(phonePolicyInput)
    .output(phoneOutput)
    .mutation(({ ctx, input }) => updatePhonePolicy(ctx.scope, input)),

  updatePassword: adminProcedure("settings.manage")
    .meta({ probe: () => ({ initialPasswordRule: "ID_NUMBER_LAST8", mustChangeInitial: true }) })
    .input(passwordPolicyInput)
    .output(passwordOutput)
    .mutation(({ ctx, input }) => updatePasswordPolicy(ctx.scope, input)),

  updateIdentityProvider: adminProcedure("settings.manage")
    .meta({ probe: () => ({ kind: "OIDC", oidcClientSecret: "probe-secret" }) })
    .input(identityProviderSettingsInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => updateIdentityProviderSettings(ctx.scope, input)),
});
