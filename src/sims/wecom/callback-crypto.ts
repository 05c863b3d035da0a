// The encoder side of WeCom's callback crypto (reference §7.2), written from the reference alone:
// the product's decoder is written independently and the tests cross-check the two.
//   AESKey  = base64(EncodingAESKey + "=")            32 bytes, AES-256-CBC, IV = AESKey[0..16)
//   plain   = random(16) | msg_len (uint32 BE) | msg | receiveid, PKCS#7-padded to a multiple of 32
//   Encrypt = base64(AES-CBC(plain)), msg_signature = sha1(sorted(token, timestamp, nonce, Encrypt).join(""))
import { createCipheriv, createHash, randomBytes, randomInt } from "node:crypto";

const BLOCK = 32;

export function decodeEncodingAesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new Error("EncodingAESKey must be 43 characters of [A-Za-z0-9].");
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  if (key.length !== 32) throw new Error("EncodingAESKey does not decode to 32 bytes.");
  return key;
}

/** A fresh EncodingAESKey, as the admin console's 随机获取 makes one. */
export function generateEncodingAesKey(): string {
  for (;;) {
    const candidate = randomBytes(32).toString("base64").slice(0, 43);
    // base64 of 32 bytes uses "+" and "/" too; WeCom's keys are alphanumeric, so draw again.
    if (/^[A-Za-z0-9]{43}$/.test(candidate)) return candidate;
  }
}

/** PKCS#7 with a 32-byte block: 1..32 pad bytes, a whole block when already aligned. */
function pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

export type EncryptOptions = {
  encodingAesKey: string;
  /** The corpid for company apps and the contact-sync assistant (the suite_id for third-party suites). */
  receiveId: string;
  message: string;
  /** 16 bytes; random when omitted. Fixed only to reproduce test vectors. */
  random?: Buffer;
};

export function encryptCallbackMessage({ encodingAesKey, receiveId, message, random }: EncryptOptions): string {
  const key = decodeEncodingAesKey(encodingAesKey);
  const prefix = random ?? randomBytes(16);
  if (prefix.length !== 16) throw new Error("The random prefix must be 16 bytes.");
  const msg = Buffer.from(message, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length, 0);
  const plain = pad(Buffer.concat([prefix, length, msg, Buffer.from(receiveId, "utf8")]));
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  // Padding is ours (to 32), so OpenSSL's own 16-byte PKCS#7 must stay off.
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}

export function computeMsgSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash("sha1").update([token, timestamp, nonce, encrypted].sort().join("")).digest("hex");
}

export type SignedCallback = {
  /** Query parameters of the POST (or GET, for URL verification). */
  query: { msg_signature: string; timestamp: string; nonce: string };
  encrypt: string;
  /** The XML body WeCom POSTs: ToUserName, AgentID, Encrypt. */
  body: string;
};

export type BuildCallbackOptions = EncryptOptions & {
  token: string;
  /** AgentID element of the envelope; empty for the contact-sync assistant. */
  agentId?: number | string;
  timestamp?: string;
  nonce?: string;
};

export function buildEncryptedCallback(options: BuildCallbackOptions): SignedCallback {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? String(randomInt(1_000_000_000, 9_999_999_999));
  const encrypt = encryptCallbackMessage(options);
  const agent = options.agentId === undefined ? "" : String(options.agentId);
  const body =
    `<xml><ToUserName>${cdata(options.receiveId)}</ToUserName>` +
    `<AgentID>${cdata(agent)}</AgentID><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
  return { query: { msg_signature: computeMsgSignature(options.token, timestamp, nonce, encrypt), timestamp, nonce }, encrypt, body };
}

/** CDATA cannot contain "]]>", so such a value is split across two sections. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** One element of an event message: strings go in CDATA, numbers bare (as WeCom writes CreateTime, Status …). */
export type XmlField = readonly [name: string, value: string | number];

export function buildEventXml(fields: readonly XmlField[]): string {
  return `<xml>${fields.map(([name, value]) => `<${name}>${typeof value === "number" ? String(value) : cdata(value)}</${name}>`).join("")}</xml>`;
}

export type UrlVerificationOptions = {
  url: string;
  token: string;
  encodingAesKey: string;
  receiveId: string;
  /** The plaintext the server must answer with; random digits when omitted. */
  echo?: string;
  /** WeCom wants the answer within 1 s. */
  timeoutMs?: number;
};

export type UrlVerificationResult = {
  ok: boolean;
  status: number | null;
  body: string;
  expected: string;
  error?: string;
  durationMs: number;
};

/**
 * Makes WeCom's URL-verification request: GET url?msg_signature&timestamp&nonce&echostr, and
 * passes when the answer is HTTP 200 with exactly the decrypted echo (no quotes, BOM or newline).
 */
export async function verifyCallbackUrl(options: UrlVerificationOptions): Promise<UrlVerificationResult> {
  const expected = options.echo ?? String(randomInt(1_000_000_000, 9_999_999_999)) + String(randomInt(100_000_000, 999_999_999));
  const signed = buildEncryptedCallback({ ...options, message: expected });
  const target = new URL(options.url);
  for (const [k, v] of Object.entries({ ...signed.query, echostr: signed.encrypt })) target.searchParams.set(k, v);
  const started = Date.now();
  try {
    const response = await fetch(target, { signal: AbortSignal.timeout(options.timeoutMs ?? 1000) });
    const body = await response.text();
    return { ok: response.status === 200 && body === expected, status: response.status, body, expected, durationMs: Date.now() - started };
  } catch (error) {
    return {
      ok: false,
      status: null,
      body: "",
      expected,
      error: error instanceof Error ? error.message : String(error),
      durationMs: Date.now() - started,
    };
  }
}
