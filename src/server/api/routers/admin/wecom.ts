import { z } from "zod";
import { CHECK_IDS } from "~/server/wecom/diagnose";
import {
  regenerateCallbackKeys,
  testWecomConnection,
  updateWecomSettings,
  wecomSettings,
  wecomSettingsInput,
} from "~/server/wecom/settings";
import { adminProcedure, createTRPCRouter } from "../../trpc";

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

export const adminWecomRouter = createTRPCRouter({
  /** The school's WeCom connection; the callback keys only for those who may see them (wecom.secrets). */
  settings: adminProcedure("wecom.read")
    .output(settingsOutput)
    .query(({ ctx }) => wecomSettings(ctx.scope)),

  update: adminProcedure("wecom.settings")
    .meta({ probe: () => ({ apiBaseUrl: "https://qyapi.weixin.qq.com", corpId: "wwprobe", agentId: 1000002, assistantAppName: "探测" }) })
    .input(wecomSettingsInput)
    .output(z.object({ ok: z.literal(true), clearedSecrets: z.boolean() }))
    .mutation(async ({ ctx, input }) => ({ ok: true as const, ...(await updateWecomSettings(ctx.scope, input)) })),

  regenerateCallbackKeys: adminProcedure("wecom.settings")
    .output(z.object({ token: z.string(), encodingAesKey: z.string() }))
    .mutation(({ ctx }) => regenerateCallbackKeys(ctx.scope)),

  /** Rate-limited per school: each test sends WeCom a few calls per secret. */
  testConnection: adminProcedure("wecom.settings")
    .output(diagnosisOutput)
    .mutation(({ ctx }) => testWecomConnection(ctx.scope)),
});
