// A tenant's WeCom connection: where its API lives (the real one, or the
// bundled simulator) and the secrets, decrypted only when a call needs them.
import type { PrismaClient } from "~/generated/prisma/client";
import { decryptSecret } from "~/server/crypto/secrets";
import { assertNotPaused } from "./auth-pause";
import { isAllowedWecomBaseUrl } from "./base-url";
import { WecomBaseUrlError, WecomNotConfiguredError } from "./errors";
import { wecomSealContext } from "./seals";

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
  apiBaseUrl: true,
  corpId: true,
  agentId: true,
  appSecretEnc: true,
  contactSecretEnc: true,
  authFailedAt: true,
  authFailure: true,
} as const;

export async function loadWecomConnection(prisma: PrismaClient, tenantId: string, key: Buffer): Promise<WecomConnection> {
  const row = await prisma.wecomConnection.findUnique({ where: { tenantId }, select: wecomConnectionSelect });
  const missing = [!row?.corpId && "CorpID", (row?.agentId ?? null) === null && "AgentID", !row?.appSecretEnc && "Secret"].filter(
    (m): m is string => typeof m === "string",
  );
  if (!row || missing.length > 0) throw new WecomNotConfiguredError(missing);
  // A row saved before the platform chose the base URLs, or one the operator no longer allows.
  if (!isAllowedWecomBaseUrl(row.apiBaseUrl)) throw new WecomBaseUrlError("notAllowed");
  // A secret WeCom refused is not sent again until the settings change (auth-pause.ts).
  assertNotPaused(row);
  const appSecret = decryptSecret(row.appSecretEnc!, key, wecomSealContext("appSecretEnc", tenantId));
  return {
    tenantId,
    baseUrl: row.apiBaseUrl,
    corpId: row.corpId!,
    agentId: row.agentId!,
    appSecret,
    contactSecret: row.contactSecretEnc
      ? decryptSecret(row.contactSecretEnc, key, wecomSealContext("contactSecretEnc", tenantId))
      : appSecret,
  };
}
