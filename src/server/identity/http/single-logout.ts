// POST /api/identity/cas/callback (the service URL itself, where CAS servers send it by default)
// and /api/identity/cas/slo (for a school that registers a separate logout URL): the school's
// back-channel single logout (CAS 3.0 §2.3.3; reference §1.9, §3.12). By protocol it comes from
// the school's server, with no Origin and no CSRF token, so it is accepted without either — and
// can therefore do one thing only: end the one session made from the ticket it names, when a live
// session of this school was (not the member's others). Bodies are capped; it answers at once.
import { AppError } from "~/server/errors";
import { readBodyCapped } from "~/server/http/read-body";
import { ticketOfLogoutRequest } from "../cas/slo";
import { endSsoSessionByTicket } from "../sso-sessions";
import { plainText, schoolOfRequest } from "./school-of-request";

export const LOGOUT_REQUEST_LIMIT = 16 * 1024;

export async function singleLogout(request: Request): Promise<Response> {
  // A browser's request (a page elsewhere posting a form: browsers send Origin on every POST) is not the school's back channel.
  if (request.headers.get("origin") !== null) return plainText("forbidden", 403);
  const school = await schoolOfRequest(request, "cas-slo");
  if (!school) return plainText("unknown school", 404);
  let body: string;
  try {
    body = await readBodyCapped(request, LOGOUT_REQUEST_LIMIT);
  } catch (error) {
    if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") return plainText("too large", 413);
    throw error;
  }
  if (!request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) return plainText("not a logout request", 415);
  const xml = new URLSearchParams(body).get("logoutRequest");
  const ticket = xml ? ticketOfLogoutRequest(xml) : null;
  if (!ticket) return plainText("not a logout request", 400);
  const ended = await endSsoSessionByTicket(school.scope, ticket);
  school.scope.log.info({ ended }, "single logout from the school's server");
  return plainText("ok", 200);
}
