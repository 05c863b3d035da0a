// gettoken and the token check of every business call (reference §1). A token belongs to one
// (corp, secret): the contact-sync secret's token writes the directory, an app's token acts as
// that app only. Tokens last tokenTtlSeconds (7200 by default); asking again while one is valid
// returns the same token with the time it has left.
import { randomBytes } from "node:crypto";
import { type Sim, simNow } from "./context";
import { wecomError } from "./errors";
import { HOUR } from "./rate-limits";
import { type App, type Corp, findCorp, type Token } from "./state";

export type Caller = { corp: Corp; token: Token; app: App | null; isContactSync: boolean };

export function issueToken(
  sim: Sim,
  input: { corpid?: string; corpsecret?: string; ip: string },
): { access_token: string; expires_in: number } {
  const { state } = sim;
  const t = simNow(sim);
  if (!input.corpid) throw wecomError(41002);
  if (!input.corpsecret) throw wecomError(41004);
  const ipKey = `wrong-secret|${input.ip}`;
  if (sim.rate.isBlocked(ipKey, t)) throw wecomError(45009, "this IP sent wrong secrets too often and is blocked for 1 hour");
  const corp = findCorp(state, input.corpid);
  if (!corp) throw wecomError(40013);
  const secret = input.corpsecret;
  let agent: number | "contacts";
  if (secret === corp.contactSecret) {
    // Issued whatever the console grants (off, read-only): the business calls answer 48002 (reference §7.5).
    agent = "contacts";
  } else {
    const app = corp.apps.find((a) => a.secret === secret);
    if (!app) {
      const elsewhere = state.corps.some((c) => c !== corp && (c.contactSecret === secret || c.apps.some((a) => a.secret === secret)));
      if (!sim.rate.take(ipKey, sim.limits.wrongSecretsBeforeBlock - 1, HOUR, t)) sim.rate.block(ipKey, t + HOUR);
      throw wecomError(elsewhere ? 40091 : 40001);
    }
    if (!app.enabled) throw wecomError(40001, "the app is disabled");
    agent = app.agentid;
  }
  const current = state.tokens.find((k) => k.corpid === corp.corpid && k.secret === secret && !k.invalidated && k.expiresAt > t);
  if (current) return { access_token: current.token, expires_in: Math.ceil((current.expiresAt - t) / 1000) };
  // Forget tokens long dead, so the state file does not grow without end.
  state.tokens = state.tokens.filter((k) => k.expiresAt > t - 24 * HOUR);
  const token: Token = {
    token: randomBytes(96).toString("base64url"),
    corpid: corp.corpid,
    agent,
    secret,
    expiresAt: t + state.tokenTtlSeconds * 1000,
    invalidated: false,
  };
  state.tokens.push(token);
  return { access_token: token.token, expires_in: state.tokenTtlSeconds };
}

/** 41001 without a token, 40014 for one never issued or invalidated, 42001 for one past its time. */
export function authenticate(sim: Sim, accessToken: string | undefined): Caller {
  if (!accessToken) throw wecomError(41001);
  const token = sim.state.tokens.find((k) => k.token === accessToken);
  if (!token || token.invalidated) throw wecomError(40014);
  if (token.expiresAt <= simNow(sim)) throw wecomError(42001);
  const corp = findCorp(sim.state, token.corpid);
  if (!corp) throw wecomError(40014);
  if (token.agent === "contacts") return { corp, token, app: null, isContactSync: true };
  const app = corp.apps.find((a) => a.agentid === token.agent);
  if (!app) throw wecomError(40014);
  if (!app.enabled) throw wecomError(50003, "the app is disabled");
  return { corp, token, app, isContactSync: false };
}

/** Contact writes need the contact-sync token (48002 for an app token). */
export function requireContactSync(caller: Caller): void {
  if (!caller.isContactSync) throw wecomError(48002, "contact writes need the contact-sync (通讯录同步) secret's token");
}

/**
 * What the console grants the contact-sync API (reference §7.5): switched off, every call with its
 * token answers 48002 (a token issued before included); read-only, every write does.
 */
export function checkContactSyncMode(caller: Caller, isWrite: boolean): void {
  if (!caller.isContactSync) return;
  if (caller.corp.contactSync === "off") throw wecomError(48002, "the contact-sync API (通讯录同步) is switched off");
  if (isWrite && caller.corp.contactSync === "readOnly") throw wecomError(48002, "the contact-sync API (通讯录同步) is read-only");
}

/**
 * 48009: since 2022-08-15 the contact-sync token used from an IP added after that date may not read
 * member details (user/get, user/list, user/simplelist, department/list); user/list_id,
 * department/simplelist and the rest still answer (reference §0, §2, §7.5; OFF 96255).
 */
export function checkContactDetailRead(caller: Caller): void {
  if (caller.isContactSync && !caller.corp.contactSyncLegacyIp) throw wecomError(48009, "use user/list_id or department/simplelist");
}

/**
 * The control API's token faults: "expire" makes tokens answer 42001 from now on, "invalidate"
 * makes them answer 40014 (WeCom may drop a token before its time).
 */
export function forceTokenExpiry(sim: Sim, options: { corpid?: string; mode: "expire" | "invalidate" }): number {
  const t = simNow(sim);
  let count = 0;
  for (const token of sim.state.tokens) {
    if (options.corpid && token.corpid !== options.corpid) continue;
    if (token.invalidated || token.expiresAt <= t) continue;
    if (options.mode === "expire") token.expiresAt = t;
    else token.invalidated = true;
    count++;
  }
  return count;
}
