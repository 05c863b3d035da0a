// 统一身份认证 through the school's CAS server (CAS 2.0/3.0; Apereo CAS and
// Wisedu/金智 IDS as schools deploy them). `start` sends the browser to the
// school's /login with this login's own service URL; the school redirects back
// to it with ?ticket=; `finish` validates the ticket once and finds the member
// it names. Its settings, checks and what the school registers are beside it.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import type { IdentifiedMember, IdentityProtocol, StartRequest } from "../protocol";
import { loginPageUrl } from "../login-page";
import { memberVouchedFor } from "../school-member";
import { claimCasTicket } from "../sso-sessions";
import { casChecks } from "./checks";
import { casIdentity } from "./identity";
import { casServer, casSettingsFields, type CasInput } from "./settings";
import { CAS_LOGIN_PARAM, casLoginUrl, casLogoutUrl, casServicePattern, casServicePrefix, casServiceUrl, SERVICE_TICKET } from "./urls";
import { requestCasValidation } from "./validation";

const pending = z.object({
  protocol: z.literal("CAS"),
  service: z.string().max(2048),
  base: z.string().max(300),
  /** The login's own value in the service URL (`?login=`): the school's redirect back must carry it. */
  nonce: z.string().min(22).max(128),
});
type CasPending = z.infer<typeof pending>;

export type CasProof = { ticket: string; pending: CasPending; renew: boolean };

async function start(scope: TenantScope, request: StartRequest) {
  const { base } = await casServer(scope);
  // This login's own service URL: its ticket validates with it alone (urls.ts casServiceUrl).
  const nonce = randomBytes(24).toString("base64url");
  const service = casServiceUrl(request.origin, nonce);
  const values: CasPending = { protocol: "CAS", service, base, nonce };
  return { kind: "redirect" as const, url: casLoginUrl(base, service, { renew: request.renew }).href, pending: values };
}

async function finish(scope: TenantScope, proof: CasProof): Promise<IdentifiedMember> {
  // A ticket not of the spec's shape never reaches the school (reference §3.3: no parameter injection).
  if (!SERVICE_TICKET.test(proof.ticket)) throw new AppError("SSO_TICKET_REJECTED", { school: scope.tenant.name });
  const settings = await casServer(scope);
  // A ticket is only ever sent to the server whose login issued it (reference §3.10).
  if (settings.base !== proof.pending.base) throw new AppError("SSO_LOGIN_EXPIRED");
  if (!(await claimCasTicket(scope, proof.ticket))) {
    scope.log.warn({ idp: "cas" }, "service ticket presented again: refused without asking the school");
    throw new AppError("SSO_TICKET_REJECTED", { school: scope.tenant.name });
  }
  const validation = await requestCasValidation({
    base: settings.base,
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

export const casProtocol: IdentityProtocol<CasInput, CasPending, CasProof> = {
  kind: "CAS",
  settings: casSettingsFields,
  checks: casChecks,
  start,
  callback: {
    pending,
    loginValue: (values) => values.nonce,
    answerParam: CAS_LOGIN_PARAM,
    // CAS answers with a redirect (§2.2.4); a post to the service URL is the back channel's single logout.
    acceptsPost: false,
    // No ticket: a gateway answer (§2.1.1) or someone opening the URL; nothing to finish.
    proof: (params, login) => {
      const ticket = params.get("ticket");
      return ticket === null ? null : { ticket, pending: login.pending, renew: login.renew };
    },
  },
  finish,
  // {base}/logout?service=<our login page> (CAS 3.0 §2.3).
  logout: async (scope, _session, origin) => casLogoutUrl((await casServer(scope)).base, loginPageUrl(origin)),
  registration: (origins) => [
    // Prefixes: a service URL is one of them followed by `?login=…`.
    { label: "idp.casService", values: origins.map(casServicePrefix) },
    { label: "idp.casServicePattern", values: origins.map(casServicePattern) },
  ],
};
