// OAuth inside WeChat (reference §3.1/3.2) and second verification (§3.3). The simulator serves
// WeChat's authorize URL at the same path on its own origin: the "WeChat user" is whoever the
// phone page has selected, and the code it hands out redeems to that user's userid when the user
// follows the corp as a member, otherwise to an openid. Codes are single use and last 5 minutes.
import { createHash, randomBytes } from "node:crypto";
import { type Sim, simNow } from "./context";
import { emitMemberUpdate, contactFields } from "./directory";
import { wecomError } from "./errors";
import { type Corp, findCorp, findMember, type Member, memberStatus, type WechatUser } from "./state";
import type { Caller } from "./tokens";

const CODE_TTL_MS = 5 * 60_000;

export const openidFor = (corp: Corp, wechatUser: WechatUser): string =>
  `o${createHash("sha1").update(`${corp.corpid}|${wechatUser.id}`).digest("base64url").slice(0, 27)}`;

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

export function issueCode(sim: Sim, corp: Corp, subject: { userid: string } | { openid: string }, redirectUri: string): string {
  const t = simNow(sim);
  sim.state.oauthCodes = sim.state.oauthCodes.filter((c) => c.expiresAt > t - 3_600_000);
  const code = randomBytes(32).toString("hex");
  sim.state.oauthCodes.push({
    code,
    corpid: corp.corpid,
    userid: "userid" in subject ? subject.userid : null,
    openid: "openid" in subject ? subject.openid : null,
    redirectHost: hostOf(redirectUri),
    expiresAt: t + CODE_TTL_MS,
    used: false,
  });
  return code;
}

export type AuthorizeResult = { ok: true; location: string } | { ok: false; message: string };

/** What WeChat does with open.weixin.qq.com/connect/oauth2/authorize for `wechatUser`. */
export function authorize(sim: Sim, wechatUser: WechatUser, query: URLSearchParams): AuthorizeResult {
  const corp = findCorp(sim.state, query.get("appid") ?? "");
  if (!corp) return { ok: false, message: "参数错误：appid 不是有效的企业 ID" };
  const redirectUri = query.get("redirect_uri");
  if (!redirectUri || !hostOf(redirectUri)) return { ok: false, message: "参数错误：redirect_uri 无效" };
  if (query.get("response_type") !== "code") return { ok: false, message: "参数错误：response_type 必须为 code" };
  const scope = query.get("scope") ?? "snsapi_base";
  if (scope !== "snsapi_base" && scope !== "snsapi_privateinfo") return { ok: false, message: "参数错误：scope 无效" };
  const state = query.get("state") ?? "";
  if (state.length > 128 || !/^[A-Za-z0-9]*$/.test(state)) return { ok: false, message: "参数错误：state 只能为 a-zA-Z0-9，最多 128 字节" };
  const agentid = query.get("agentid");
  if (agentid && !corp.apps.some((a) => String(a.agentid) === agentid)) return { ok: false, message: "参数错误：agentid 无效" };
  const member = corp.members.find((m) => m.wechatUserId === wechatUser.id);
  const code = issueCode(sim, corp, member ? { userid: member.userid } : { openid: openidFor(corp, wechatUser) }, redirectUri);
  const target = new URL(redirectUri);
  target.searchParams.set("code", code);
  target.searchParams.set("state", state);
  return { ok: true, location: target.toString() };
}

/** Redeems a code once: 40029 when unknown, used or older than 5 minutes; 50001 when the redirect host is not the app's trusted domain. */
function redeem(sim: Sim, caller: Caller, code: string | null) {
  if (!code) throw wecomError(40029, "code is required");
  const entry = sim.state.oauthCodes.find((c) => c.code === code && c.corpid === caller.corp.corpid);
  if (!entry || entry.used || entry.expiresAt <= simNow(sim)) throw wecomError(40029);
  if (caller.app?.trustedDomain && entry.redirectHost !== caller.app.trustedDomain) throw wecomError(50001);
  entry.used = true;
  return entry;
}

/** auth/getuserinfo: lower-case `userid` for a member, `openid` for anyone else. */
export function getUserInfo(sim: Sim, caller: Caller, code: string | null) {
  const entry = redeem(sim, caller, code);
  return entry.userid ? { userid: entry.userid } : { openid: entry.openid ?? "" };
}

/** The legacy user/getuserinfo answers with capitalised keys. */
export function getUserInfoLegacy(sim: Sim, caller: Caller, code: string | null) {
  const entry = redeem(sim, caller, code);
  return entry.userid ? { UserId: entry.userid, DeviceId: "" } : { OpenId: entry.openid ?? "", DeviceId: "" };
}

/** Where a member who must pass second verification is sent: the corp's page with a fresh code. */
export function secondVerificationLink(sim: Sim, corp: Corp, member: Member): string | null {
  if (!corp.secondVerificationUrl || !member.awaitingSecondVerification) return null;
  const code = issueCode(sim, corp, { userid: member.userid }, corp.secondVerificationUrl);
  const url = new URL(corp.secondVerificationUrl);
  url.searchParams.set("code", code);
  return url.toString();
}

function admitMember(sim: Sim, corp: Corp, member: Member): void {
  if (!member.awaitingSecondVerification) return;
  const before = contactFields(member);
  member.awaitingSecondVerification = false;
  emitMemberUpdate(sim, corp, before, member, "wechat");
  if (memberStatus(member) === 1) sim.emit({ kind: "subscribe", corpid: corp.corpid, userid: member.userid });
}

/**
 * user/authsucc: the member passed the corp's own verification and is admitted (status 1).
 * 40210 when the corp has no second verification; calling it for a member already admitted is a no-op.
 */
export function authSucc(sim: Sim, caller: Caller, userid: string | null): void {
  if (!caller.corp.secondVerificationUrl) throw wecomError(40210);
  if (!userid) throw wecomError(41009);
  const member = findMember(caller.corp, userid);
  if (!member) throw wecomError(60111);
  admitMember(sim, caller.corp, member);
}

/** auth/get_tfa_info: the verification page's code → userid + a tfa_code (5 minutes, single use). */
export function getTfaInfo(sim: Sim, caller: Caller, code: string | undefined) {
  if (!caller.corp.secondVerificationUrl) throw wecomError(40210);
  const entry = redeem(sim, caller, code ?? null);
  if (!entry.userid) throw wecomError(40208);
  const member = findMember(caller.corp, entry.userid);
  if (!member?.awaitingSecondVerification) throw wecomError(40208);
  const tfaCode = randomBytes(16).toString("hex");
  sim.state.tfaCodes.push({
    tfaCode,
    corpid: caller.corp.corpid,
    userid: member.userid,
    expiresAt: simNow(sim) + CODE_TTL_MS,
    used: false,
  });
  return { userid: member.userid, tfa_code: tfaCode };
}

/** user/tfa_succ: 40207 unless the tfa_code is the live one issued for this userid. */
export function tfaSucc(sim: Sim, caller: Caller, userid: string | undefined, tfaCode: string | undefined): void {
  if (!userid) throw wecomError(41009);
  const entry = sim.state.tfaCodes.find((c) => c.tfaCode === tfaCode && c.corpid === caller.corp.corpid);
  if (!entry || entry.used || entry.expiresAt <= simNow(sim) || entry.userid.toLowerCase() !== userid.toLowerCase())
    throw wecomError(40207);
  entry.used = true;
  const member = findMember(caller.corp, userid);
  if (!member) throw wecomError(60111);
  admitMember(sim, caller.corp, member);
}
