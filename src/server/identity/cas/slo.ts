// Single logout, back channel (CAS 3.0 §2.3.3 and Appendix C; reference §1.9):
// the school's server posts `logoutRequest`, a SAML 2.0 LogoutRequest whose
// SessionIndex is the service ticket it gave us. The message is not signed, so
// it can only ever mean "end the session made from this ticket" — which anyone
// holding the ticket could have done by using it first — and nothing more.
import { SERVICE_TICKET } from "./urls";
import { parseXmlDocument, XmlRefused } from "./xml";

const SAML_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

/** The service ticket a logoutRequest names, or null when it is not such a request. */
export function ticketOfLogoutRequest(xml: string): string | null {
  let root;
  try {
    root = parseXmlDocument(xml);
  } catch (error) {
    if (error instanceof XmlRefused) return null;
    throw error;
  }
  if (root.namespace !== SAML_PROTOCOL || root.local !== "LogoutRequest") return null;
  const indexes = root.children.filter((c) => c.namespace === SAML_PROTOCOL && c.local === "SessionIndex");
  const ticket = indexes.length === 1 ? indexes[0]!.text.trim() : "";
  return SERVICE_TICKET.test(ticket) ? ticket : null;
}
