// A school's WeCom connection as its admins edit it. Secrets are write-only:
// the page says whether one is set, never what it is. The callback Token and
// EncodingAESKey are shown, since the admin must copy them into WeCom's console.
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";
import { generateCallbackKeys } from "~/server/wecom/callback-crypto";
import { WecomClient } from "~/server/wecom/client";
import { loadWecomConnection } from "~/server/wecom/connection";
import { isWecomError } from "~/server/wecom/errors";
import type { Locale } from "~/i18n/locale";

export const WECOM_API_BASE_URL = "https://qyapi.weixin.qq.com";

export const wecomSettingsInput = z.object({
  apiBaseUrl: z.string().trim().url().max(300).refine((u) => /^https?:\/\//.test(u), "http(s) only"),
  corpId: z.string().trim().regex(/^[A-Za-z0-9]{1,64}$/),
  agentId: z.coerce.number().int().positive().max(2_147_483_647),
  assistantAppName: z.string().trim().min(1).max(50),
  /** Empty keeps the stored secret. */
  appSecret: z.string().trim().max(128).default(""),
  contactSecret: z.string().trim().max(128).default(""),
});

type Actor = { adminId: string; ip: string | null };

export async function wecomSettings(prisma: PrismaClient, tenantId: string, key: Buffer) {
  const t = await prisma.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: {
      slug: true,
      wecomApiBaseUrl: true,
      wecomCorpId: true,
      wecomAgentId: true,
      assistantAppName: true,
      wecomSecretEnc: true,
      wecomContactSecretEnc: true,
      wecomCallbackTokenEnc: true,
      wecomCallbackAesKeyEnc: true,
    },
  });
  return {
    apiBaseUrl: t.wecomApiBaseUrl,
    usesRealWecom: t.wecomApiBaseUrl === WECOM_API_BASE_URL,
    corpId: t.wecomCorpId ?? "",
    agentId: t.wecomAgentId,
    assistantAppName: t.assistantAppName,
    hasAppSecret: t.wecomSecretEnc !== null,
    hasContactSecret: t.wecomContactSecretEnc !== null,
    callbackPath: `/api/wecom/callback/${t.slug}`,
    callbackToken: t.wecomCallbackTokenEnc ? decryptSecret(t.wecomCallbackTokenEnc, key, sealContext("Tenant", "wecomCallbackTokenEnc", tenantId)) : null,
    callbackAesKey: t.wecomCallbackAesKeyEnc ? decryptSecret(t.wecomCallbackAesKeyEnc, key, sealContext("Tenant", "wecomCallbackAesKeyEnc", tenantId)) : null,
  };
}

export async function updateWecomSettings(prisma: PrismaClient, tenantId: string, key: Buffer, input: z.infer<typeof wecomSettingsInput>, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    await tx.tenant.update({
      where: { id: tenantId },
      data: {
        wecomApiBaseUrl: input.apiBaseUrl.replace(/\/+$/, ""),
        wecomCorpId: input.corpId,
        wecomAgentId: input.agentId,
        assistantAppName: input.assistantAppName,
        ...(input.appSecret ? { wecomSecretEnc: encryptSecret(input.appSecret, key, sealContext("Tenant", "wecomSecretEnc", tenantId)) } : {}),
        ...(input.contactSecret ? { wecomContactSecretEnc: encryptSecret(input.contactSecret, key, sealContext("Tenant", "wecomContactSecretEnc", tenantId)) } : {}),
      },
    });
    const changedSecrets = [input.appSecret && "appSecret", input.contactSecret && "contactSecret"].filter(Boolean);
    await audit(tx, {
      actorKind: "tenantAdmin",
      actorId: actor.adminId,
      tenantId,
      action: "tenant.wecom.update",
      ip: actor.ip,
      detail: { apiBaseUrl: input.apiBaseUrl, corpId: input.corpId, agentId: input.agentId, changedSecrets },
    });
  });
}

export async function regenerateCallbackKeys(prisma: PrismaClient, tenantId: string, key: Buffer, actor: Actor) {
  const keys = generateCallbackKeys();
  await prisma.$transaction(async (tx) => {
    await tx.tenant.update({
      where: { id: tenantId },
      data: { wecomCallbackTokenEnc: encryptSecret(keys.token, key, sealContext("Tenant", "wecomCallbackTokenEnc", tenantId)), wecomCallbackAesKeyEnc: encryptSecret(keys.encodingAesKey, key, sealContext("Tenant", "wecomCallbackAesKeyEnc", tenantId)) },
    });
    await audit(tx, { actorKind: "tenantAdmin", actorId: actor.adminId, tenantId, action: "tenant.wecom.callbackKeys", ip: actor.ip });
  });
  return keys;
}

/** 【测试连接】: fetch a token with each secret, and say in the admin's words what is wrong. */
export async function testWecomConnection(prisma: PrismaClient, tenantId: string, key: Buffer, locale: Locale) {
  try {
    const connection = await loadWecomConnection(prisma, tenantId, key);
    // Fail fast: an admin is waiting on the page.
    await new WecomClient(prisma, connection, key, { attempts: 1, baseDelayMs: 0, timeoutMs: 5_000 }).testConnection();
    return { ok: true as const, message: locale === "en" ? "Connected: WeCom accepted the corp ID and secrets." : "连接成功：企业微信接受了 CorpID 与 Secret。" };
  } catch (error) {
    if (isWecomError(error)) return { ok: false as const, message: error.messageIn(locale) };
    if (error instanceof AppError) return { ok: false as const, message: error.messageIn(locale) };
    throw error;
  }
}
