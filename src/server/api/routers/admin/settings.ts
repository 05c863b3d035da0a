import { z } from "zod";
import { lockoutPolicy, lockoutPolicyInput, updateLockoutPolicy } from "~/server/auth/lockout-policy";
import { passwordPolicy, passwordPolicyInput, updatePasswordPolicy } from "~/server/identity/password-policy";
import { phonePolicy, phonePolicyInput, phonePolicyOutput, updatePhonePolicy } from "~/server/members/phone-policy";
import { codePolicy, codePolicyInput, updateCodePolicy } from "~/server/codes/policy";
import {
  deleteIdentityKind,
  identityKindInput,
  identityKindRowOutput,
  listIdentityKinds,
  saveIdentityKind,
} from "~/server/tenants/identity-kinds";
import { adminProcedure, createTRPCRouter } from "../../trpc";

const lockoutOutput = z.object({ maxAttempts: z.number(), lockMinutes: z.number() });
const phoneOutput = phonePolicyOutput;
const codesOutput = z.object({
  length: z.number(),
  ttlSeconds: z.number(),
  maxAttempts: z.number(),
  resendSeconds: z.number(),
  dailyCapPerDestination: z.number(),
  dailyCapPerAddress: z.number(),
  dailyBudget: z.number(),
});
const kindOutput = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), apps: z.array(z.string()) });
const passwordOutput = z.object({ initialPasswordRule: z.enum(["NONE", "ID_NUMBER_LAST8"]), mustChangeInitial: z.boolean() });

/** The school's settings, each owned by its domain (auth, members); WeCom's are in admin.wecom, the unified login's in admin.identity. */
export const adminSettingsRouter = createTRPCRouter({
  get: adminProcedure("settings.manage")
    .output(
      z.object({
        lockout: lockoutOutput,
        phone: phoneOutput,
        password: passwordOutput,
        codes: codesOutput,
        identityKinds: z.array(identityKindRowOutput),
      }),
    )
    .query(async ({ ctx }) => ({
      lockout: await lockoutPolicy(ctx.scope),
      phone: await phonePolicy(ctx.scope),
      password: await passwordPolicy(ctx.scope),
      codes: await codePolicy(ctx.scope),
      identityKinds: await listIdentityKinds(ctx.scope),
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

  updateCodes: adminProcedure("settings.manage")
    .meta({
      probe: () => ({
        length: 6,
        ttlSeconds: 600,
        maxAttempts: 5,
        resendSeconds: 60,
        dailyCapPerDestination: 10,
        dailyCapPerAddress: 3000,
      }),
    })
    .input(codePolicyInput)
    .output(codesOutput)
    .mutation(({ ctx, input }) => updateCodePolicy(ctx.scope, input)),

  saveIdentityKind: adminProcedure("settings.manage")
    .meta({ probe: () => ({ code: "student_staff", nameZh: "探测", nameEn: "probe", apps: ["消息中心"] }) })
    .input(identityKindInput)
    .output(kindOutput)
    .mutation(({ ctx, input }) => saveIdentityKind(ctx.scope, input)),

  deleteIdentityKind: adminProcedure("settings.manage")
    .meta({ probe: () => ({ code: "student_staff" }) })
    .input(z.object({ code: z.string().trim().toLowerCase().max(32) }))
    .output(z.object({ code: z.string() }))
    .mutation(({ ctx, input }) => deleteIdentityKind(ctx.scope, input)),
});
