// Phone numbers as members type them: a mainland number is 11 digits starting
// 1[3-9]; a foreign one is written with "00" before the country code (UCAS FAQ 9).
// Stored as E.164, shown the way the member typed it.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type PhoneResult =
  | { ok: true; e164: string; display: string; foreign: boolean }
  | { ok: false; reason: "MAINLAND_FORMAT" | "FOREIGN_INVALID" | "FOREIGN_NOT_ALLOWED" };

const MAINLAND = /^1[3-9]\d{9}$/;

export function normalisePhone(input: string, options: { allowForeign: boolean }): PhoneResult {
  const typed = input.replace(/[\s-]/g, "");
  const asInternational = typed.startsWith("00") ? `+${typed.slice(2)}` : typed.startsWith("+") ? typed : null;
  if (asInternational === null || asInternational.startsWith("+86")) {
    const national = asInternational ? asInternational.slice(3) : typed;
    return MAINLAND.test(national)
      ? { ok: true, e164: `+86${national}`, display: national, foreign: false }
      : { ok: false, reason: "MAINLAND_FORMAT" };
  }
  if (!options.allowForeign) return { ok: false, reason: "FOREIGN_NOT_ALLOWED" };
  const parsed = parsePhoneNumberFromString(asInternational);
  if (!parsed?.isValid()) return { ok: false, reason: "FOREIGN_INVALID" };
  return { ok: true, e164: parsed.number, display: `00${parsed.number.slice(1)}`, foreign: true };
}

/** The country calling code of a number in E.164 ("852" for +85291234567, "86" for the mainland). */
export function countryCallingCode(e164: string): string {
  if (e164.startsWith("+86")) return "86";
  return parsePhoneNumberFromString(e164)?.countryCallingCode ?? "";
}
