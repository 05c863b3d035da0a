import { z } from "zod";
import { encryptionKey } from "~/server/crypto/keys";
import { CHECK_IDS } from "~/server/wecom/diagnose";
import {
  regenerateCallbackKeys,
  testWecomConnection,
  updateWecomSettings,
  wecomSettings,
  wecomSettingsInput,
} from "~/server/tenants/wecom-settings";
import { createTRPCRouter, schoolItAdminProcedure, tenantAdminProcedure } from "../trpc";

const settingsOutput = z.object({
  apiBaseUrl: z.string(),
  usesRealWecom: z.boolean(),
  apiBaseUrlChoices: z.array(z.object({ value: z.string(), simulator: z.boolean() })),
  apiBaseUrlAllowed: z.boolean(),
  /** Set while a secret WeCom refused pauses the school's sync: the admin's message only. */
  authPause: z.object({ zh: z.string(), en: z.string() }).nullable(),
  corpId: z.string(),
  agentId: z.number().nullable(),
  assistantAppName: z.string(),
  hasAppSecret: z.boolean(),
  hasContactSecret: z.boolean(),
  callbackPath: z.string(),
  callbackToken: z.string().nullable(),
  callbackAesKey: z.string().nullable(),
});

/** 【测试连接】's checklist: our own texts only, never WeCom's errmsg. */
const diagnosisOutput = z.object({
  ok: z.boolean(),
  /** The first failure (or warning) in a line, or that every check passed. */
  message: z.string(),
  checks: z.array(
    z.object({
      id: z.enum(CHECK_IDS),
      status: z.enum(["passed", "warning", "failed", "skipped"]),
      title: z.string(),
      detail: z.string(),
      /** What the school's admin does in WeCom's console, in order. */
      steps: z.array(z.string()),
    }),
  ),
});

export const wecomRouter = createTRPCRouter({
  /** The school's WeCom connection; the callback keys only for the IT office, not the helpdesk. */
  settings: tenantAdminProcedure.output(settingsOutput).query(async ({ ctx }) => {
    const { authPause, ...settings } = await wecomSettings(ctx.prisma, ctx.tenant.id, encryptionKey());
    const shown = { ...settings, authPause: authPause && { zh: authPause.messageIn("zh-CN"), en: authPause.messageIn("en") } };
    return ctx.admin.role === "ADMIN" ? shown : { ...shown, callbackToken: null, callbackAesKey: null };
  }),

  updateSettings: schoolItAdminProcedure
    .meta({ probe: () => ({ apiBaseUrl: "https://qyapi.weixin.qq.com", corpId: "wwprobe", agentId: 1000002, assistantAppName: "探测" }) })
    .input(wecomSettingsInput)
    .output(z.object({ ok: z.literal(true), clearedSecrets: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { clearedSecrets } = await updateWecomSettings(ctx.prisma, ctx.tenant.id, encryptionKey(), input, {
        adminId: ctx.admin.id,
        ip: ctx.ip,
      });
      return { ok: true as const, clearedSecrets };
    }),

  regenerateCallbackKeys: schoolItAdminProcedure
    .output(z.object({ token: z.string(), encodingAesKey: z.string() }))
    .mutation(({ ctx }) => regenerateCallbackKeys(ctx.prisma, ctx.tenant.id, encryptionKey(), { adminId: ctx.admin.id, ip: ctx.ip })),

  /** The IT office only, and rate-limited per school: each test sends WeCom a few calls per secret. */
  testConnection: schoolItAdminProcedure
    .output(diagnosisOutput)
    .mutation(({ ctx }) => testWecomConnection(ctx.prisma, ctx.tenant.id, encryptionKey(), ctx.locale)),
});
