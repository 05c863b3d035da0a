// POST /api/identity/cas/callback (the service URL itself, where CAS servers send it by default)
// and /api/identity/cas/slo (for a school that registers a separate logout URL): the school's
// back-channel single logout (CAS 3.0 §2.3.3; reference §1.9, §3.12). By protocol it comes from
// the school's server, with no Origin and no CSRF token, so it is accepted without either — and
// can therefore do one thing only: end the one session made from the ticket it names, when a live
// session of this school was (not the member's others). The route (src/server/http/single-logout-route.ts)
// refuses browsers and caps the body; this answers at once.
import type { TenantScope } from "~/server/scope";
import { ticketOfLogoutRequest } from "../cas/slo";
import { endSsoSessionByTicket } from "../sso-sessions";

export const LOGOUT_REQUEST_LIMIT = 16 * 1024;

/** The form's `logoutRequest` (SAML-ish XML naming the ticket): "not a logout request" when it names none. */
export async function singleLogout(scope: TenantScope, input: { logoutRequest: string | null }): Promise<"ok" | "not a logout request"> {
  const ticket = input.logoutRequest ? ticketOfLogoutRequest(input.logoutRequest) : null;
  if (!ticket) return "not a logout request";
  const ended = await endSsoSessionByTicket(scope, ticket);
  scope.log.info({ ended }, "single logout from the school's server");
  return "ok";
}
