// The XML the CAS simulator writes: validation responses (CAS 3.0 Appendix A) and single logout
// requests (Appendix C). Built from templates with every value escaped, never by pasting a
// request value in (old servers echoed the ticket into failure text unescaped, letting a crafted
// ticket forge a success: reference §3.4, phpCAS #228).

/** Namespace of every CAS response element (CAS 3.0 Appendix A). */
export const CAS_NS = "http://www.yale.edu/tp/cas";

/** XML 1.0 cannot carry these characters at all, escaped or not (XML 1.0 §2.2 Char): they are dropped. */
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content and for attribute values in either kind of quotes. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML_CHAR, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

export type Attributes = Record<string, string | string[]>;

export type FailureCode =
  | "INVALID_REQUEST"
  | "INVALID_TICKET_SPEC"
  | "UNAUTHORIZED_SERVICE_PROXY"
  | "INVALID_PROXY_CALLBACK"
  | "INVALID_TICKET"
  | "INVALID_SERVICE"
  | "INTERNAL_ERROR";

/** One `<cas:name>` element per value: a multi-valued attribute repeats the element (CAS 3.0 §2.5.7). */
function attributeElements(attributes: Attributes, indent: string): string {
  return Object.entries(attributes)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${indent}<cas:${name}>${escapeXml(v)}</cas:${name}>`))
    .join("\n");
}

/** `cas:authenticationSuccess` with `cas:user` and, when given, `cas:attributes` — in that order (Appendix A sequence). */
export function successXml(user: string, attributes: Attributes | null): string {
  const attrs = attributes ? `\n        <cas:attributes>\n${attributeElements(attributes, "            ")}\n        </cas:attributes>` : "";
  return `<cas:serviceResponse xmlns:cas="${CAS_NS}">
    <cas:authenticationSuccess>
        <cas:user>${escapeXml(user)}</cas:user>${attrs}
    </cas:authenticationSuccess>
</cas:serviceResponse>
`;
}

/** `cas:authenticationFailure` with its required `code`; the text is a human-readable reason, with the whitespace servers put around it. */
export function failureXml(code: FailureCode, description: string): string {
  return `<cas:serviceResponse xmlns:cas="${CAS_NS}">
    <cas:authenticationFailure code="${code}">
        ${escapeXml(description)}
    </cas:authenticationFailure>
</cas:serviceResponse>
`;
}

/** `/proxy` answers `cas:proxyFailure` (CAS 3.0 §2.7.2); this simulator issues no proxy tickets. */
export function proxyFailureXml(code: "INVALID_REQUEST" | "UNAUTHORIZED_SERVICE" | "INTERNAL_ERROR", description: string): string {
  return `<cas:serviceResponse xmlns:cas="${CAS_NS}">
    <cas:proxyFailure code="${code}">
        ${escapeXml(description)}
    </cas:proxyFailure>
</cas:serviceResponse>
`;
}

/**
 * The single logout message (CAS 3.0 Appendix C): a SAML 2.0 LogoutRequest whose SessionIndex is
 * the service ticket the service was given; NameID is unused. Not signed — which is why a client
 * may only ever end the one session bound to that ticket (reference §1.9).
 */
export function logoutRequestXml(id: string, issueInstant: Date, serviceTicket: string): string {
  return (
    `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${escapeXml(id)}" Version="2.0" IssueInstant="${issueInstant.toISOString()}">` +
    `<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">@NOT_USED@</saml:NameID>` +
    `<samlp:SessionIndex>${escapeXml(serviceTicket)}</samlp:SessionIndex>` +
    `</samlp:LogoutRequest>`
  );
}
