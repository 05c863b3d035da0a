// A school's WeCom connection as its admins edit it. Secrets are write-only:
// the page says whether one is set, never what it is. The callback Token and
// EncodingAESKey are shown, since the admin must copy them into WeCom's console.
import { platformOrigin } from "~/server/tenants/public-origin";
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";
import { can } from "~/server/auth/permissions";
import { auditActor, unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { assertNotPaused, resumePausedSyncJobs } from "./auth-pause";
import { isAllowedWecomBaseUrl, WECOM_API_BASE_URL, wecomBaseUrlChoices } from "./base-url";
import { generateCallbackKeys } from "./callback-crypto";
import { diagnoseWecomConnection, type Diagnosis } from "./diagnose";
import { type WecomAuthPausedError } from "./errors";
import { wecomSealContext } from "./seals";

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

/** The connection as the back office shows it; the callback keys only to those who may see them (permissions.ts). */
export async function wecomSettings(scope: TenantScope) {
  const key = encryptionKey();
  const tenantId = scope.tenant.id;
  const c = await scope.db.wecomConnection.findUniqueOrThrow({ where: { tenantId } });
  const showKeys = scope.actor.kind !== "tenantAdmin" || can(scope.actor.role, "wecom.secrets");
  const pause = pauseOf(c);
  return {
    apiBaseUrl: c.apiBaseUrl,
    usesRealWecom: c.apiBaseUrl === WECOM_API_BASE_URL,
    /** The addresses the admin may choose between; the stored one may be none of them (an old row). */
    apiBaseUrlChoices: wecomBaseUrlChoices(),
    apiBaseUrlAllowed: isAllowedWecomBaseUrl(c.apiBaseUrl),
    /** Set while a secret WeCom refused pauses the school's sync: the admin's message only. */
    authPause: pause && { zh: pause.messageIn("zh-CN"), en: pause.messageIn("en") },
    corpId: c.corpId ?? "",
    agentId: c.agentId,
    assistantAppName: c.assistantAppName,
    hasAppSecret: c.appSecretEnc !== null,
    hasContactSecret: c.contactSecretEnc !== null,
    /** The school's origin as the platform knows it (never as a request's Host says it): the callback and 二次验证 URLs registered in WeCom start with it. */
    origin: platformOrigin(scope.tenant.slug),
    callbackPath: `/api/wecom/callback/${scope.tenant.slug}`,
    callbackToken:
      showKeys && c.callbackTokenEnc ? decryptSecret(c.callbackTokenEnc, key, wecomSealContext("callbackTokenEnc", tenantId)) : null,
    callbackAesKey:
      showKeys && c.callbackAesKeyEnc ? decryptSecret(c.callbackAesKeyEnc, key, wecomSealContext("callbackAesKeyEnc", tenantId)) : null,
  };
}

/** The remembered refusal of a secret, while it pauses the school (auth-pause.ts). */
function pauseOf(c: { authFailedAt: Date | null; authFailure: string | null }): WecomAuthPausedError | null {
  try {
    assertNotPaused(c);
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
export async function updateWecomSettings(scope: TenantScope, input: z.infer<typeof wecomSettingsInput>) {
  // Checked here too: the schema is not the only caller's gate.
  if (!isAllowedWecomBaseUrl(input.apiBaseUrl)) throw new AppError("INVALID_INPUT");
  const key = encryptionKey();
  const tenantId = scope.tenant.id;
  // The row lock and the pg-boss update are SQL the tenant-bound client does not run; both name the school.
  return unscopedClient(scope).$transaction(async (tx) => {
    // Row lock: two saves at once must not both keep the old secrets.
    await tx.$queryRawUnsafe(`SELECT 1 FROM "WecomConnection" WHERE "tenantId" = $1::uuid FOR UPDATE`, tenantId);
    const before = await tx.wecomConnection.findUniqueOrThrow({ where: { tenantId }, select: { apiBaseUrl: true, corpId: true } });
    const moved = before.apiBaseUrl !== input.apiBaseUrl || (before.corpId ?? "") !== input.corpId;
    const credentialsChanged = moved || Boolean(input.appSecret) || Boolean(input.contactSecret);
    await tx.wecomConnection.update({
      where: { tenantId },
      data: {
        apiBaseUrl: input.apiBaseUrl,
        corpId: input.corpId,
        agentId: input.agentId,
        assistantAppName: input.assistantAppName,
        ...(moved ? { appSecretEnc: null, contactSecretEnc: null } : {}),
        ...(input.appSecret ? { appSecretEnc: encryptSecret(input.appSecret, key, wecomSealContext("appSecretEnc", tenantId)) } : {}),
        ...(input.contactSecret
          ? { contactSecretEnc: encryptSecret(input.contactSecret, key, wecomSealContext("contactSecretEnc", tenantId)) }
          : {}),
        ...(credentialsChanged ? { authFailedAt: null, authFailure: null } : {}),
      },
    });
    const droppedTokens = moved ? (await tx.wecomToken.deleteMany({ where: { tenantId } })).count : 0;
    const resumedJobs = credentialsChanged ? await resumePausedSyncJobs(tx, tenantId) : 0;
    const changedSecrets = [input.appSecret && "appSecret", input.contactSecret && "contactSecret"].filter(Boolean);
    await audit(tx, {
      ...auditActor(scope.actor),
      tenantId,
      action: "tenant.wecom.update",
      detail: {
        apiBaseUrl: input.apiBaseUrl,
        corpId: input.corpId,
        agentId: input.agentId,
        changedSecrets,
        ...(moved ? { clearedSecrets: true, droppedTokens, previous: { apiBaseUrl: before.apiBaseUrl, corpId: before.corpId } } : {}),
        ...(resumedJobs > 0 ? { resumedJobs } : {}),
      },
    });
    return { clearedSecrets: moved && !(input.appSecret && input.contactSecret) };
  });
}

export async function regenerateCallbackKeys(scope: TenantScope) {
  const key = encryptionKey();
  const tenantId = scope.tenant.id;
  const keys = generateCallbackKeys();
  await scope.db.$transaction(async (tx) => {
    await tx.wecomConnection.update({
      where: { tenantId },
      data: {
        callbackTokenEnc: encryptSecret(keys.token, key, wecomSealContext("callbackTokenEnc", tenantId)),
        callbackAesKeyEnc: encryptSecret(keys.encodingAesKey, key, wecomSealContext("callbackAesKeyEnc", tenantId)),
      },
    });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.wecom.callbackKeys" });
  });
  return keys;
}

/**
 * 【测试连接】: a diagnosis of the school's WeCom (diagnose.ts), each check with
 * what the admin does in WeCom's console. Rate-limited per school, and answered
 * from memory while a refused secret pauses the school, so the button cannot
 * make the platform hammer WeCom.
 */
export async function testWecomConnection(scope: TenantScope): Promise<Diagnosis> {
  const prisma = unscopedClient(scope);
  const tenantId = scope.tenant.id;
  await enforceRateLimit(prisma, { key: `wecom-test:${tenantId}`, ...WECOM_TEST_RATE_LIMIT });
  const { secretsAccepted, ...diagnosis } = await diagnoseWecomConnection(scope);
  // Each check's id and status, for the go-live checklist (go-live.ts): no words, no remote text.
  const lastTestChecks = diagnosis.checks.map((c) => ({ id: c.id, status: c.status }));
  await prisma.wecomConnection.update({ where: { tenantId }, data: { lastTestAt: new Date(), lastTestChecks } });
  if (secretsAccepted) {
    // WeCom accepts the secrets again (e.g. fixed in its console after the pause expired): resume what waited.
    await prisma.$transaction(async (tx) => {
      await tx.wecomConnection.update({ where: { tenantId }, data: { authFailedAt: null, authFailure: null } });
      await resumePausedSyncJobs(tx, tenantId);
    });
  }
  return diagnosis;
}
