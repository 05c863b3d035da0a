// ID numbers as the member form takes them. A resident ID (GB 11643) has 17 digits and a check
// character; a wrong check character is refused, never "corrected". Other documents are kept as typed
// (normalised: full-width to ASCII, upper case).
import { normaliseIdNumber } from "~/server/crypto/secrets";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export const RESIDENT_ID_SHAPE = /^\d{17}[\dX]$/;

/** Whether an 18-character resident ID's check character (GB 11643) is right. */
export function residentIdCheckOk(value: string): boolean {
  const id = normaliseIdNumber(value);
  if (!RESIDENT_ID_SHAPE.test(id)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}
