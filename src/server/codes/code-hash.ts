// Codes are never stored: only an HMAC-SHA256 under a key derived for codes alone
// (HKDF from APP_ENCRYPTION_KEY, per school), over the code and the row it belongs to.
// Six digits are a million guesses, so an unkeyed hash would be no protection at all;
// with the key, a copy of the table gives nothing, and a hash copied into another row
// (or school) does not match there.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** What a code's hash is bound to, besides the code. */
export type CodeBinding = { id: string; tenantId: string; purpose: string; destination: string };

function derivedKey(key: Buffer, tenantId: string, info: string): Buffer {
  if (!tenantId) throw new Error("Code keys are derived per school: pass the tenant id.");
  return Buffer.from(hkdfSync("sha256", key, Buffer.from(tenantId, "utf8"), info, 32));
}

function mac(key: Buffer, binding: CodeBinding, code: string): Buffer {
  return createHmac("sha256", derivedKey(key, binding.tenantId, "verification-code"))
    .update([binding.id, binding.purpose, binding.destination, code].join("\n"), "utf8")
    .digest();
}

/** The stored form of a code: 43 base64url characters. */
export function hashCode(key: Buffer, binding: CodeBinding, code: string): string {
  return mac(key, binding, code).toString("base64url");
}

/** Whether `code` is the one hashed into `stored` for this row, compared in constant time. */
export function codeMatches(key: Buffer, binding: CodeBinding, code: string, stored: string): boolean {
  const expected = Buffer.from(stored, "base64url");
  const actual = mac(key, binding, code);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A destination as rate-limit keys name it: the RateLimit table is platform-wide and kept
 * for a day, so it holds a keyed tag (128 bits) of the phone or address, never the value.
 */
export function destinationTag(key: Buffer, tenantId: string, destination: string): string {
  return createHmac("sha256", derivedKey(key, tenantId, "verification-code-limits"))
    .update(destination, "utf8")
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}
