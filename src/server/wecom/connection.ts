// A tenant's WeCom connection: where its API lives (the real one, or the
// bundled simulator) and the secrets, decrypted only when a call needs them.
import type { PrismaClient } from "~/generated/prisma/client";
import { decryptSecret, sealContext } from "~/server/crypto/secrets";
import { assertNotPaused } from "./auth-pause";
import { isAllowedWecomBaseUrl } from "./base-url";
import { WecomBaseUrlError, WecomNotConfiguredError } from "./errors";

export type WecomConnection = {
  tenantId: string;
  baseUrl: string;
  corpId: string;
  agentId: number;
  /** The assistant app's secret: messages, OAuth, invitations. */
  appSecret: string;
  /** The contact-sync secret: directory writes. Falls back to the app secret when unset. */
  contactSecret: string;
};

export const wecomConnectionSelect = {
  id: true,
  wecomApiBaseUrl: true,
  wecomCorpId: true,
  wecomAgentId: true,
  wecomSecretEnc: true,
  wecomContactSecretEnc: true,
  wecomAuthFailedAt: true,
  wecomAuthFailure: true,
} as const;

export async function loadWecomConnection(prisma: PrismaClient, tenantId: string, key: Buffer): Promise<WecomConnection> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: wecomConnectionSelect });
  const missing = [!tenant.wecomCorpId && "CorpID", tenant.wecomAgentId === null && "AgentID", !tenant.wecomSecretEnc && "Secret"].filter(
    (m): m is string => typeof m === "string",
  );
  if (missing.length > 0) throw new WecomNotConfiguredError(missing);
  // A row saved before the platform chose the base URLs, or one the operator no longer allows.
  if (!isAllowedWecomBaseUrl(tenant.wecomApiBaseUrl)) throw new WecomBaseUrlError("notAllowed");
  // A secret WeCom refused is not sent again until the settings change (auth-pause.ts).
  assertNotPaused(tenant);
  const appSecret = decryptSecret(tenant.wecomSecretEnc!, key, sealContext("Tenant", "wecomSecretEnc", tenantId));
  return {
    tenantId,
    baseUrl: tenant.wecomApiBaseUrl,
    corpId: tenant.wecomCorpId!,
    agentId: tenant.wecomAgentId!,
    appSecret,
    contactSecret: tenant.wecomContactSecretEnc
      ? decryptSecret(tenant.wecomContactSecretEnc, key, sealContext("Tenant", "wecomContactSecretEnc", tenantId))
      : appSecret,
  };
}
