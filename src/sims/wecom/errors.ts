// WeCom's error envelope. Every business failure of the simulator is one of these, thrown by a
// domain function and turned into `{"errcode":N,"errmsg":"..."}` with HTTP 200 by the router,
// because that is how WeCom answers errors (a non-200 status only ever comes from the fault controls).
import { randomBytes } from "node:crypto";

/** Paraphrased meanings from the reference's section 8, used as errmsg texts. */
const MESSAGES: Record<number, string> = {
  [-1]: "system busy",
  40001: "invalid credential, access_token is invalid or not latest",
  40003: "invalid userid",
  40013: "invalid corpid",
  40014: "invalid access_token",
  40029: "invalid code",
  40031: "invalid userid list",
  40032: "invalid userid list size",
  40035: "invalid parameter",
  40056: "invalid agentid",
  40058: "invalid parameter",
  40063: "some parameters are empty",
  40066: "invalid department list",
  40091: "secret is invalid",
  40207: "invalid tfa_code",
  40208: "user not in tfa range",
  40209: "oauth domain not match tfa domain",
  40210: "tfa url not set",
  41001: "access_token missing",
  41002: "corpid missing",
  41004: "corpsecret missing",
  41009: "missing userid",
  42001: "access_token expired",
  45009: "api freq out of limit",
  45024: "account number exceeds the limit",
  46004: "user no exist",
  48002: "api forbidden",
  48009: "api forbidden for contact sync from new ip",
  50001: "redirect_uri not in trusted domain",
  50003: "agent is disabled",
  60001: "invalid department name length",
  60003: "department not found",
  60004: "parent department not found",
  60005: "department has member",
  60006: "department has sub department",
  60007: "root department can not be deleted",
  60008: "department exists",
  60009: "department name include invalid char",
  60010: "department cycle",
  60011: "no privilege to access/modify contact/party/agent",
  60020: "not allow to access from your ip",
  60102: "userid existed",
  60103: "mobile invalid",
  60104: "mobile existed",
  60105: "email invalid",
  60106: "email existed",
  60110: "user department size over limit",
  60111: "userid not found",
  60112: "invalid username",
  60123: "invalid department id",
  60124: "invalid parent department id",
  60125: "invalid department name",
  60127: "department missing",
  60129: "mobile and email are both empty",
  60132: "is_leader_in_dept size mismatch",
  81001: "department node count exceeds the limit",
  81002: "department depth exceeds the limit",
  81013: "user & party & tag all invalid",
  82001: "party, user and tag are all empty",
  301002: "not allow to operate another agent",
  301005: "not allow to delete creator",
  301012: "invalid position",
  301036: "userid can not be updated",
};

export class WecomError extends Error {
  constructor(
    readonly errcode: number,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[errcode] ?? "error"}: ${detail}` : (MESSAGES[errcode] ?? "error"));
  }
}

export const wecomError = (errcode: number, detail?: string) => new WecomError(errcode, detail);

/**
 * The errmsg text WeCom sends: the meaning plus a hint suffix. Real errmsg texts vary, so the
 * suffix is there to keep clients honest: they must branch on errcode, never on errmsg.
 */
export function formatErrmsg(error: WecomError, ip: string): string {
  const hint = randomBytes(12).toString("hex");
  return `${error.message}, hint: [${hint}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${error.errcode}`;
}
