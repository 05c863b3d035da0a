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
import { type SimRequest, sendJson, sendText, sleep } from "../shared/http";
import { invite, inviteMember, joinQrCode } from "./invitations";
import { sendMessage } from "./messages";
import { authSucc, getTfaInfo, getUserInfo, getUserInfoLegacy, tfaSucc } from "./oauth";
import { HOUR, MINUTE } from "./rate-limits";
import { authenticate, type Caller, checkContactDetailRead, checkContactSyncMode, issueToken, requireContactSync } from "./tokens";
import { checkCallerIp } from "./trusted-ips";
import { matchUnidentifiedFollowers } from "./wechat";

type Call = { sim: Sim; req: SimRequest; query: URLSearchParams; body: unknown };
type Route = {
  method: "GET" | "POST";
  /** One line for GET /__sim: what the API does. */
  summary: string;
  /** Default success errmsg: "created" for creates, "updated"/"deleted" for department writes. */
  errmsg?: string;
  /** auth/getuserinfo with a valid code is exempt from the frequency limits. */
  unlimited?: boolean;
  /** A directory write: 48002 with a read-only contact-sync API. */
  write?: boolean;
  /** A member-detail read: 48009 with the contact-sync token from a new IP. */
  detailRead?: boolean;
} & (
  | { anonymous?: false; run: (call: Call, caller: Caller) => object | void }
  /** gettoken: no access_token; its frequency counts against the corpid of its query. */
  | { anonymous: true; run: (call: Call) => object }
);

const bodyValue = (body: unknown, key: string): unknown =>
  body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
const bodyField = (body: unknown, key: string): string | undefined => {
  const value = bodyValue(body, key);
  return typeof value === "string" ? value : undefined;
};

const ROUTES: Record<string, Route> = {
  gettoken: {
    summary: "an access_token for a corpid and a secret (an app's or contact sync's)",
    method: "GET",
    anonymous: true,
    run: ({ sim, query, req }) =>
      issueToken(sim, { corpid: query.get("corpid") ?? undefined, corpsecret: query.get("corpsecret") ?? undefined, ip: req.ip }),
  },
  "user/create": {
    summary: "create a member (to_invite defaults to true: the member is invited)",
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
  "user/get": {
    summary: "read a member (fields as the caller's token and the corp's age allow)",
    method: "GET",
    detailRead: true,
    run: ({ query }, c) => getMember(c, query.get("userid") ?? undefined),
  },
  "user/update": {
    summary: "update a member (an activated member's mobile is ignored)",
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
    summary: "delete a member",
    method: "GET",
    errmsg: "deleted",
    write: true,
    run: ({ sim, query }, c) => {
      requireContactSync(c);
      deleteMember(sim, c.corp, query.get("userid") ?? undefined, "contact-api");
    },
  },
  "user/batchdelete": {
    summary: "delete several members",
    method: "POST",
    errmsg: "deleted",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      batchDeleteMembers(sim, c.corp, body, "contact-api");
    },
  },
  "user/simplelist": {
    summary: "members of a department: userid and name",
    method: "GET",
    detailRead: true,
    run: ({ query }, c) => simpleListMembers(c, query.get("department_id"), query.get("fetch_child")),
  },
  "user/list": {
    summary: "members of a department with their details",
    method: "GET",
    detailRead: true,
    run: ({ query }, c) => listMembers(c, query.get("department_id"), query.get("fetch_child")),
  },
  "user/list_id": { summary: "every userid of the corp, paged by cursor", method: "POST", run: ({ body }, c) => listMemberIds(c, body) },
  "user/getuserid": { summary: "the userid holding a mobile", method: "POST", run: ({ sim, body }, c) => getUseridByMobile(sim, c, body) },
  "user/authsucc": {
    summary: "二次验证 passed (old API)",
    method: "GET",
    write: true,
    run: ({ sim, query }, c) => authSucc(sim, c, query.get("userid")),
  },
  "user/tfa_succ": {
    summary: "二次验证 passed, with the tfa_code",
    method: "POST",
    write: true,
    run: ({ sim, body }, c) => tfaSucc(sim, c, bodyField(body, "userid"), bodyField(body, "tfa_code")),
  },
  "auth/get_tfa_info": {
    summary: "the member and tfa_code behind a 二次验证 code",
    method: "POST",
    run: ({ sim, body }, c) => getTfaInfo(sim, c, bodyField(body, "code")),
  },
  "auth/getuserinfo": {
    summary: "the member behind an OAuth code",
    method: "GET",
    unlimited: true,
    run: ({ sim, query }, c) => getUserInfo(sim, c, query.get("code")),
  },
  "user/getuserinfo": {
    summary: "the member behind an OAuth code (old path)",
    method: "GET",
    unlimited: true,
    run: ({ sim, query }, c) => getUserInfoLegacy(sim, c, query.get("code")),
  },
  "department/create": {
    summary: "create a department",
    method: "POST",
    errmsg: "created",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      return createDepartment(sim, c.corp, body, "contact-api");
    },
  },
  "department/update": {
    summary: "update a department",
    method: "POST",
    errmsg: "updated",
    write: true,
    run: ({ sim, body }, c) => {
      requireContactSync(c);
      updateDepartment(sim, c.corp, body, "contact-api");
    },
  },
  "department/delete": {
    summary: "delete an empty department",
    method: "GET",
    errmsg: "deleted",
    write: true,
    run: ({ sim, query }, c) => {
      requireContactSync(c);
      deleteDepartment(sim, c.corp, parseDepartmentId(query.get("id")), "contact-api");
    },
  },
  "department/list": {
    summary: "departments under one, with names",
    method: "GET",
    detailRead: true,
    run: ({ query }, c) => listDepartments(c, parseDepartmentId(query.get("id"))),
  },
  "department/simplelist": {
    summary: "department ids under one",
    method: "GET",
    run: ({ query }, c) => simpleListDepartments(c, parseDepartmentId(query.get("id"))),
  },
  "department/get": {
    summary: "one department",
    method: "GET",
    run: ({ query }, c) => getDepartment(c, parseDepartmentId(query.get("id"))),
  },
  "batch/invite": {
    summary: "invite members, departments or tags to follow",
    method: "POST",
    run: ({ sim, body }, c) => invite(sim, c, body),
  },
  "corp/get_join_qrcode": {
    summary: "the corp's join QR code",
    method: "GET",
    run: ({ sim, query }, c) => joinQrCode(sim, c, query.get("size_type")),
  },
  "message/send": { summary: "send an app message", method: "POST", run: ({ sim, body }, c) => sendMessage(sim, c, body) },
  "agent/get": { summary: "an app's settings and visible range", method: "GET", run: ({ query }, c) => getAgent(c, query.get("agentid")) },
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

/** The WeCom API as GET /__sim lists it, from the same table the requests are served from. */
export function describeApi(): { method: string; path: string; summary: string }[] {
  return Object.entries(ROUTES).map(([api, r]) => ({ method: r.method, path: `/cgi-bin/${api}`, summary: r.summary }));
}

export async function handleApi(sim: Sim, faults: Faults, req: SimRequest, res: ServerResponse): Promise<void> {
  const api = req.path.replace(/^\/cgi-bin\//, "");
  // Own keys only: "toString" is not a WeCom API.
  const route = Object.hasOwn(ROUTES, api) ? ROUTES[api] : undefined;
  if (!route) {
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
    if (route.anonymous) {
      checkFrequency(sim, req.query.get("corpid") ?? "", api, debug);
      sendJson(res, 200, { errcode: 0, errmsg: "ok", ...route.run({ sim, req, query: req.query, body: {} }) });
      return;
    }
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
