// Secrets kept for tenants (WeCom secret, OIDC client secret) and members' ID
// numbers are stored encrypted with AES-256-GCM under APP_ENCRYPTION_KEY.
// Format: "v1.<iv>.<tag>.<ciphertext>", each base64url; the version leaves room
// for key rotation.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

export function parseKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("APP_ENCRYPTION_KEY must be 32 bytes, base64-encoded.");
  return key;
}

export function encryptSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Not an encrypted secret of this platform.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * A keyed hash of an ID number, for exact-match search and for finding the
 * identities that share one ID number, without storing the number in clear.
 */
export function blindIndex(value: string, key: Buffer): string {
  const normalised = value.trim().toUpperCase();
  return createHmac("sha256", key).update("id-number:").update(normalised).digest("hex");
}

/** Shows a quarter of the characters at each end, at most four: 1305**********1234, E1*****78. */
export function maskIdNumber(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 4));
  if (shown === 0) return "*".repeat(value.length);
  return value.slice(0, shown) + "*".repeat(value.length - 2 * shown) + value.slice(-shown);
}
