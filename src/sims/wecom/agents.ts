// agent/get (official doc 90227): an app reads its own settings, including its visible range
// (allow_userinfos / allow_partys / allow_tags), with its own token only.
import { wecomError } from "./errors";
import type { Caller } from "./tokens";

export function getAgent(caller: Caller, rawAgentid: string | null) {
  if (!caller.app) throw wecomError(48002, "agent/get needs the app's own token, not the contact-sync token");
  if (rawAgentid === null || !/^\d+$/.test(rawAgentid)) throw wecomError(40056, "agentid is required");
  const agentid = Number(rawAgentid);
  const app = caller.app;
  if (agentid !== app.agentid) throw wecomError(caller.corp.apps.some((a) => a.agentid === agentid) ? 301002 : 40056);
  return {
    agentid: app.agentid,
    name: app.name,
    square_logo_url: "",
    description: "",
    allow_userinfos: { user: app.visibleUsers.map((userid) => ({ userid })) },
    allow_partys: { partyid: app.visibleDepartments },
    allow_tags: { tagid: [] as number[] },
    close: app.enabled ? 0 : 1,
    redirect_domain: app.trustedDomain ?? "",
    report_location_flag: 0,
    isreportenter: 0,
    home_url: app.homeUrl ?? "",
  };
}
