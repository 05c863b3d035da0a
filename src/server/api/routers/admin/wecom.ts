import { z } from "zod";
import { checklistOutput } from "~/server/checks/check";
import { CHECK_IDS } from "~/server/wecom/diagnose";
import {
  regenerateCallbackKeys,
  testWecomConnection,
  updateWecomSettings,
  wecomSettings,
  wecomSettingsInput,
} from "~/server/wecom/settings";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const wecomSettingsOutput = z.object({
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
  origin: z.string(),
  callbackPath: z.string(),
  callbackToken: z.string().nullable(),
  callbackAesKey: z.string().nullable(),
});

/** 【测试连接】's checklist: our own texts only, never WeCom's errmsg. */
const diagnosisOutput = checklistOutput(CHECK_IDS);

export const adminWecomRouter = createTRPCRouter({
  /** The school's WeCom connection; the callback keys only for those who may see them (wecom.secrets). */
  settings: adminProcedure("wecom.read")
    .output(wecomSettingsOutput)
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
