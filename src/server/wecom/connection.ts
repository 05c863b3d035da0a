// A tenant's WeCom connection: where its API lives (the real one, or the
// bundled simulator) and the secrets, decrypted only when a call needs them.
import type { PrismaClient } from "~/generated/prisma/client";
import { decryptSecret, sealContext } from "~/server/crypto/secrets";
import { WecomNotConfiguredError } from "./errors";

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
} as const;

export async function loadWecomConnection(prisma: PrismaClient, tenantId: string, key: Buffer): Promise<WecomConnection> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: wecomConnectionSelect });
  const missing = [
    !tenant.wecomCorpId && "CorpID",
    tenant.wecomAgentId === null && "AgentID",
    !tenant.wecomSecretEnc && "Secret",
  ].filter((m): m is string => typeof m === "string");
  if (missing.length > 0) throw new WecomNotConfiguredError(missing);
  const appSecret = decryptSecret(tenant.wecomSecretEnc!, key, sealContext("Tenant", "wecomSecretEnc", tenantId));
  return {
    tenantId,
    baseUrl: tenant.wecomApiBaseUrl.replace(/\/+$/, ""),
    corpId: tenant.wecomCorpId!,
    agentId: tenant.wecomAgentId!,
    appSecret,
    contactSecret: tenant.wecomContactSecretEnc ? decryptSecret(tenant.wecomContactSecretEnc, key, sealContext("Tenant", "wecomContactSecretEnc", tenantId)) : appSecret,
  };
}
