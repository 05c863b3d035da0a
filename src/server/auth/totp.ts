// Time-based one-time codes (RFC 6238) as every authenticator app makes them:
// HMAC-SHA-1, 6 digits, a new code every 30 seconds. The arithmetic is
// otpauth's; this file fixes the parameters and says which time step a code is.
import * as OTPAuth from "otpauth";
import { sealContext } from "~/server/crypto/secrets";

const PARAMS = { algorithm: "SHA1", digits: 6, period: 30 } as const;
/** The code of the step before and after now is accepted too: phones' clocks drift. */
const WINDOW = 1;

/** A fresh random secret of 160 bits (RFC 4226's recommendation), in base32. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** What the QR code holds: otpauth://totp/… with the issuer and account. */
export function totpUri(secretBase32: string, issuer: string, account: string): string {
  return new OTPAuth.TOTP({ ...PARAMS, issuer, label: account, secret: OTPAuth.Secret.fromBase32(secretBase32) }).toString();
}

/** The 30-second step a moment falls in. */
export function totpStep(at: number = Date.now()): number {
  return OTPAuth.TOTP.counter({ period: PARAMS.period, timestamp: at });
}

/** The code of a secret at a moment (for seeds, tests and the e2e suite). */
export function totpCode(secretBase32: string, at: number = Date.now()): string {
  return OTPAuth.TOTP.generate({ ...PARAMS, secret: OTPAuth.Secret.fromBase32(secretBase32), timestamp: at });
}

/**
 * The time step whose code this is (now, or one step either side), or null when
 * it is no code of this secret now. Spaces are allowed ("123 456").
 */
export function totpStepOf(secretBase32: string, code: string | undefined, at: number = Date.now()): number | null {
  const token = (code ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = OTPAuth.TOTP.validate({ ...PARAMS, token, secret: OTPAuth.Secret.fromBase32(secretBase32), timestamp: at, window: WINDOW });
  return delta === null ? null : totpStep(at) + delta;
}

/** A vendor's TOTP secret is sealed to its row (see crypto/secrets.ts). */
export const totpSecretContext = (vendorId: string) => sealContext("VendorAdmin", "totpSecretEnc", vendorId);
