// The code itself: uniform over every string of `length` digits, leading zeros included
// ("004271" is as likely as "904271"), from the operating system's CSPRNG.
import { randomInt } from "node:crypto";

export function generateCode(length: number): string {
  if (!Number.isInteger(length) || length < 1 || length > 10) throw new RangeError(`A code has 1–10 digits, not ${length}.`);
  // randomInt draws without modulo bias, so no digit string is likelier than another.
  return randomInt(0, 10 ** length)
    .toString()
    .padStart(length, "0");
}
