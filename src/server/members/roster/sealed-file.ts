// The uploaded file is kept, sealed, between the preview and the import (it holds ID numbers), bound
// to its job's row like every sealed value (crypto/secrets.ts), and cleared once the import ends.
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";

const context = (importJobId: string) => sealContext("ImportJob", "fileEnc", importJobId);

export function sealRosterFile(importJobId: string, bytes: Uint8Array): string {
  return encryptSecret(Buffer.from(bytes).toString("base64"), encryptionKey(), context(importJobId));
}

export function openRosterFile(importJobId: string, sealed: string): Uint8Array {
  return Buffer.from(decryptSecret(sealed, encryptionKey(), context(importJobId)), "base64");
}
