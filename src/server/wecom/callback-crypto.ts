// WeCom's callback crypto, product side (reference §7.2): verify msg_signature,
// decrypt Encrypt / echostr, check the receiver id, and seal passive replies.
// Written from the reference alone, independently of the simulator's encoder,
// so that each checks the other.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

export class CallbackCryptoError extends Error {
  constructor(
    /** The codes of WeCom's helper libraries: -40001 bad signature, -40004 bad key, -40005 receiver mismatch, -40007 decrypt error. */
    readonly code: -40001 | -40002 | -40004 | -40005 | -40007,
    message: string,
  ) {
    super(message);
    this.name = "CallbackCryptoError";
  }
}

const BLOCK = 32;

export function aesKeyFrom(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new CallbackCryptoError(-40004, "EncodingAESKey must be 43 letters or digits.");
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  if (key.length !== 32) throw new CallbackCryptoError(-40004, "EncodingAESKey does not decode to 32 bytes.");
  return key;
}

/** sha1 over the four values sorted as strings, in lower-case hex. */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash("sha1").update([token, timestamp, nonce, encrypted].sort().join("")).digest("hex");
}

export function verifySignature(expected: string, token: string, timestamp: string, nonce: string, encrypted: string): boolean {
  const actual = Buffer.from(callbackSignature(token, timestamp, nonce, encrypted));
  const given = Buffer.from(expected.toLowerCase());
  return given.length === actual.length && timingSafeEqual(given, actual);
}

export type CallbackKeys = { token: string; encodingAesKey: string; receiveId: string };

/** Decrypts an Encrypt value or echostr and checks it was meant for `receiveId` (the corp id). */
export function decryptMessage(encrypted: string, keys: Pick<CallbackKeys, "encodingAesKey" | "receiveId">): string {
  const key = aesKeyFrom(keys.encodingAesKey);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, "base64")), decipher.final()]);
  } catch {
    throw new CallbackCryptoError(-40007, "The message does not decrypt with this EncodingAESKey.");
  }
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) throw new CallbackCryptoError(-40007, "The message's padding is malformed.");
  const body = plain.subarray(16, plain.length - pad);
  const length = body.readUInt32BE(0);
  if (4 + length > body.length) throw new CallbackCryptoError(-40007, "The message's length field is malformed.");
  const message = body.subarray(4, 4 + length).toString("utf8");
  const receiveId = body.subarray(4 + length).toString("utf8");
  if (receiveId !== keys.receiveId) throw new CallbackCryptoError(-40005, "The message was meant for another corp.");
  return message;
}

/** Verifies and decrypts in one step; a wrong signature never reaches the cipher. */
export function openCallback(
  params: { signature: string; timestamp: string; nonce: string; encrypted: string },
  keys: CallbackKeys,
): string {
  if (!verifySignature(params.signature, keys.token, params.timestamp, params.nonce, params.encrypted)) {
    throw new CallbackCryptoError(-40001, "msg_signature does not match.");
  }
  return decryptMessage(params.encrypted, keys);
}

/** Encrypts a passive reply (reference §7.2), for answers the product sends back to WeCom. */
export function encryptMessage(
  message: string,
  keys: Pick<CallbackKeys, "encodingAesKey" | "receiveId">,
  random: Buffer = randomBytes(16),
): string {
  const key = aesKeyFrom(keys.encodingAesKey);
  const msg = Buffer.from(message, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length);
  const body = Buffer.concat([random, length, msg, Buffer.from(keys.receiveId, "utf8")]);
  const pad = BLOCK - (body.length % BLOCK);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString("base64");
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomAlphanumeric(length: number): string {
  // 62 does not divide 256: drop the bytes that would skew the choice.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length)) if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
  }
  return out;
}

/** A Token and an EncodingAESKey for a new callback URL (both typed into WeCom's console). */
export function generateCallbackKeys(): { token: string; encodingAesKey: string } {
  return { token: randomAlphanumeric(32), encodingAesKey: randomAlphanumeric(43) };
}
