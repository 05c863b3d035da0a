// The back channel: our server asks the school's server whether a ticket is
// good (CAS 3.0 §2.5/§2.8), at once on the callback (Apereo's tickets live 10 s),
// over https to a public address (or the operator's simulator), within 8 s, at
// most 64 KiB read, no redirect followed (reference §3.5, §3.9). The answer is
// parsed as a CAS document or refused; the server's own text is never kept.
import { OutboundError, schoolRequest, type OutboundFailure } from "../outbound/guarded-request";
import { parseCasAnswer, type CasAnswer } from "./response";
import { casValidationUrl } from "./urls";
import { XmlRefused } from "./xml";

export const CAS_ANSWER_LIMIT = 64 * 1024;
export const CAS_TIMEOUT_MS = 8_000;

export type CasValidation =
  | { ok: true; answer: CasAnswer }
  | { ok: false; failure: OutboundFailure | { kind: "http"; status: number } | { kind: "not_cas"; reason: XmlRefused["reason"] } };

export async function requestCasValidation(options: {
  base: string;
  version: "CAS2" | "CAS3";
  service: string;
  ticket: string;
  renew: boolean;
}): Promise<CasValidation> {
  let answer;
  try {
    answer = await schoolRequest(casValidationUrl(options.base, options), {
      headers: { accept: "application/xml, text/xml;q=0.9, */*;q=0.1" },
      timeoutMs: CAS_TIMEOUT_MS,
      maxBytes: CAS_ANSWER_LIMIT,
    });
  } catch (error) {
    if (error instanceof OutboundError) return { ok: false, failure: error.failure };
    throw error;
  }
  if (answer.status !== 200) return { ok: false, failure: { kind: "http", status: answer.status } };
  try {
    return { ok: true, answer: parseCasAnswer(answer.body) };
  } catch (error) {
    if (error instanceof XmlRefused) return { ok: false, failure: { kind: "not_cas", reason: error.reason } };
    throw error;
  }
}
