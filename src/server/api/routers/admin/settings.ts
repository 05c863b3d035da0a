import { z } from "zod";
import { lockoutPolicy, lockoutPolicyInput, updateLockoutPolicy } from "~/server/auth/lockout-policy";
import { passwordPolicy, passwordPolicyInput, updatePasswordPolicy } from "~/server/identity/password-policy";
import { phonePolicy, phonePolicyInput, phonePolicyOutput, updatePhonePolicy } from "~/server/members/phone-policy";
import { adminProcedure, createTRPCRouter } from "../../trpc";

const lockoutOutput = z.object({ maxAttempts: z.number(), lockMinutes: z.number() });
const phoneOutput = phonePolicyOutput;
const passwordOutput = z.object({ initialPasswordRule: z.enum(["NONE", "ID_NUMBER_LAST8"]), mustChangeInitial: z.boolean() });

/** The school's settings, each owned by its domain (auth, members); WeCom's are in admin.wecom, the unified login's in admin.identity. */
export const adminSettingsRouter = createTRPCRouter({
  get: adminProcedure("settings.manage")
    .output(z.object({ lockout: lockoutOutput, phone: phoneOutput, password: passwordOutput }))
    .query(async ({ ctx }) => ({
      lockout: await lockoutPolicy(ctx.scope),
      phone: await phonePolicy(ctx.scope),
      password: await passwordPolicy(ctx.scope),
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
});
