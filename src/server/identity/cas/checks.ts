// 【测试连接】 of the school's CAS: the address, the /login page, and the validation endpoint
// answering a deliberately invalid ticket with CAS XML (INVALID_TICKET: the server speaks CAS and
// knows nothing of the ticket). Every call goes through the guarded client (outbound/).
import { randomBytes } from "node:crypto";
import { addressCheck, skipped } from "../address-check";
import { describeOutbound } from "../outbound/describe";
import { OutboundError, schoolRequest } from "../outbound/guarded-request";
import type { CheckDraft, ProtocolChecks } from "../protocol";
import { saidBoth } from "../said";
import { casLoginUrl, casServiceUrl, normaliseCasBase } from "./urls";
import { requestCasValidation, type CasValidation } from "./validation";

async function loginPageCheck(base: string, service: string): Promise<CheckDraft> {
  const page = await schoolRequest(casLoginUrl(base, service, { renew: false }), { maxBytes: 512 * 1024 });
  const html = page.status === 200 && /<form|password/i.test(page.body);
  if (html || (page.status >= 300 && page.status < 400))
    return { id: "loginPage", status: "passed", detail: saidBoth("idpCheck.cas.loginPage") };
  return {
    id: "loginPage",
    status: page.status === 200 ? "warning" : "failed",
    detail: page.status === 404 ? saidBoth("idpCheck.cas.loginPage404") : describeOutbound({ kind: "http", status: page.status }),
  };
}

function validationCheck(validation: CasValidation, version: "CAS2" | "CAS3"): CheckDraft {
  const path = version === "CAS3" ? "/p3/serviceValidate" : "/serviceValidate";
  const failed = (detail: CheckDraft["detail"]): CheckDraft => ({ id: "validation", status: "failed", detail });
  if (validation.ok) {
    const refused =
      validation.answer.kind === "failure" && ["INVALID_TICKET", "INVALID_SERVICE", "INVALID_TICKET_SPEC"].includes(validation.answer.code);
    return refused
      ? { id: "validation", status: "passed", detail: saidBoth("idpCheck.cas.validation", { path }) }
      : failed(saidBoth("idpCheck.cas.validationUnexpected", { path }));
  }
  const failure = validation.failure;
  if (failure.kind === "http" && failure.status === 404 && version === "CAS3") return failed(saidBoth("idpCheck.cas.noCas3"));
  if (failure.kind === "not_cas") return failed(saidBoth("idpCheck.cas.notCas", { path }));
  return failed(describeOutbound(failure));
}

export const casChecks: ProtocolChecks = {
  titles: { address: "idpCheck.title.address", loginPage: "idpCheck.title.loginPage", validation: "idpCheck.title.validation" },
  async run(_scope, stored, { origin }) {
    const { draft, url } = await addressCheck(stored.casBaseUrl);
    if (!url) return [draft, skipped("loginPage", "idpCheck.missingServer"), skipped("validation", "idpCheck.missingServer")];
    const base = normaliseCasBase(url.href);
    // A service URL of the shape a login sends (with its `?login=` nonce): the school's registry must take it.
    const service = casServiceUrl(origin, randomBytes(24).toString("base64url"));
    try {
      const loginPage = await loginPageCheck(base, service);
      // A ticket no server ever issued: a CAS server answers INVALID_TICKET (CAS 3.0 §2.5.3) and spends nothing.
      const validation = await requestCasValidation({
        base,
        version: stored.casVersion,
        service,
        ticket: "ST-0-campus-connection-test",
        renew: false,
      });
      return [draft, loginPage, validationCheck(validation, stored.casVersion)];
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      const loginPage: CheckDraft = { id: "loginPage", status: "failed", detail: describeOutbound(error.failure) };
      return [draft, loginPage, skipped("validation", "idpCheck.unreachableSkipped")];
    }
  },
};
