// Secrets kept for tenants (WeCom secrets, callback keys, OIDC client secret),
// cached tokens and members' ID numbers are stored encrypted with AES-256-GCM
// under APP_ENCRYPTION_KEY.
//
// Format "v2.<iv>.<tag>.<ciphertext>", each base64url, the tag always 16 bytes.
// A v2 ciphertext is bound to where it is stored: its additional authenticated
// data names the table, column and row (`sealContext`), so a value copied into
// another row or column fails to decrypt. "v1" (no binding) is only read by the
// one-off re-seal (db/reseal.ts); everything else refuses it.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const TAG_BYTES = 16;

export function parseKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("APP_ENCRYPTION_KEY must be 32 bytes, base64-encoded.");
  return key;
}

/** Where a sealed value lives, e.g. `Tenant.wecomSecretEnc:<tenantId>`; the row part is its id (or its unique key). */
export type SealContext = `${string}.${string}:${string}`;

export function sealContext(table: string, column: string, row: string): SealContext {
  if (!table || !column || !row) throw new Error("A sealed secret's context names its table, column and row.");
  return `${table}.${column}:${row}`;
}

export function encryptSecret(plaintext: string, key: Buffer, context: SealContext): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v2", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

function open(sealed: string, key: Buffer, version: "v1" | "v2", context: SealContext | null): string {
  const [v, iv, tag, body, ...rest] = sealed.split(".");
  if (v !== version || !iv || !tag || body === undefined || rest.length > 0) throw new Error("Not an encrypted secret of this platform.");
  const tagBytes = Buffer.from(tag, "base64url");
  // GCM accepts shorter tags, which are easier to forge: only the full 16 bytes are accepted.
  if (tagBytes.length !== TAG_BYTES) throw new Error("Not an encrypted secret of this platform.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  if (context !== null) decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Opens a v2 value sealed for `context`; a value of another row or column, or of the old format, is refused. */
export function decryptSecret(sealed: string, key: Buffer, context: SealContext): string {
  return open(sealed, key, "v2", context);
}

/** Only for the re-seal of values written before v2 (db/reseal.ts). */
export function decryptLegacySecret(sealed: string, key: Buffer): string {
  return open(sealed, key, "v1", null);
}

export function isLegacySealed(sealed: string): boolean {
  return sealed.startsWith("v1.");
}

/** The form an ID number is compared in: NFKC (full-width digits and letters become ASCII), trimmed, upper-case. */
export function normaliseIdNumber(value: string): string {
  return value.normalize("NFKC").trim().toUpperCase();
}

/** The school whose blind-index key was derived last: an import hashes 100,000 ID numbers of one school. */
let lastIndexKey: { key: Buffer; tenantId: string; derived: Buffer } | undefined;

/** A key derived for the blind index alone, and for one school: equal ID numbers in two schools hash differently. */
function blindIndexKey(key: Buffer, tenantId: string): Buffer {
  if (lastIndexKey?.key === key && lastIndexKey.tenantId === tenantId) return lastIndexKey.derived;
  const derived = Buffer.from(hkdfSync("sha256", key, Buffer.from(tenantId, "utf8"), "id-number-index", 32));
  lastIndexKey = { key, tenantId, derived };
  return derived;
}

/**
 * A keyed hash of an ID number, for exact-match search and for finding the
 * identities that share one ID number within a school, without storing the
 * number in clear.
 */
export function blindIndex(value: string, key: Buffer, tenantId: string): string {
  if (!tenantId) throw new Error("A blind index is computed per school: pass the tenant id.");
  return createHmac("sha256", blindIndexKey(key, tenantId)).update(normaliseIdNumber(value)).digest("hex");
}

/** Shows a quarter of the characters at each end, at most four: 1305**********1234, E1*****78. */
export function maskIdNumber(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 4));
  if (shown === 0) return "*".repeat(value.length);
  return value.slice(0, shown) + "*".repeat(value.length - 2 * shown) + value.slice(-shown);
}

/** A cached WeCom token's row is named by its unique key (its id is chosen by the upsert). */
export function wecomTokenContext(tenantId: string, cacheKey: string): SealContext {
  return sealContext("WecomToken", "tokenEnc", `${tenantId}/${cacheKey}`);
}
