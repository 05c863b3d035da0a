// The resident identity card number of GB 11643-1999: 17 digits and a check character computed
// with ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11; the remainder picks from "10X98765432").
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/** The check character the first 17 digits call for. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type ResidentIdVerdict = "ok" | "format" | "checkDigit";

/** An 18-character number, NFKC-normalised and upper-cased by the caller. */
export function checkResidentId(value: string): ResidentIdVerdict {
  if (!/^\d{17}[\dX]$/.test(value)) return "format";
  return residentIdCheckChar(value.slice(0, 17)) === value[17] ? "ok" : "checkDigit";
}

/** The ID types checked as a resident ID card; an empty type with a number is taken as one (most rosters). */
const RESIDENT_ID_TYPES = new Set([
  "",
  "居民身份证",
  "身份证",
  "中华人民共和国居民身份证",
  "二代身份证",
  "residentidcard",
  "idcard",
  "resident id card",
  "id card",
]);

export function isResidentIdType(idType: string): boolean {
  return RESIDENT_ID_TYPES.has(idType.toLowerCase());
}
