// WeCom's server API under /cgi-bin/, with the same paths, methods, JSON shapes and error codes
// as the reference. Every call goes: faults → token → 企业可信IP (60020) → what the console grants
// the contact-sync API (48002, 48009) → frequency limits → the domain function.
// Errors are answered WeCom-style: HTTP 200 with a non-zero errcode.
import type { ServerResponse } from "node:http";
import { getAgent } from "./agents";
import { type Sim, simNow } from "./context";
import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  parseDepartmentId,
  simpleListDepartments,
  updateDepartment,
} from "./departments";
import {
  batchDeleteMembers,
  createMember,
  deleteMember,
  getMember,
  getUseridByMobile,
  listMemberIds,
  listMembers,
  simpleListMembers,
  updateMember,
} from "./directory";
import { formatErrmsg, WecomError, wecomError } from "./errors";
import { decideFaults, type Faults } from "./faults";
import { type Request, sendJson, sendText, sleep } from "./http";
import { invite, inviteMember, joinQrCode } from "./invitations";
import { sendMessage } from "./messages";
import { authSucc, getTfaInfo, getUserInfo, getUserInfoLegacy, tfaSucc } from "./oauth";
import { HOUR, MINUTE } from "./rate-limits";
import { authenticate, type Caller, checkContactDetailRead, checkContactSyncMode, issueToken, requireContactSync } from "./tokens";
import { checkCallerIp } from "./trusted-ips";
import { matchUnidentifiedFollowers } from "./wechat";

type Call = { sim: Sim; req: Request; query: URLSearchParams; body: unknown };
type Route = {
  method: "GET" | "POST";
  /** Default success errmsg: "created" for creates, "updated"/"deleted" for department writes. */
  errmsg?: string;
  /** auth/getuserinfo with a valid code is exempt from the frequency limits. */
  unlimited?: boolean;
  /** A directory write: 48002 with a read-only contact-sync API. */
  write?: boolean;
  /** A member-detail read: 48009 with the contact-sync token from a new IP. */
  detailRead?: boolean;
  run: (call: Call, caller: Caller) => object | void;
};

const bodyValue = (body: unknown, key: string): unknown =>
  body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
const bodyField = (body: unknown, key: string): string | undefined => {
  const value = bodyValue(body, key);
  return typeof value === "string" ? value : undefined;
};

const ROUTES: Record<string, Route> = {
  "user/create": {
    method: "POST",
    errmsg: "created",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      const member = createMember(sim, c.corp, body, "contact-api");
      // to_invite defaults to true: the new member is invited as by batch/invite (reference §2.1, §7.5; OFF 90195).
      if (bodyValue(body, "to_invite") !== false) inviteMember(sim, c.corp, member);
      matchUnidentifiedFollowers(sim, c.corp);
    },
  },
  "user/get": { method: "GET", detailRead: true, run: ({ query }, c) => getMember(c, query.get("userid") ?? undefined) },
  "user/update": {
    method: "POST",
    errmsg: "updated",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      updateMember(sim, c.corp, body, "contact-api");
      matchUnidentifiedFollowers(sim, c.corp);
    },
  },
  "user/delete": {
    method: "GET",
    errmsg: "deleted",
    write: true,
    run: ({ sim, query }, c) => {
      requireContactSync(c);
      deleteMember(sim, c.corp, query.get("userid") ?? undefined, "contact-api");
    },
  },
  "user/batchdelete": {
    method: "POST",
    errmsg: "deleted",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      batchDeleteMembers(sim, c.corp, body, "contact-api");
    },
  },
  "user/simplelist": {
    method: "GET",
    detailRead: true,
    run: ({ query }, c) => simpleListMembers(c, query.get("department_id"), query.get("fetch_child")),
  },
  "user/list": {
    method: "GET",
    detailRead: true,
    run: ({ query }, c) => listMembers(c, query.get("department_id"), query.get("fetch_child")),
  },
  "user/list_id": { method: "POST", run: ({ body }, c) => listMemberIds(c, body) },
  "user/getuserid": { method: "POST", run: ({ sim, body }, c) => getUseridByMobile(sim, c, body) },
  "user/authsucc": { method: "GET", write: true, run: ({ sim, query }, c) => authSucc(sim, c, query.get("userid")) },
  "user/tfa_succ": {
    method: "POST",
    write: true,
    run: ({ sim, body }, c) => tfaSucc(sim, c, bodyField(body, "userid"), bodyField(body, "tfa_code")),
  },
  "auth/get_tfa_info": { method: "POST", run: ({ sim, body }, c) => getTfaInfo(sim, c, bodyField(body, "code")) },
  "auth/getuserinfo": { method: "GET", unlimited: true, run: ({ sim, query }, c) => getUserInfo(sim, c, query.get("code")) },
  "user/getuserinfo": { method: "GET", unlimited: true, run: ({ sim, query }, c) => getUserInfoLegacy(sim, c, query.get("code")) },
  "department/create": {
    method: "POST",
    errmsg: "created",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      return createDepartment(sim, c.corp, body, "contact-api");
    },
  },
  "department/update": {
    method: "POST",
    errmsg: "updated",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      updateDepartment(sim, c.corp, body, "contact-api");
    },
  },
  "department/delete": {
    method: "GET",
    errmsg: "deleted",
    write: true,
    run: ({ sim, query }, c) => {
      requireContactSync(c);
      deleteDepartment(sim, c.corp, parseDepartmentId(query.get("id")), "contact-api");
    },
  },
  "department/list": { method: "GET", detailRead: true, run: ({ query }, c) => listDepartments(c, parseDepartmentId(query.get("id"))) },
  "department/simplelist": { method: "GET", run: ({ query }, c) => simpleListDepartments(c, parseDepartmentId(query.get("id"))) },
  "department/get": { method: "GET", run: ({ query }, c) => getDepartment(c, parseDepartmentId(query.get("id"))) },
  "batch/invite": { method: "POST", run: ({ sim, body }, c) => invite(sim, c, body) },
  "corp/get_join_qrcode": { method: "GET", run: ({ sim, query }, c) => joinQrCode(sim, c, query.get("size_type")) },
  "message/send": { method: "POST", run: ({ sim, body }, c) => sendMessage(sim, c, body) },
  "agent/get": { method: "GET", run: ({ query }, c) => getAgent(c, query.get("agentid")) },
};

/** The base limits of §9 (per company and API: a minute, an hour; 5 a minute with debug=1), blocking for the window. */
function checkFrequency(sim: Sim, corpid: string, api: string, debug: boolean): void {
  const t = simNow(sim);
  const key = `api|${corpid}|${api}`;
  if (sim.rate.isBlocked(key, t)) throw wecomError(45009);
  const perMinute = debug ? sim.limits.debugPerMinute : sim.limits.perApiPerMinute;
  if (!sim.rate.take(`${key}|m${debug ? "d" : ""}`, perMinute, MINUTE, t)) {
    sim.rate.block(key, t + MINUTE);
    throw wecomError(45009);
  }
  if (!sim.rate.take(`${key}|h`, sim.limits.perApiPerHour, HOUR, t)) {
    sim.rate.block(key, t + HOUR);
    throw wecomError(45009);
  }
}

function parseBody(raw: string): unknown {
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw wecomError(40058, "the body is not valid JSON");
  }
}

export async function handleApi(sim: Sim, faults: Faults, req: Request, res: ServerResponse): Promise<void> {
  const api = req.path.replace(/^\/cgi-bin\//, "");
  const route = ROUTES[api];
  if (api !== "gettoken" && !route) {
    sendText(res, 404, "not found");
    return;
  }
  const decision = decideFaults(faults, api);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.fail !== null && decision.fail >= 500) {
    sendText(res, decision.fail, `${decision.fail} simulated failure`);
    return;
  }
  try {
    if (decision.fail === -1) throw wecomError(-1);
    if (decision.rateLimited) throw wecomError(45009, "forced by the simulator's fault control");
    const debug = req.query.get("debug") === "1";
    if (api === "gettoken") {
      checkFrequency(sim, req.query.get("corpid") ?? "", api, debug);
      sendJson(res, 200, {
        errcode: 0,
        errmsg: "ok",
        ...issueToken(sim, {
          corpid: req.query.get("corpid") ?? undefined,
          corpsecret: req.query.get("corpsecret") ?? undefined,
          ip: req.ip,
        }),
      });
      return;
    }
    if (!route) return;
    const caller = authenticate(sim, req.query.get("access_token") ?? undefined);
    checkCallerIp(sim, caller, req.ip);
    checkContactSyncMode(caller, route.write === true);
    if (route.detailRead) checkContactDetailRead(caller);
    if (!route.unlimited) checkFrequency(sim, caller.corp.corpid, api, debug);
    // A POST API called with GET loses its body, as with WeCom: the missing fields then produce the errors.
    const body = route.method === "POST" && req.method === "POST" ? parseBody(req.rawBody) : {};
    const result = route.run({ sim, req, query: req.query, body }, caller);
    sendJson(res, 200, { errcode: 0, errmsg: route.errmsg ?? "ok", ...(result ?? {}) });
  } catch (error) {
    if (error instanceof WecomError) {
      sendJson(res, 200, { errcode: error.errcode, errmsg: formatErrmsg(error, req.ip) });
      return;
    }
    throw error;
  }
}
