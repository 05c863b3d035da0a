// The simulator's control API, JSON under /__sim/. Tests and the product's dev tooling drive the
// simulated WeCom and WeChat through it; tests assert only through it and the WeCom API.
// The table below is the documentation: `GET /__sim` lists it (method, path, summary, body
// schema), and the dispatcher serves exactly it. The corps' defaults are WeCom as a corp set up
// today sees it (reference §7.5); the lenient pre-2022 behaviours are settings for tests about them.
//
// Errors: 400 {error: "invalid_input", issues} for a bad body, 404 {error} for an unknown corp/app/user,
// 409 {error, message} for a refusal in the simulated WeChat (message is what the phone shows) or the console,
// 400 {error: "wecom_rule", errcode, errmsg} when a console change breaks one of WeCom's directory rules.
import type { ServerResponse } from "node:http";
import { z } from "zod";
import { sendJson, type SimRequest } from "../shared/http";
import { describeRoutes, dispatch, Reply, type Route, routeFor } from "../shared/routes";
import { describeApi } from "./api-routes";
import type { CallbackDelivery } from "./callback-delivery";
import { verifyCallbackUrl } from "./callback-crypto";
import { advanceClock, now } from "./clock";
import type { Sim } from "./context";
import {
  addApp,
  appInput,
  appPatch,
  applySeed,
  callbackInput,
  ControlError,
  corpInput,
  corpPatch,
  corpSummary,
  createCorp,
  patchApp,
  patchCorp,
  ipList,
  requireApp,
  requireCorpForControl,
  resetSecret,
  seedInput,
  toCallbackConfig,
} from "./corps";
import { createMember, deleteMember, updateMember } from "./directory";
import { WecomError } from "./errors";
import { applyFaults, type Faults, faultsInput, noFaults } from "./faults";
import { issueJoinQr } from "./invitations";
import { secondVerificationLink } from "./oauth";
import { samePhone } from "./phone";
import { DEFAULT_LIMITS, type Limits } from "./rate-limits";
import { emptyState, findWechatUser, memberStatus, type SimState } from "./state";
import { forceTokenExpiry } from "./tokens";
import { setTrustedIps } from "./trusted-ips";
import {
  changeOwnMobile,
  confirmVerification,
  corpView,
  createWechatUser,
  exitCorp,
  follow,
  matchUnidentifiedFollowers,
  requireCorp,
  scan,
  startVerification,
  unfollow,
  WechatError,
  wechatUserInput,
} from "./wechat";

export type ControlDeps = { sim: Sim; faults: Faults; delivery: CallbackDelivery };

const route = routeFor<ControlDeps>();

const corpidBody = z.strictObject({ corpid: z.string() });
const phoneBody = z.strictObject({ corpid: z.string(), phone: z.string().min(1) });
const limitsInput = z.strictObject({
  reset: z.boolean().optional(),
  ...Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((k) => [k, z.number().min(0).optional()])),
});

function wechatUserOf(sim: Sim, id: string) {
  const user = findWechatUser(sim.state, id);
  if (!user) throw new ControlError(404, `no WeChat user ${id}`);
  return user;
}

function callbackTarget(sim: Sim, corpid: string, agent: string) {
  const corp = requireCorpForControl(sim, corpid);
  if (agent === "contacts")
    return { corp, get: () => corp.contactCallback, set: (c: typeof corp.contactCallback) => (corp.contactCallback = c) };
  const app = requireApp(corp, agent);
  return { corp, get: () => app.callback, set: (c: typeof app.callback) => (app.callback = c) };
}

function resetState(target: SimState): void {
  Object.assign(target, emptyState());
}

const CONTROL_ROUTES: Route<ControlDeps>[] = [
  route({
    method: "GET",
    path: "/__sim",
    summary: "this list: every control route, and the WeCom API routes the simulator serves",
    handler: () => ({ simulator: "wecom", control: describeRoutes(CONTROL_ROUTES), api: describeApi() }),
  }),

  // State
  route({
    method: "POST",
    path: "/__sim/reset",
    summary: "forget everything: corps, users, tokens, faults, limits, logs",
    handler: ({ sim, faults, delivery }) => {
      resetState(sim.state);
      Object.assign(faults, noFaults());
      Object.assign(sim.limits, DEFAULT_LIMITS);
      sim.rate.clear();
      delivery.clear();
      return { ok: true };
    },
  }),
  route({
    method: "POST",
    path: "/__sim/seed",
    summary: "create corps (as POST /__sim/corps) and WeChat users (as POST /__sim/wechat-users) at once",
    body: seedInput,
    answer: "{corps: [corp summary]}",
    handler: ({ sim }, { body }) => ({ corps: applySeed(sim, body).corps.map(corpSummary) }),
  }),
  route({
    method: "GET",
    path: "/__sim/clock",
    summary: "the simulator's time",
    answer: "{now}",
    handler: ({ sim }) => ({ now: now(sim.state) }),
  }),
  route({
    method: "POST",
    path: "/__sim/clock/advance",
    summary: "move the simulator's time forward (expires tokens, OAuth codes, join QR links, rate-limit windows)",
    body: z.strictObject({ seconds: z.number().min(0) }),
    answer: "{now}",
    handler: ({ sim }, { body }) => ({ now: advanceClock(sim.state, body.seconds) }),
  }),

  // Corps and apps (what WeCom's admin console does)
  route({
    method: "GET",
    path: "/__sim/corps",
    summary: "every corp, secrets included",
    answer: "[corp summary]",
    handler: ({ sim }) => sim.state.corps.map(corpSummary),
  }),
  route({
    method: "POST",
    path: "/__sim/corps",
    summary: "create a corp with its apps, departments and members; trusted IPs given here apply at once",
    body: corpInput,
    answer: "corp summary",
    handler: ({ sim }, { body }) => corpSummary(createCorp(sim, body)),
  }),
  route({
    method: "PATCH",
    path: "/__sim/corps/:corpid",
    summary: "change a corp's settings (contactTrustedIps apply at once)",
    body: corpPatch,
    answer: "corp summary",
    handler: ({ sim }, { params, body }) => {
      const corp = requireCorpForControl(sim, params.corpid ?? "");
      patchCorp(corp, body);
      return corpSummary(corp);
    },
  }),
  route({
    method: "POST",
    path: "/__sim/corps/:corpid/apps",
    summary: "add an app (legacy: false = created after 2022-06-20; trustedIps need trustedDomain or callback, else 400)",
    body: appInput,
    answer: "app (with secret)",
    handler: ({ sim }, { params, body }) => addApp(sim, requireCorpForControl(sim, params.corpid ?? ""), body),
  }),
  route({
    method: "PATCH",
    path: "/__sim/corps/:corpid/apps/:agentid",
    summary: "change an app; a visible-range change sends subscribe / unsubscribe for the activated members it adds / removes",
    body: appPatch,
    answer: "app",
    handler: ({ sim }, { params, body }) => {
      const corp = requireCorpForControl(sim, params.corpid ?? "");
      const app = requireApp(corp, params.agentid ?? "");
      patchApp(sim, corp, app, body);
      return app;
    },
  }),
  route({
    method: "PUT",
    path: "/__sim/corps/:corpid/trusted-ips/:agent",
    summary:
      'the console\'s 企业可信IP (agent = agentid or "contacts"), applied trustedIpApplySeconds later; 409 trusted_ip_prerequisite for an app with neither trustedDomain nor callback',
    body: z.strictObject({ ips: ipList }),
    answer: "{ips, effectiveAt}",
    handler: ({ sim }, { params, body }) =>
      setTrustedIps(sim, requireCorpForControl(sim, params.corpid ?? ""), params.agent ?? "", body.ips),
  }),
  route({
    method: "POST",
    path: "/__sim/corps/:corpid/console/members",
    summary: "a member the admin adds in the console (no invitation)",
    bodyNote: "a user/create body",
    answer: "{userid}",
    handler: ({ sim }, { params, body }) => {
      const corp = requireCorpForControl(sim, params.corpid ?? "");
      const member = createMember(sim, corp, body, "control");
      matchUnidentifiedFollowers(sim, corp);
      return { userid: member.userid };
    },
  }),
  route({
    method: "PATCH",
    path: "/__sim/corps/:corpid/console/members/:userid",
    summary: "the admin edits a member in the console",
    bodyNote: "a user/update body (userid from the path)",
    handler: ({ sim }, { params, body }) => {
      const corp = requireCorpForControl(sim, params.corpid ?? "");
      updateMember(sim, corp, { ...(body as object), userid: params.userid }, "control");
      matchUnidentifiedFollowers(sim, corp);
      return { ok: true };
    },
  }),
  route({
    method: "DELETE",
    path: "/__sim/corps/:corpid/console/members/:userid",
    summary: "the admin deletes a member in the console",
    handler: ({ sim }, { params }) => {
      deleteMember(sim, requireCorpForControl(sim, params.corpid ?? ""), params.userid, "control");
      return { ok: true };
    },
  }),
  route({
    method: "POST",
    path: "/__sim/corps/:corpid/secrets/:agent",
    summary: 'reset a secret (agent = agentid or "contacts")',
    answer: "{secret}",
    handler: ({ sim }, { params }) => ({ secret: resetSecret(requireCorpForControl(sim, params.corpid ?? ""), params.agent ?? "") }),
  }),
  route({
    method: "PUT",
    path: "/__sim/corps/:corpid/callbacks/:agent",
    summary: 'set the callback of an app or of contact sync (agent = agentid or "contacts")',
    body: callbackInput,
    answer: "the config, a generated EncodingAESKey included",
    handler: ({ sim }, { params, body }) => {
      const target = callbackTarget(sim, params.corpid ?? "", params.agent ?? "");
      const config = toCallbackConfig(body);
      target.set(config);
      return config;
    },
  }),
  route({
    method: "DELETE",
    path: "/__sim/corps/:corpid/callbacks/:agent",
    summary: "remove a callback",
    handler: ({ sim }, { params }) => {
      callbackTarget(sim, params.corpid ?? "", params.agent ?? "").set(null);
      return { ok: true };
    },
  }),
  route({
    method: "POST",
    path: "/__sim/corps/:corpid/callbacks/:agent/verify",
    summary: "make WeCom's echostr URL-verification request to the configured callback",
    answer: "{ok, status, body, expected}",
    handler: async ({ sim }, { params }) => {
      const target = callbackTarget(sim, params.corpid ?? "", params.agent ?? "");
      const config = target.get();
      if (!config) throw new ControlError(404, "no callback configured");
      return verifyCallbackUrl({
        url: config.url,
        token: config.token,
        encodingAesKey: config.encodingAesKey,
        receiveId: target.corp.corpid,
      });
    },
  }),
  route({
    method: "PUT",
    path: "/__sim/corps/:corpid/second-verification",
    summary: "the 二次验证 page (null turns it off)",
    body: z.strictObject({ url: z.url().nullable() }),
    answer: "{url}",
    handler: ({ sim }, { params, body }) => {
      const corp = requireCorpForControl(sim, params.corpid ?? "");
      corp.secondVerificationUrl = body.url;
      return { url: corp.secondVerificationUrl };
    },
  }),
  route({
    method: "POST",
    path: "/__sim/corps/:corpid/links",
    summary: "a QR link shown on the phone page",
    body: z.strictObject({ label: z.string().min(1), url: z.url() }),
    answer: "[links]",
    handler: ({ sim }, { params, body }) => {
      const corp = requireCorpForControl(sim, params.corpid ?? "");
      corp.links.push(body);
      return corp.links;
    },
  }),
  route({
    method: "POST",
    path: "/__sim/corps/:corpid/join-qrcode",
    summary: "a join QR link, as corp/get_join_qrcode makes",
    answer: "{url}",
    handler: ({ sim }, { params }) => ({ url: issueJoinQr(sim, requireCorpForControl(sim, params.corpid ?? "")) }),
  }),
  route({
    method: "GET",
    path: "/__sim/corps/:corpid/directory",
    summary: "the corp's directory as WeCom holds it",
    answer: "{departments, members (with status, wechatUserId, linkedPhone …), unidentifiedFollowers}",
    handler: ({ sim }, { params }) => {
      const corp = requireCorpForControl(sim, params.corpid ?? "");
      return {
        departments: corp.departments,
        members: corp.members.map((m) => ({ ...m, status: memberStatus(m) })),
        unidentifiedFollowers: corp.unidentifiedFollowers,
      };
    },
  }),
  route({
    method: "GET",
    path: "/__sim/corps/:corpid/invitations",
    summary: "invitations sent (batch/invite, user/create's to_invite)",
    answer: "[{userid, at, channel, notices: [{at}]}]",
    handler: ({ sim }, { params }) =>
      requireCorpForControl(sim, params.corpid ?? "").invitations.map(({ userid, at, channel, notices }) => ({
        userid,
        at,
        channel,
        notices,
      })),
  }),
  route({
    method: "GET",
    path: "/__sim/corps/:corpid/messages",
    summary: "every message/send delivery of the corp",
    handler: ({ sim }, { params }) => requireCorpForControl(sim, params.corpid ?? "").messages,
  }),

  // Tokens
  route({
    method: "POST",
    path: "/__sim/tokens/ttl",
    summary: "lifetime of tokens issued from now on (7200 s by default)",
    body: z.strictObject({ seconds: z.number().int().min(1) }),
    answer: "{seconds}",
    handler: ({ sim }, { body }) => {
      sim.state.tokenTtlSeconds = body.seconds;
      return { seconds: sim.state.tokenTtlSeconds };
    },
  }),
  route({
    method: "POST",
    path: "/__sim/tokens/expire",
    summary: 'end the tokens issued so far: "expire" answers 42001 (default), "invalidate" 40014',
    body: z.strictObject({ corpid: z.string().optional(), mode: z.enum(["expire", "invalidate"]).optional() }),
    answer: "{count}",
    handler: ({ sim }, { body }) => ({ count: forceTokenExpiry(sim, { corpid: body.corpid, mode: body.mode ?? "expire" }) }),
  }),

  // Simulated WeChat
  route({
    method: "GET",
    path: "/__sim/wechat-users",
    summary: "every simulated WeChat user",
    handler: ({ sim }) => sim.state.wechatUsers,
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users",
    summary: "a WeChat user with a bound phone (409 {error, message} if the phone is taken)",
    body: wechatUserInput,
    answer: "user",
    handler: ({ sim }, { body }) => createWechatUser(sim, body),
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users/:id/scan",
    summary: "the user scans a link or QR code",
    body: z.strictObject({ url: z.string() }),
    answer: '{kind: "redirect"|"open", location} | {kind: "follow", corpid, follow} | {kind: "error", message}',
    handler: ({ sim }, { params, body }) => scan(sim, wechatUserOf(sim, params.id ?? ""), body.url),
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users/:id/follow",
    summary: "the user follows the corp, as by scanning its join QR",
    body: corpidBody,
    answer: "FollowResult",
    handler: ({ sim }, { params, body }) => follow(sim, requireCorp(sim, body.corpid), wechatUserOf(sim, params.id ?? "")),
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users/:id/verify/start",
    summary: "关注身份验证: 【获取验证码】 (409 {error, message} with the on-screen refusal)",
    body: phoneBody,
    answer: "{sentTo}",
    handler: ({ sim }, { params, body }) =>
      startVerification(sim, requireCorp(sim, body.corpid), wechatUserOf(sim, params.id ?? ""), body.phone),
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users/:id/verify/confirm",
    summary: "关注身份验证: 【验证】 with the SMS code",
    body: phoneBody.extend({ code: z.string() }),
    answer: '{result: "followed", userid, secondVerificationUrl} | {result: "verified_without_apps"}',
    handler: ({ sim }, { params, body }) =>
      confirmVerification(sim, requireCorp(sim, body.corpid), wechatUserOf(sim, params.id ?? ""), body.phone, body.code),
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users/:id/unfollow",
    summary: "the user stops following (status 4)",
    body: corpidBody,
    answer: "{userid}",
    handler: ({ sim }, { params, body }) => unfollow(sim, requireCorp(sim, body.corpid), wechatUserOf(sim, params.id ?? "")),
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users/:id/mobile",
    summary: "the member changes their own mobile (the only way for an activated member: user/update ignores it)",
    body: z.strictObject({ corpid: z.string(), mobile: z.string().min(1) }),
    answer: "{userid, mobile}",
    handler: ({ sim }, { params, body }) =>
      changeOwnMobile(sim, requireCorp(sim, body.corpid), wechatUserOf(sim, params.id ?? ""), body.mobile),
  }),
  route({
    method: "POST",
    path: "/__sim/wechat-users/:id/exit",
    summary: "the user leaves the corp (退出企业, status 5)",
    body: corpidBody,
    answer: "{userid}",
    handler: ({ sim }, { params, body }) => exitCorp(sim, requireCorp(sim, body.corpid), wechatUserOf(sim, params.id ?? "")),
  }),
  route({
    method: "GET",
    path: "/__sim/wechat-users/:id/corps/:corpid",
    summary: "what the user sees of a corp: relation, userid, status, apps, inbox",
    handler: ({ sim }, { params }) => corpView(sim, requireCorpForControl(sim, params.corpid ?? ""), wechatUserOf(sim, params.id ?? "")),
  }),
  route({
    method: "GET",
    path: "/__sim/wechat-users/:id/second-verification",
    summary: "the 二次验证 link with a fresh code (?corpid=)",
    answer: "{url}",
    handler: ({ sim }, { params, req }) => {
      const corp = requireCorpForControl(sim, req.query.get("corpid") ?? "");
      const user = wechatUserOf(sim, params.id ?? "");
      const member = corp.members.find((m) => m.wechatUserId === user.id);
      return { url: member ? secondVerificationLink(sim, corp, member) : null };
    },
  }),
  route({
    method: "GET",
    path: "/__sim/sms",
    summary: "the SMS outbox, newest last (?phone= to filter)",
    handler: ({ sim }, { req }) => {
      const phone = req.query.get("phone");
      return phone ? sim.state.smsOutbox.filter((s) => samePhone(s.phone, phone)) : sim.state.smsOutbox;
    },
  }),

  // Callbacks
  route({
    method: "GET",
    path: "/__sim/callbacks",
    summary: "the callback delivery log (?corpid= to filter)",
    answer: "[{id, corpid, agent, url, kind, message, outcome, attempts}]",
    handler: ({ delivery }, { req }) => delivery.log.filter((r) => !req.query.get("corpid") || r.corpid === req.query.get("corpid")),
  }),
  route({
    method: "POST",
    path: "/__sim/callbacks/idle",
    summary: "wait until every queued callback is delivered or failed",
    handler: async ({ delivery }) => {
      await delivery.idle();
      return { ok: true };
    },
  }),
  route({
    method: "PUT",
    path: "/__sim/callbacks/settings",
    summary: "callback delivery timeout, attempts and retry delay (5000 / 3 / 1000 by default)",
    body: z.strictObject({
      timeoutMs: z.number().int().min(1).optional(),
      attempts: z.number().int().min(1).max(10).optional(),
      retryDelayMs: z.number().int().min(0).optional(),
    }),
    handler: ({ delivery }, { body }) => {
      delivery.settings = { ...delivery.settings, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
      return delivery.settings;
    },
  }),

  // Faults and limits
  route({ method: "GET", path: "/__sim/faults", summary: "the current faults", handler: ({ faults }) => faults }),
  route({
    method: "POST",
    path: "/__sim/faults",
    summary: "latency, HTTP 5xx / errcode -1, forced 45009 and dropped callbacks, merged into the current faults (WeCom API only)",
    body: faultsInput,
    handler: ({ faults }, { body }) => {
      applyFaults(faults, body);
      return faults;
    },
  }),
  route({
    method: "DELETE",
    path: "/__sim/faults",
    summary: "clear every fault",
    handler: ({ faults }) => {
      Object.assign(faults, noFaults());
      return faults;
    },
  }),
  route({
    method: "GET",
    path: "/__sim/limits",
    summary: "the frequency limits and trustedIpApplySeconds (rate-limits.ts)",
    handler: ({ sim }) => sim.limits,
  }),
  route({
    method: "POST",
    path: "/__sim/limits",
    summary: "change the frequency limits and trustedIpApplySeconds; {reset: true} restores them",
    body: limitsInput,
    handler: ({ sim }, { body }) => {
      const { reset, ...rest } = body as { reset?: boolean } & Partial<Limits>;
      if (reset) Object.assign(sim.limits, DEFAULT_LIMITS);
      Object.assign(sim.limits, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      return sim.limits;
    },
  }),
];

function mapControlError(error: unknown): Reply | null {
  if (error instanceof ControlError)
    return Reply.json(error.status, error.code ? { error: error.code, message: error.message } : { error: error.message });
  if (error instanceof WechatError) return Reply.json(409, { error: error.code, message: error.message });
  if (error instanceof WecomError) return Reply.json(400, { error: "wecom_rule", errcode: error.errcode, errmsg: error.message });
  return null;
}

export async function handleControl(deps: ControlDeps, req: SimRequest, res: ServerResponse): Promise<void> {
  if (await dispatch(CONTROL_ROUTES, deps, req, res, { mapError: mapControlError })) return;
  sendJson(res, 404, { error: `no control route ${req.method} ${req.path}` });
}
