// Fault toggles for tests of the product's CAS client: validation answers a school's real server
// could give and a client must refuse or survive (reference §3.4–3.6, §5.2). They apply to the
// validation endpoints only (/validate, /serviceValidate, /proxyValidate, /p3/…); the ticket is
// still checked and spent first, so a refused answer cannot be retried into a success.
import { z } from "zod";
import { CAS_NS, escapeXml } from "./xml";

export const VALIDATION_FAULTS = [
  /** Cut off mid-document: not well-formed. */
  "malformed-xml",
  /** A DOCTYPE with an external entity (file:///etc/passwd) used as cas:user: an XXE attempt. */
  "xxe",
  /** Nested internal entities ("billion laughs"): entity expansion must be off. */
  "entity-bomb",
  /** HTTP 500 with Tomcat's HTML error page. */
  "http-500",
  /** A success whose elements are in another namespace: not a CAS answer. */
  "wrong-namespace",
  /** The CAS namespace as the default namespace, no `cas:` prefix: legal XML, the same answer. */
  "unprefixed",
  /** `attributes` without prefix or namespace inside a proper response (USTC's self-built CAS, reference §2.3). */
  "unprefixed-attributes",
  /** A failure that echoes the ticket unescaped, as old servers did (phpCAS #228): a crafted ticket then reads as a success to a substring test. */
  "echo-ticket-unescaped",
  /** A valid success followed by 2 MiB of attributes: a client must cap what it reads. */
  "oversized",
  /** INTERNAL_ERROR (CAS 3.0 §2.5.3) in a well-formed failure. */
  "internal-error",
] as const;
export type ValidationFault = (typeof VALIDATION_FAULTS)[number];

export const faultsInput = z.strictObject({
  /** What the next validation answers are replaced with; null clears it. */
  validation: z.enum(VALIDATION_FAULTS).nullable().optional(),
  /** How many validation answers the fault applies to; unlimited when omitted. */
  count: z.number().int().min(1).optional(),
  /** Added before every validation answer (a slow server: clients need a timeout, reference §3.5). */
  delayMs: z.number().int().min(0).max(120_000).optional(),
});

export type Faults = { validation: ValidationFault | null; remaining: number | null; delayMs: number };

export const noFaults = (): Faults => ({ validation: null, remaining: null, delayMs: 0 });

export function applyFaults(faults: Faults, input: z.output<typeof faultsInput>): Faults {
  if (input.validation !== undefined) faults.validation = input.validation;
  if (input.validation !== undefined || input.count !== undefined) faults.remaining = input.count ?? null;
  if (input.delayMs !== undefined) faults.delayMs = input.delayMs;
  return faults;
}

/** Takes one use of the validation fault, if any. */
export function takeValidationFault(faults: Faults): ValidationFault | null {
  const fault = faults.validation;
  if (!fault) return null;
  if (faults.remaining !== null) {
    faults.remaining -= 1;
    if (faults.remaining <= 0) {
      faults.validation = null;
      faults.remaining = null;
    }
  }
  return fault;
}

export type FaultAnswer = { status: number; contentType: string; body: string };

const xml = (body: string): FaultAnswer => ({ status: 200, contentType: "application/xml; charset=utf-8", body });

/** The answer a fault gives instead of the real one; `user` is who the real answer was about, `ticket` what was sent. */
export function faultAnswer(fault: ValidationFault, user: string, ticket: string): FaultAnswer {
  switch (fault) {
    case "malformed-xml":
      return xml(
        `<cas:serviceResponse xmlns:cas="${CAS_NS}">\n    <cas:authenticationSuccess>\n        <cas:user>${escapeXml(user)}</cas:us`,
      );
    case "xxe":
      return xml(
        `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE cas:serviceResponse [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n` +
          `<cas:serviceResponse xmlns:cas="${CAS_NS}">\n    <cas:authenticationSuccess>\n        <cas:user>&xxe;</cas:user>\n    </cas:authenticationSuccess>\n</cas:serviceResponse>\n`,
      );
    case "entity-bomb": {
      const levels = ['<!ENTITY lol0 "lol">'];
      for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      return xml(
        `<?xml version="1.0"?>\n<!DOCTYPE cas:serviceResponse [${levels.join("")}]>\n` +
          `<cas:serviceResponse xmlns:cas="${CAS_NS}"><cas:authenticationSuccess><cas:user>&lol9;</cas:user></cas:authenticationSuccess></cas:serviceResponse>\n`,
      );
    }
    case "http-500":
      return {
        status: 500,
        contentType: "text/html;charset=utf-8",
        body: '<!doctype html><html lang="en"><head><title>HTTP Status 500 – Internal Server Error</title></head><body><h1>HTTP Status 500 – Internal Server Error</h1></body></html>',
      };
    case "wrong-namespace":
      return xml(
        `<cas:serviceResponse xmlns:cas="http://example.invalid/not-cas">\n    <cas:authenticationSuccess>\n        <cas:user>${escapeXml(user)}</cas:user>\n    </cas:authenticationSuccess>\n</cas:serviceResponse>\n`,
      );
    case "unprefixed":
      return xml(
        `<serviceResponse xmlns="${CAS_NS}">\n    <authenticationSuccess>\n        <user>${escapeXml(user)}</user>\n    </authenticationSuccess>\n</serviceResponse>\n`,
      );
    case "unprefixed-attributes":
      return xml(
        `<cas:serviceResponse xmlns:cas="${CAS_NS}">\n    <cas:authenticationSuccess>\n        <cas:user>${escapeXml(user)}</cas:user>\n` +
          `        <attributes>\n            <gid>${escapeXml(user)}</gid>\n        </attributes>\n    </cas:authenticationSuccess>\n</cas:serviceResponse>\n`,
      );
    case "echo-ticket-unescaped":
      // Deliberately unescaped: this is the vulnerable server's bug, reproduced for the client's test.
      return xml(
        `<cas:serviceResponse xmlns:cas="${CAS_NS}">\n    <cas:authenticationFailure code="INVALID_TICKET">\n        Ticket ${ticket} not recognized\n    </cas:authenticationFailure>\n</cas:serviceResponse>\n`,
      );
    case "oversized": {
      const filler = "x".repeat(1024);
      const attrs = Array.from({ length: 2048 }, () => `            <cas:padding>${filler}</cas:padding>`).join("\n");
      return xml(
        `<cas:serviceResponse xmlns:cas="${CAS_NS}">\n    <cas:authenticationSuccess>\n        <cas:user>${escapeXml(user)}</cas:user>\n        <cas:attributes>\n${attrs}\n        </cas:attributes>\n    </cas:authenticationSuccess>\n</cas:serviceResponse>\n`,
      );
    }
    case "internal-error":
      return xml(
        `<cas:serviceResponse xmlns:cas="${CAS_NS}">\n    <cas:authenticationFailure code="INTERNAL_ERROR">\n        simulated internal error\n    </cas:authenticationFailure>\n</cas:serviceResponse>\n`,
      );
  }
}
