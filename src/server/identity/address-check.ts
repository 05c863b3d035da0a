// The first check of every protocol that reaches a school's server: the address typed on the
// form, held to the SSRF rules (outbound/school-url.ts) against the operator's list of private
// origins as it stands now, said in the catalogue's words.
import { errorMessage } from "~/server/errors";
import type { CheckDraft } from "./protocol";
import { privateOrigins } from "./outbound/private-origins";
import { parseSchoolUrl } from "./outbound/school-url";
import { saidBoth } from "./said";
import { URL_REFUSALS } from "./settings-kit";

export async function addressCheck(raw: string | null): Promise<{ draft: CheckDraft; url: URL | null }> {
  if (!raw) return { draft: { id: "address", status: "failed", detail: saidBoth("idpCheck.missingServer") }, url: null };
  const parsed = parseSchoolUrl(raw, await privateOrigins());
  if (!parsed.ok) {
    const code = URL_REFUSALS[parsed.reason];
    const detail = { zh: errorMessage(code, "zh-CN", { field: raw }), en: errorMessage(code, "en", { field: raw }) };
    return { draft: { id: "address", status: "failed", detail }, url: null };
  }
  const detail = parsed.listed === null ? saidBoth("idpCheck.publicAddress") : saidBoth("idpCheck.privateOrigin", { note: parsed.listed });
  return { draft: { id: "address", status: "passed", detail }, url: parsed.url };
}

/** A check that did not run, and why. */
export const skipped = (id: string, why: Parameters<typeof saidBoth>[0] = "idpCheck.notChecked"): CheckDraft => ({
  id,
  status: "skipped",
  detail: saidBoth(why),
});
