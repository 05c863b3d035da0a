// The seal contexts of a school's WeCom secrets (crypto/secrets.ts binds each
// sealed value to its table, column and row). They name the values' first home,
// Tenant.<column>: the migration that moved them to WecomConnection kept their
// ciphertext, and the context is only an identity for the value, unique per
// secret and school, so a value copied into another column or school still
// does not open.
import { sealContext, type SealContext } from "~/server/crypto/secrets";

const FIRST_HOME = {
  appSecretEnc: "wecomSecretEnc",
  contactSecretEnc: "wecomContactSecretEnc",
  callbackTokenEnc: "wecomCallbackTokenEnc",
  callbackAesKeyEnc: "wecomCallbackAesKeyEnc",
} as const;

export type WecomSealedColumn = keyof typeof FIRST_HOME;

export const WECOM_SEALED_COLUMNS = Object.keys(FIRST_HOME) as WecomSealedColumn[];

export function wecomSealContext(column: WecomSealedColumn, tenantId: string): SealContext {
  return sealContext("Tenant", FIRST_HOME[column], tenantId);
}
