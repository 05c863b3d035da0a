// A school's WeCom connection as its admins edit it. Secrets are write-only:
// the page says whether one is set, never what it is. The callback Token and
// EncodingAESKey are shown, since the admin must copy them into WeCom's console.
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { assertNotPaused, resumePausedSyncJobs } from "~/server/wecom/auth-pause";
import { isAllowedWecomBaseUrl, WECOM_API_BASE_URL, wecomBaseUrlChoices } from "~/server/wecom/base-url";
import { generateCallbackKeys } from "~/server/wecom/callback-crypto";
import { diagnoseWecomConnection, type Diagnosis } from "~/server/wecom/diagnose";
import { type WecomAuthPausedError } from "~/server/wecom/errors";
import type { Locale } from "~/i18n/locale";

/** 【测试连接】 per school: each one may send a gettoken per secret. */
export const WECOM_TEST_RATE_LIMIT = { limit: 5, windowSeconds: 60 } as const;

export const wecomSettingsInput = z.object({
  // One of the platform's choices (base-url.ts), never free text: the secrets are sent there.
  apiBaseUrl: z
    .string()
    .trim()
    .max(300)
    .refine(isAllowedWecomBaseUrl, "不是平台允许的企业微信 API 地址 / not a WeCom API address this platform allows"),
  corpId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,64}$/),
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
      wecomAuthFailedAt: true,
      wecomAuthFailure: true,
    },
  });
  return {
    apiBaseUrl: t.wecomApiBaseUrl,
    usesRealWecom: t.wecomApiBaseUrl === WECOM_API_BASE_URL,
    /** The addresses the admin may choose between; the stored one may be none of them (an old row). */
    apiBaseUrlChoices: wecomBaseUrlChoices(),
    apiBaseUrlAllowed: isAllowedWecomBaseUrl(t.wecomApiBaseUrl),
    authPause: pauseOf(t),
    corpId: t.wecomCorpId ?? "",
    agentId: t.wecomAgentId,
    assistantAppName: t.assistantAppName,
    hasAppSecret: t.wecomSecretEnc !== null,
    hasContactSecret: t.wecomContactSecretEnc !== null,
    callbackPath: `/api/wecom/callback/${t.slug}`,
    callbackToken: t.wecomCallbackTokenEnc
      ? decryptSecret(t.wecomCallbackTokenEnc, key, sealContext("Tenant", "wecomCallbackTokenEnc", tenantId))
      : null,
    callbackAesKey: t.wecomCallbackAesKeyEnc
      ? decryptSecret(t.wecomCallbackAesKeyEnc, key, sealContext("Tenant", "wecomCallbackAesKeyEnc", tenantId))
      : null,
  };
}

/** The remembered refusal of a secret, while it pauses the school (auth-pause.ts). */
function pauseOf(t: { wecomAuthFailedAt: Date | null; wecomAuthFailure: string | null }): WecomAuthPausedError | null {
  try {
    assertNotPaused(t);
    return null;
  } catch (error) {
    return error as WecomAuthPausedError;
  }
}

/**
 * Saves the connection. A new corp id or base URL drops the stored secrets and
 * every cached token of the school (they belong to the old corp or API and must
 * never be sent to the new one), so the admin enters the secrets again. Any
 * change of credentials forgets a refused secret and resumes the paused jobs.
 */
export async function updateWecomSettings(
  prisma: PrismaClient,
  tenantId: string,
  key: Buffer,
  input: z.infer<typeof wecomSettingsInput>,
  actor: Actor,
) {
  // Checked here too: the schema is not the only caller's gate.
  if (!isAllowedWecomBaseUrl(input.apiBaseUrl)) throw new AppError("INVALID_INPUT");
  return prisma.$transaction(async (tx) => {
    // Row lock: two saves at once must not both keep the old secrets.
    await tx.$queryRawUnsafe(`SELECT 1 FROM "Tenant" WHERE id = $1::uuid FOR UPDATE`, tenantId);
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { wecomApiBaseUrl: true, wecomCorpId: true } });
    const moved = before.wecomApiBaseUrl !== input.apiBaseUrl || (before.wecomCorpId ?? "") !== input.corpId;
    const credentialsChanged = moved || Boolean(input.appSecret) || Boolean(input.contactSecret);
    await tx.tenant.update({
      where: { id: tenantId },
      data: {
        wecomApiBaseUrl: input.apiBaseUrl,
        wecomCorpId: input.corpId,
        wecomAgentId: input.agentId,
        assistantAppName: input.assistantAppName,
        ...(moved ? { wecomSecretEnc: null, wecomContactSecretEnc: null } : {}),
        ...(input.appSecret
          ? { wecomSecretEnc: encryptSecret(input.appSecret, key, sealContext("Tenant", "wecomSecretEnc", tenantId)) }
          : {}),
        ...(input.contactSecret
          ? { wecomContactSecretEnc: encryptSecret(input.contactSecret, key, sealContext("Tenant", "wecomContactSecretEnc", tenantId)) }
          : {}),
        ...(credentialsChanged ? { wecomAuthFailedAt: null, wecomAuthFailure: null } : {}),
      },
    });
    const droppedTokens = moved ? (await tx.wecomToken.deleteMany({ where: { tenantId } })).count : 0;
    const resumedJobs = credentialsChanged ? await resumePausedSyncJobs(tx, tenantId) : 0;
    const changedSecrets = [input.appSecret && "appSecret", input.contactSecret && "contactSecret"].filter(Boolean);
    await audit(tx, {
      actorKind: "tenantAdmin",
      actorId: actor.adminId,
      tenantId,
      action: "tenant.wecom.update",
      ip: actor.ip,
      detail: {
        apiBaseUrl: input.apiBaseUrl,
        corpId: input.corpId,
        agentId: input.agentId,
        changedSecrets,
        ...(moved
          ? { clearedSecrets: true, droppedTokens, previous: { apiBaseUrl: before.wecomApiBaseUrl, corpId: before.wecomCorpId } }
          : {}),
        ...(resumedJobs > 0 ? { resumedJobs } : {}),
      },
    });
    return { clearedSecrets: moved && !(input.appSecret && input.contactSecret) };
  });
}

export async function regenerateCallbackKeys(prisma: PrismaClient, tenantId: string, key: Buffer, actor: Actor) {
  const keys = generateCallbackKeys();
  await prisma.$transaction(async (tx) => {
    await tx.tenant.update({
      where: { id: tenantId },
      data: {
        wecomCallbackTokenEnc: encryptSecret(keys.token, key, sealContext("Tenant", "wecomCallbackTokenEnc", tenantId)),
        wecomCallbackAesKeyEnc: encryptSecret(keys.encodingAesKey, key, sealContext("Tenant", "wecomCallbackAesKeyEnc", tenantId)),
      },
    });
    await audit(tx, { actorKind: "tenantAdmin", actorId: actor.adminId, tenantId, action: "tenant.wecom.callbackKeys", ip: actor.ip });
  });
  return keys;
}

/**
 * 【测试连接】: a diagnosis of the school's WeCom (diagnose.ts), each check with
 * what the admin does in WeCom's console. Rate-limited per school, and answered
 * from memory while a refused secret pauses the school, so the button cannot
 * make the platform hammer WeCom.
 */
export async function testWecomConnection(prisma: PrismaClient, tenantId: string, key: Buffer, locale: Locale): Promise<Diagnosis> {
  await enforceRateLimit(prisma, { key: `wecom-test:${tenantId}`, ...WECOM_TEST_RATE_LIMIT });
  const { secretsAccepted, ...diagnosis } = await diagnoseWecomConnection({ prisma, tenantId, key }, locale);
  if (secretsAccepted) {
    // WeCom accepts the secrets again (e.g. fixed in its console after the pause expired): resume what waited.
    await prisma.$transaction(async (tx) => {
      await tx.tenant.update({ where: { id: tenantId }, data: { wecomAuthFailedAt: null, wecomAuthFailure: null } });
      await resumePausedSyncJobs(tx, tenantId);
    });
  }
  return diagnosis;
}
