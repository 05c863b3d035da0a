// Where a code goes: a phone in E.164 (the journey normalises what the member typed
// with members/phone.ts first) or an e-mail address in lower case. The caps, the
// lookups and the database's CHECK constraints all compare these forms.
import { z } from "zod";

export const CODE_CHANNELS = ["SMS", "EMAIL"] as const;
export type CodeChannel = (typeof CODE_CHANNELS)[number];

const E164 = /^\+[1-9]\d{6,14}$/;

export const phoneDestination = z.string().trim().regex(E164, "an E.164 phone number such as +8613800000001");
export const emailDestination = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** The channel a normalised destination belongs to. */
export function channelOf(destination: string): CodeChannel {
  return destination.includes("@") ? "EMAIL" : "SMS";
}

/** A destination as it may appear in a log line: 138****0001, z***@example.edu.cn. */
export function maskDestination(destination: string): string {
  if (channelOf(destination) === "EMAIL") {
    const [local = "", domain = ""] = destination.split("@");
    return `${local.slice(0, 1)}***@${domain}`;
  }
  const shown = displayPhone(destination);
  return `${shown.slice(0, shown.length - 8)}****${shown.slice(-4)}`;
}

/** A phone the way members type it (PRODUCT: mainland without +86, foreign with 00 before the country code). */
export function displayPhone(e164: string): string {
  if (e164.startsWith("+86")) return e164.slice(3);
  return e164.startsWith("+") ? `00${e164.slice(1)}` : e164;
}
