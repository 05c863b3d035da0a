// Ticket validation: /validate (CAS 1.0), /serviceValidate and /proxyValidate (CAS 2.0),
// /p3/serviceValidate and /p3/proxyValidate (CAS 3.0). One set of rules, in the order a real
// server applies them, answered as XML, JSON or the 1.0 text lines.
import { sleep } from "../shared/http";
import { Reply } from "../shared/routes";
import { jsonAttributes, releasedAttributes } from "./attributes";
import type { School } from "./config";
import { appendCapped, type CasSim, simNow } from "./context";
import { faultAnswer, noFaults, takeValidationFault } from "./faults";
import type { ServiceTicket } from "./tickets";
import { type Attributes, failureXml, type FailureCode, successXml } from "./xml";

export type Endpoint = "validate" | "serviceValidate" | "proxyValidate" | "p3/serviceValidate" | "p3/proxyValidate";

/** CAS 3.0 §3.7: tickets hold only A-Z a-z 0-9 and "-"; §3.1.1 / §3.2.1: ST- and PT- prefixes. */
const TICKET_SHAPE = /^(ST|PT)-[A-Za-z0-9-]{1,253}$/;

/** A parameter "is set" when present and not empty or "false" (CAS 3.0 §2.5.1 `renew`: "if this parameter is set"). */
export const isSet = (value: string | null): boolean => value !== null && value !== "" && value.toLowerCase() !== "false";

type Outcome = { ok: true; st: ServiceTicket; attributes: Attributes } | { ok: false; code: FailureCode; description: string };

function check(sim: CasSim, school: School, endpoint: Endpoint, query: URLSearchParams): Outcome {
  const service = query.get("service");
  const ticket = query.get("ticket");
  // CAS 3.0 §2.5.3: INVALID_REQUEST — not all of the required request parameters were present.
  if (!service || !ticket)
    return { ok: false, code: "INVALID_REQUEST", description: "'service' and 'ticket' parameters are both required" };
  // CAS 3.0 §2.5.3: INVALID_TICKET_SPEC — the ticket does not meet the specification (§3.7 character set, ST-/PT- prefix).
  if (!TICKET_SHAPE.test(ticket))
    return { ok: false, code: "INVALID_TICKET_SPEC", description: `Ticket '${ticket}' does not meet the specification` };
  // CAS 3.0 §2.5 and §2.4: /serviceValidate and /validate MUST NOT accept a proxy ticket.
  if (ticket.startsWith("PT-") && (endpoint === "validate" || endpoint.endsWith("serviceValidate")))
    return { ok: false, code: "INVALID_TICKET_SPEC", description: `Ticket '${ticket}' is a proxy ticket: use /proxyValidate` };

  const st = sim.registry.serviceTickets.get(ticket);
  // A ticket of another school's server is as unknown here as a made-up one: each school is its own CAS.
  if (!st || st.schoolId !== school.id) return { ok: false, code: "INVALID_TICKET", description: `Ticket '${ticket}' not recognized` };
  // CAS 3.0 §3.1.1: a service ticket is valid for ONE validation attempt; whether or not it succeeds, it is then invalidated.
  sim.registry.serviceTickets.delete(ticket);
  // CAS 3.0 §3.1.1: an expired ticket MUST fail validation.
  if (simNow(sim) >= st.expiresAt) return { ok: false, code: "INVALID_TICKET", description: `Ticket '${ticket}' has expired` };
  // CAS 3.0 §3.1.1 and §2.5.3 INVALID_SERVICE: the ticket is only valid for the service it was issued for — compared as the
  // exact string, byte for byte (reference §3.2) — and the server MUST invalidate it (done above) on a mismatch.
  if (service !== st.service)
    return {
      ok: false,
      code: "INVALID_SERVICE",
      description: `Ticket '${ticket}' does not match supplied service. The original service was '${st.service}' and the supplied service was '${service}'.`,
    };
  // CAS 3.0 §2.5.1 renew: only a ticket issued from primary credentials, never one from an SSO session.
  if (isSet(query.get("renew")) && !st.fromNewLogin)
    return { ok: false, code: "INVALID_TICKET", description: `Ticket '${ticket}' was not issued from a new login (renew was requested)` };
  // CAS 3.0 §2.5.4: a failed proxy callback halts validation. This server grants no proxying to any service.
  if (query.get("pgtUrl"))
    return {
      ok: false,
      code: "UNAUTHORIZED_SERVICE_PROXY",
      description: `The service '${service}' is not authorized to use proxy authentication`,
    };

  const user = school.users.find((u) => u.account === st.account);
  return { ok: true, st, attributes: user?.attributes ?? {} };
}

function withAttributes(school: School, endpoint: Endpoint): boolean {
  // CAS 3.0 §2.8: /p3/serviceValidate additionally returns user attributes; on the 2.0 paths they
  // are a school setting (Apereo and Wisedu release them there today, reference §1.1).
  return endpoint.startsWith("p3/") || (endpoint !== "validate" && school.serviceValidateAttributes);
}

export async function validateTicket(sim: CasSim, school: School, endpoint: Endpoint, query: URLSearchParams): Promise<Reply> {
  const faults = sim.faults.get(school.id) ?? noFaults();
  if (faults.delayMs > 0) await sleep(faults.delayMs);
  const format = (query.get("format") ?? "XML").toUpperCase();
  const record = {
    at: simNow(sim),
    endpoint: `/${endpoint}`,
    service: query.get("service"),
    ticket: query.get("ticket"),
    renew: isSet(query.get("renew")),
    format,
    fault: null as string | null,
  };
  // No validation response is ever cached: a ticket's second validation must reach the server.
  const headers = { "cache-control": "no-store", pragma: "no-cache" };

  // CAS 3.0 §2.5.1 format: XML (default) or JSON; a value the server does not support MUST be answered with an error
  // code — before the ticket is looked at, so it is not spent. A school set to ignore `format` answers XML whatever was
  // asked, as django-cas-server does (reference §1.4).
  const json = school.jsonFormat === "supported" && format === "JSON" && endpoint !== "validate";
  if (school.jsonFormat === "supported" && endpoint !== "validate" && format !== "XML" && format !== "JSON") {
    appendCapped(sim.validations, school.id, { ...record, outcome: "INVALID_REQUEST" });
    return Reply.xml(200, failureXml("INVALID_REQUEST", `format '${query.get("format") ?? ""}' is not supported`), headers);
  }

  let outcome: Outcome;
  try {
    outcome = check(sim, school, endpoint, query);
  } catch (error) {
    console.error("[cas-sim] validation", error);
    outcome = { ok: false, code: "INTERNAL_ERROR", description: "internal error during ticket validation" };
  }
  const logged = appendCapped(sim.validations, school.id, { ...record, outcome: outcome.ok ? "success" : outcome.code });

  if (endpoint === "validate") {
    // CAS 3.0 §2.4.2: "yes<LF>user<LF>" or "no<LF>"; no attributes, no reason.
    if (faults.validation === "http-500" && takeValidationFault(faults)) return Reply.text(500, "Internal Server Error");
    return Reply.text(200, outcome.ok ? `yes\n${outcome.st.account}\n` : "no\n", headers);
  }

  const fault = takeValidationFault(faults);
  if (fault) {
    logged.fault = fault;
    const answer = faultAnswer(fault, outcome.ok ? outcome.st.account : "", query.get("ticket") ?? "");
    return new Reply(answer.status, answer.body, answer.contentType, headers);
  }

  if (!outcome.ok) {
    if (json)
      return Reply.json(
        200,
        { serviceResponse: { authenticationFailure: { code: outcome.code, description: outcome.description } } },
        headers,
      );
    return Reply.xml(200, failureXml(outcome.code, outcome.description), headers);
  }
  const attributes = withAttributes(school, endpoint) ? releasedAttributes(school, outcome.st, outcome.attributes) : null;
  if (json)
    return Reply.json(
      200,
      {
        serviceResponse: {
          authenticationSuccess: { user: outcome.st.account, ...(attributes ? { attributes: jsonAttributes(school, attributes) } : {}) },
        },
      },
      headers,
    );
  return Reply.xml(200, successXml(outcome.st.account, attributes), headers);
}
