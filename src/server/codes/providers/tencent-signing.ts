// Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256 (the "签名方法 v3" page of
// Tencent's API documentation). Pure: the same inputs always give the same headers,
// which is what the unit test holds against Tencent's published example.
import { createHash, createHmac } from "node:crypto";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

export type Tc3Input = {
  secretId: string;
  secretKey: string;
  /** The product, the host's first label: "sms" for sms.tencentcloudapi.com. */
  service: string;
  /**
   * Every signed header, content-type and host included. Keys and values are lower-cased and
   * trimmed as the page prescribes (so X-TC-Action "SendSms" is signed as "sendsms").
   */
  signedHeaders: Record<string, string>;
  /** X-TC-Timestamp, in seconds. Its UTC date, not the local one, goes into the credential scope. */
  timestamp: number;
  /** The exact bytes sent as the body. */
  payload: string;
};

export type Tc3Signature = {
  canonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
  signedHeaderNames: string;
  signature: string;
  authorization: string;
};

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const hmac = (key: Buffer | string, message: string) => createHmac("sha256", key).update(message, "utf8").digest();

/** The credential scope's date: YYYY-MM-DD in UTC (a local date breaks every request between 00:00 and 08:00 in China). */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** SecretDate → SecretService → SecretSigning, the key the string to sign is signed with. */
export function tc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  return hmac(secretService, "tc3_request");
}

export function tc3Sign(signingKey: Buffer, stringToSign: string): string {
  return hmac(signingKey, stringToSign).toString("hex");
}

/** Signs a POST to "/" with an empty query string, the only form this product sends. */
export function signTc3(input: Tc3Input): Tc3Signature {
  const headers = Object.entries(input.signedHeaders)
    .map(([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = new Set(headers.map(([name]) => name));
  if (!names.has("content-type") || !names.has("host")) throw new Error("TC3 signs content-type and host at least.");
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join("");
  const signedHeaderNames = headers.map(([name]) => name).join(";");
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, signedHeaderNames, sha256Hex(input.payload)].join("\n");
  const date = tc3Date(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join("\n");
  const signature = tc3Sign(tc3SigningKey(input.secretKey, date, input.service), stringToSign);
  const authorization =
    `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, ` + `SignedHeaders=${signedHeaderNames}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, credentialScope, signedHeaderNames, signature, authorization };
}
