// The first check of every protocol that reaches a school's server: the address typed on the
// form, held to the SSRF rules (outbound/school-url.ts), said in the catalogue's words.
import { errorMessage } from "~/server/errors";
import type { CheckDraft } from "./protocol";
import { parseSchoolUrl, type SchoolServerKind } from "./outbound/school-url";
import { saidBoth } from "./said";
import { URL_REFUSALS } from "./settings-kit";

export function addressCheck(raw: string | null, server: SchoolServerKind): { draft: CheckDraft; url: URL | null } {
  if (!raw) return { draft: { id: "address", status: "failed", detail: saidBoth("idpCheck.missingServer") }, url: null };
  const parsed = parseSchoolUrl(raw, server);
  if (!parsed.ok) {
    const code = URL_REFUSALS[parsed.reason];
    const detail = { zh: errorMessage(code, "zh-CN", { field: raw }), en: errorMessage(code, "en", { field: raw }) };
    return { draft: { id: "address", status: "failed", detail }, url: null };
  }
  const detail = saidBoth(parsed.simulator ? "idpCheck.simulatorAddress" : "idpCheck.publicAddress");
  return { draft: { id: "address", status: "passed", detail }, url: parsed.url };
}

/** A check that did not run, and why. */
export const skipped = (id: string, why: Parameters<typeof saidBoth>[0] = "idpCheck.notChecked"): CheckDraft => ({
  id,
  status: "skipped",
  detail: saidBoth(why),
});
