// Single logout, back channel (CAS 3.0 §2.3.3, Appendix C; reference §1.9): when an SSO session
// ends by logout, a POST to every service URL that got a ticket in it — the URL as given to
// /login, query string included — with the form field `logoutRequest` holding a SAML
// LogoutRequest whose SessionIndex is that service's ticket. One POST per ticket, validated or
// not (as django-cas-server does). Fire and forget (§2.3.3.1): errors are recorded, never raised,
// and the browser's logout does not wait for them.
import { appendCapped, type CasSim, type SloRecord, simNow } from "./context";
import { randomAlphanumeric, type SsoSession } from "./tickets";
import { logoutRequestXml } from "./xml";

/** How long a service may take to answer a logout POST: it "should answer quickly" (reference §1.9). */
const SLO_TIMEOUT_MS = 5000;

const inFlight = new Set<Promise<void>>();

async function post(record: SloRecord, body: string): Promise<void> {
  try {
    const response = await fetch(record.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(SLO_TIMEOUT_MS),
    });
    record.status = response.status;
    await response.body?.cancel();
  } catch (error) {
    record.error =
      error instanceof Error && error.name === "TimeoutError" ? "timeout" : error instanceof Error ? error.message : String(error);
  }
}

export function sendSingleLogout(sim: CasSim, session: SsoSession): SloRecord[] {
  const records: SloRecord[] = [];
  for (const { ticket, service } of session.issued) {
    const now = simNow(sim);
    const xml = logoutRequestXml(`LR-${randomAlphanumeric(32)}`, new Date(now), ticket);
    const record = appendCapped(sim.slo, session.schoolId, { at: now, url: service, sessionIndex: ticket, status: null, error: null });
    records.push(record);
    const sending = post(record, new URLSearchParams({ logoutRequest: xml }).toString());
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
  }
  return records;
}

/** Resolves once every logout POST sent so far has been answered or has failed (for tests and shutdown). */
export async function sloIdle(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
