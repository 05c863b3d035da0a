// 统一身份认证 through the school's CAS server (CAS 2.0/3.0; Apereo CAS and
// Wisedu/金智 IDS as schools deploy them). `start` sends the browser to the
// school's /login with our service URL; `finish` takes the ticket the school
// sent back, validates it once, and finds the member it names.
import { randomBytes } from "node:crypto";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import type { PendingLogin } from "../login-state";
import type { IdentifiedMember, IdentityProvider, StartRequest } from "../provider";
import { memberVouchedFor } from "../school-member";
import { casSettings, checkedSchoolUrl } from "../settings";
import { claimCasTicket } from "../sso-sessions";
import { casIdentity } from "./identity";
import { casLoginUrl, casServiceUrl, normaliseCasBase, SERVICE_TICKET } from "./urls";
import { requestCasValidation } from "./validation";

export type CasProof = { ticket: string; pending: Extract<PendingLogin, { protocol: "CAS" }>; renew: boolean };

async function start(scope: TenantScope, request: StartRequest) {
  const settings = await casSettings(scope);
  // Checked again at use: a row saved before the rules, or edited by hand, gets no power.
  const base = checkedSchoolUrl(settings.baseUrl, "cas", "casBaseUrl");
  // This login's own service URL: its ticket validates with it alone (urls.ts casServiceUrl).
  const nonce = randomBytes(24).toString("base64url");
  const service = casServiceUrl(request.origin, nonce);
  return {
    kind: "redirect" as const,
    url: casLoginUrl(base, service, { renew: request.renew }).href,
    pending: { protocol: "CAS" as const, service, base, nonce },
  };
}

async function finish(scope: TenantScope, proof: CasProof): Promise<IdentifiedMember> {
  // A ticket not of the spec's shape never reaches the school (reference §3.3: no parameter injection).
  if (!SERVICE_TICKET.test(proof.ticket)) throw new AppError("SSO_TICKET_REJECTED", { school: scope.tenant.name });
  const settings = await casSettings(scope);
  const base = checkedSchoolUrl(settings.baseUrl, "cas", "casBaseUrl");
  // A ticket is only ever sent to the server whose login issued it (reference §3.10).
  if (normaliseCasBase(base) !== proof.pending.base) throw new AppError("SSO_LOGIN_EXPIRED");
  if (!(await claimCasTicket(scope, proof.ticket))) {
    scope.log.warn({ idp: "cas" }, "service ticket presented again: refused without asking the school");
    throw new AppError("SSO_TICKET_REJECTED", { school: scope.tenant.name });
  }
  const validation = await requestCasValidation({
    base,
    version: settings.version,
    service: proof.pending.service,
    ticket: proof.ticket,
    renew: proof.renew,
  });
  if (!validation.ok) {
    scope.log.warn({ idp: "cas", failure: validation.failure }, "ticket validation failed");
    const unreachable = ["timeout", "dns", "refused", "tls", "network", "blocked_address", "not_allowed"].includes(validation.failure.kind);
    throw new AppError(unreachable ? "SSO_SERVER_UNREACHABLE" : "SSO_SERVER_ANSWER_INVALID", { school: scope.tenant.name });
  }
  if (validation.answer.kind === "failure") {
    // The code only (INVALID_TICKET, INVALID_SERVICE …): the server's text may echo the ticket.
    scope.log.info({ idp: "cas", casCode: validation.answer.code }, "the school refused the ticket");
    throw new AppError("SSO_TICKET_REJECTED", { school: scope.tenant.name });
  }
  const member = await memberVouchedFor(scope, casIdentity(validation.answer, settings.accountAttribute), "CAS");
  return { ...member, sso: { protocol: "CAS", ticket: proof.ticket } };
}

export const casProvider: IdentityProvider<CasProof> = { kind: "CAS", start, finish };
