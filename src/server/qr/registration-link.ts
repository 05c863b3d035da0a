// The signed links behind a school's QR codes (PRODUCT "Tenants → QR codes"): each names its
// school and its purpose and carries an HMAC under a key derived from APP_ENCRYPTION_KEY for
// that school, so a link cannot be made for a school, nor turned into another school's, by
// editing it. The school's id (not its slug) is in the token, so a printed poster survives a
// change of slug; a link opened on another school's host is recognised as the other school's
// (UCAS FAQ 4(3): 「扫描的码不对」) and the page names the right school.
//
// Token: "1.<purpose letter>.<tenant id, 16 bytes base64url>.<HMAC-SHA256, first 16 bytes, base64url>".
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * What a QR code is for, and the page of the school it opens: the registration QR (/join) and the
 * unbind QR some schools print beside it (IMUT 二), which opens 解绑微信 (through sign-in when needed).
 */
export const QR_PURPOSES = { register: { letter: "r", path: "/join" }, unbind: { letter: "u", path: "/me/unbind" } } as const;
export type QrPurpose = keyof typeof QR_PURPOSES;

const VERSION = "1";
const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function linkKey(key: Buffer, tenantId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", key, Buffer.from(tenantId, "utf8"), "qr-link", 32));
}

function mac(key: Buffer, tenantId: string, purpose: QrPurpose): Buffer {
  return createHmac("sha256", linkKey(key, tenantId))
    .update([VERSION, purpose, tenantId].join("\n"), "utf8")
    .digest()
    .subarray(0, MAC_BYTES);
}

const uuidToBase64 = (uuid: string) => Buffer.from(uuid.replace(/-/g, ""), "hex").toString("base64url");

function base64ToUuid(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{22}$/.test(text)) return null;
  const hex = Buffer.from(text, "base64url").toString("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return UUID.test(uuid) ? uuid : null;
}

export function signQrToken(key: Buffer, tenantId: string, purpose: QrPurpose): string {
  return [VERSION, QR_PURPOSES[purpose].letter, uuidToBase64(tenantId), mac(key, tenantId, purpose).toString("base64url")].join(".");
}

export type QrTokenCheck =
  | { kind: "valid"; tenantId: string; purpose: QrPurpose }
  /** Not a token of this platform, or altered: the signature does not match. */
  | { kind: "invalid" };

/** Reads a token: which school and purpose it was signed for, if its signature holds. */
export function readQrToken(key: Buffer, token: string): QrTokenCheck {
  if (token.length > 100) return { kind: "invalid" };
  const [version, letter, tenantPart, macPart, ...rest] = token.split(".");
  if (version !== VERSION || rest.length > 0 || !tenantPart || !macPart) return { kind: "invalid" };
  const purpose = (Object.keys(QR_PURPOSES) as QrPurpose[]).find((p) => QR_PURPOSES[p].letter === letter);
  const tenantId = base64ToUuid(tenantPart);
  if (!purpose || !tenantId) return { kind: "invalid" };
  const given = Buffer.from(macPart, "base64url");
  const expected = mac(key, tenantId, purpose);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: "invalid" };
  return { kind: "valid", tenantId, purpose };
}
