// ID numbers, for the member form and the roster import alike. A resident ID (GB 11643-1999) has
// 17 digits and a check character computed with ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11; the
// remainder picks from "10X98765432"); a wrong check character is refused, never "corrected".
// Other documents are kept as typed (normalised: full-width to ASCII, upper case).
import { normaliseIdNumber } from "~/server/crypto/secrets";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

export const RESIDENT_ID_SHAPE = /^\d{17}[\dX]$/;

/** The check character the first 17 digits call for. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type ResidentIdVerdict = "ok" | "format" | "checkDigit";

/** An 18-character number, NFKC-normalised and upper-cased by the caller. */
export function checkResidentId(value: string): ResidentIdVerdict {
  if (!RESIDENT_ID_SHAPE.test(value)) return "format";
  return residentIdCheckChar(value.slice(0, 17)) === value[17] ? "ok" : "checkDigit";
}

/** Whether a resident ID, as typed, has the right shape and check character. */
export const residentIdCheckOk = (value: string): boolean => checkResidentId(normaliseIdNumber(value)) === "ok";
