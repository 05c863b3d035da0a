// The simulator's control API, JSON under /__sim/. Tests and the product's dev tooling drive the
// simulated WeCom and WeChat through it; tests assert only through it and the WeCom API.
//
// State
//   POST   /__sim/reset                                  forget everything (corps, users, tokens, faults, logs)
//   POST   /__sim/seed                                   {corps?: Corp[], wechatUsers?: User[]} (Corp as below)
//   GET    /__sim/clock                                  {now}
//   POST   /__sim/clock/advance                          {seconds} → {now}; moves the simulator's time forward
// Corps and apps (what WeCom's admin console does). The defaults are WeCom as a corp set up today
// sees it (reference §7.5); the lenient pre-2022 behaviours are settings for tests about them.
//   GET    /__sim/corps                                  [corp summary with secrets]
//   POST   /__sim/corps                                  {corpid?, name, contactSecret?, contactSync?: "readWrite"(default)|"readOnly"|"off",
//                                                         accountCap?, creatorUserid?, contactSyncLegacyIp? (false: 48009 on detail reads),
//                                                         contactIpRestricted? (true), contactTrustedIps? ([]), exmail? (false),
//                                                         secondVerificationUrl?, contactCallback?, apps?: App[],
//                                                         departments?: [{id,name,parentid,order?}], members?: user/create bodies[],
//                                                         links?: [{label,url}]} → corp summary. Trusted IPs given here apply at once.
//   PATCH  /__sim/corps/:corpid                          {name?, contactSync?, accountCap?, creatorUserid?, contactSyncLegacyIp?,
//                                                         contactIpRestricted?, contactTrustedIps? (at once), exmail?}
//   POST   /__sim/corps/:corpid/apps                     {agentid?, name, secret?, enabled?, visibleDepartments?, visibleUsers?,
//                                                         trustedDomain?, isAssistant?, homeUrl?, callback?, legacy? (false: created after
//                                                         2022-06-20), trustedIps? (at once; needs trustedDomain or callback, else 400)}
//                                                         → app (with secret)
//   PATCH  /__sim/corps/:corpid/apps/:agentid            the same fields but agentid/secret; a visible-range change sends subscribe /
//                                                         unsubscribe for the activated members it adds / removes
//   PUT    /__sim/corps/:corpid/trusted-ips/:agent       {ips} (agent = agentid or "contacts"): the console's 企业可信IP → {ips, effectiveAt};
//                                                         applies trustedIpApplySeconds (limits) later; 409 {error: "trusted_ip_prerequisite",
//                                                         message} for an app with neither trustedDomain nor callback
//   POST   /__sim/corps/:corpid/console/members          a user/create body: a member the admin adds in the console (no invitation)
//   PATCH  /__sim/corps/:corpid/console/members/:userid  a user/update body: the admin edits a member in the console
//   DELETE /__sim/corps/:corpid/console/members/:userid  the admin deletes a member in the console
//   POST   /__sim/corps/:corpid/secrets/:agent           reset a secret (agent = agentid or "contacts") → {secret}
//   PUT    /__sim/corps/:corpid/callbacks/:agent         {url, token, encodingAesKey?, fieldSet?: "full"|"restricted",
//                                                         echoOwnApiChanges?} → the config (a generated EncodingAESKey included)
//   DELETE /__sim/corps/:corpid/callbacks/:agent         remove it
//   POST   /__sim/corps/:corpid/callbacks/:agent/verify  make WeCom's echostr URL-verification request → {ok, status, body, expected}
//   PUT    /__sim/corps/:corpid/second-verification      {url: string|null}: the 二次验证 page (null turns it off)
//   POST   /__sim/corps/:corpid/links                    {label, url}: a QR link shown on the phone page
//   POST   /__sim/corps/:corpid/join-qrcode              → {url}: a join QR link (as corp/get_join_qrcode makes)
//   GET    /__sim/corps/:corpid/directory                {departments, members (with status, wechatUserId, linkedPhone …), unidentifiedFollowers}
//   GET    /__sim/corps/:corpid/invitations              [{userid, at, channel, notices: [{at}]}]: invitations (batch/invite, to_invite)
//   GET    /__sim/corps/:corpid/messages                 every message/send delivery of the corp
// Tokens
//   POST   /__sim/tokens/ttl                             {seconds}: lifetime of tokens issued from now on (7200 by default)
//   POST   /__sim/tokens/expire                          {corpid?, mode?: "expire"(42001, default)|"invalidate"(40014)} → {count}
// Simulated WeChat
//   GET    /__sim/wechat-users                           [users]
//   POST   /__sim/wechat-users                           {id?, name, phone} → user   (409 {error, message} if the phone is taken)
//   POST   /__sim/wechat-users/:id/scan                  {url} → {kind: "redirect"|"open", location} | {kind: "follow", corpid, follow}
//                                                         | {kind: "error", message}
//   POST   /__sim/wechat-users/:id/follow                {corpid} → FollowResult (as scanning the corp's join QR)
//   POST   /__sim/wechat-users/:id/verify/start          {corpid, phone} → {sentTo}; 409 {error, message} with the on-screen refusal
//   POST   /__sim/wechat-users/:id/verify/confirm        {corpid, phone, code} → {result: "followed", userid, secondVerificationUrl}
//                                                         | {result: "verified_without_apps"}
//   POST   /__sim/wechat-users/:id/unfollow              {corpid} → {userid}   (status 4)
//   POST   /__sim/wechat-users/:id/exit                  {corpid} → {userid}   (退出企业, status 5)
//   POST   /__sim/wechat-users/:id/mobile                {corpid, mobile} → {userid, mobile}: the member changes their own mobile
//                                                         (the only way for an activated member: user/update ignores it)
//   GET    /__sim/wechat-users/:id/corps/:corpid         what the user sees: relation, userid, status, apps, inbox
//   GET    /__sim/wechat-users/:id/second-verification?corpid=  → {url}: the 二次验证 link with a fresh code
//   GET    /__sim/sms?phone=                             the SMS outbox (newest last)
// Callbacks
//   GET    /__sim/callbacks?corpid=                      delivery log: {id, corpid, agent, url, kind, message, outcome, attempts}
//   POST   /__sim/callbacks/idle                         waits until every queued callback is delivered or failed
//   PUT    /__sim/callbacks/settings                     {timeoutMs?, attempts?, retryDelayMs?} (5000 / 3 / 1000 by default)
// Faults and limits
//   GET    /__sim/faults | DELETE /__sim/faults          read / clear
//   POST   /__sim/faults                                 {latencyMs?, paths?, fail?: {count?, ratio?, status?}, rateLimit?: {count?, ratio?},
//                                                         dropCallbacks?} merged into the current faults
//   GET    /__sim/limits | POST /__sim/limits            read / change the frequency limits and trustedIpApplySeconds (rate-limits.ts);
//                                                         POST {reset: true} restores them
//
// Errors: 400 {error: "invalid_input", issues} for a bad body, 404 {error} for an unknown corp/app/user,
// 409 {error, message} for a refusal in the simulated WeChat (message is what the phone shows) or the console,
// 400 {error: "wecom_rule", errcode, errmsg} when a console change breaks one of WeCom's directory rules.
import type { ServerResponse } from "node:http";
import { z } from "zod";
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
  toCallbackConfig,
} from "./corps";
import { createMember, deleteMember, updateMember } from "./directory";
import { WecomError } from "./errors";
import { applyFaults, type Faults, faultsInput, noFaults } from "./faults";
import { matchPath, type Request, sendJson } from "./http";
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

type Handler = (deps: ControlDeps, params: Record<string, string>, body: unknown, req: Request) => unknown;

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

const ROUTES: [method: string, pattern: string, handler: Handler][] = [
  [
    "POST",
    "/__sim/reset",
    ({ sim, faults, delivery }) => {
      resetState(sim.state);
      Object.assign(faults, noFaults());
      Object.assign(sim.limits, DEFAULT_LIMITS);
      sim.rate.clear();
      delivery.clear();
      return { ok: true };
    },
  ],
  ["POST", "/__sim/seed", ({ sim }, _p, body) => ({ corps: applySeed(sim, body).corps.map(corpSummary) })],
  ["GET", "/__sim/clock", ({ sim }) => ({ now: now(sim.state) })],
  [
    "POST",
    "/__sim/clock/advance",
    ({ sim }, _p, body) => ({ now: advanceClock(sim.state, z.strictObject({ seconds: z.number().min(0) }).parse(body).seconds) }),
  ],

  ["GET", "/__sim/corps", ({ sim }) => sim.state.corps.map(corpSummary)],
  ["POST", "/__sim/corps", ({ sim }, _p, body) => corpSummary(createCorp(sim, corpInput.parse(body)))],
  [
    "PATCH",
    "/__sim/corps/:corpid",
    ({ sim }, p, body) => {
      const corp = requireCorpForControl(sim, p.corpid ?? "");
      patchCorp(corp, corpPatch.parse(body));
      return corpSummary(corp);
    },
  ],
  [
    "POST",
    "/__sim/corps/:corpid/apps",
    ({ sim }, p, body) => addApp(sim, requireCorpForControl(sim, p.corpid ?? ""), appInput.parse(body)),
  ],
  [
    "PATCH",
    "/__sim/corps/:corpid/apps/:agentid",
    ({ sim }, p, body) => {
      const corp = requireCorpForControl(sim, p.corpid ?? "");
      const app = requireApp(corp, p.agentid ?? "");
      patchApp(sim, corp, app, appPatch.parse(body));
      return app;
    },
  ],
  [
    "PUT",
    "/__sim/corps/:corpid/trusted-ips/:agent",
    ({ sim }, p, body) =>
      setTrustedIps(sim, requireCorpForControl(sim, p.corpid ?? ""), p.agent ?? "", z.strictObject({ ips: ipList }).parse(body).ips),
  ],
  [
    "POST",
    "/__sim/corps/:corpid/console/members",
    ({ sim }, p, body) => {
      const corp = requireCorpForControl(sim, p.corpid ?? "");
      const member = createMember(sim, corp, body, "control");
      matchUnidentifiedFollowers(sim, corp);
      return { userid: member.userid };
    },
  ],
  [
    "PATCH",
    "/__sim/corps/:corpid/console/members/:userid",
    ({ sim }, p, body) => {
      const corp = requireCorpForControl(sim, p.corpid ?? "");
      updateMember(sim, corp, { ...(body as object), userid: p.userid }, "control");
      matchUnidentifiedFollowers(sim, corp);
      return { ok: true };
    },
  ],
  [
    "DELETE",
    "/__sim/corps/:corpid/console/members/:userid",
    ({ sim }, p) => {
      deleteMember(sim, requireCorpForControl(sim, p.corpid ?? ""), p.userid, "control");
      return { ok: true };
    },
  ],
  [
    "POST",
    "/__sim/corps/:corpid/secrets/:agent",
    ({ sim }, p) => ({ secret: resetSecret(requireCorpForControl(sim, p.corpid ?? ""), p.agent ?? "") }),
  ],
  [
    "PUT",
    "/__sim/corps/:corpid/callbacks/:agent",
    ({ sim }, p, body) => {
      const target = callbackTarget(sim, p.corpid ?? "", p.agent ?? "");
      const config = toCallbackConfig(callbackInput.parse(body));
      target.set(config);
      return config;
    },
  ],
  [
    "DELETE",
    "/__sim/corps/:corpid/callbacks/:agent",
    ({ sim }, p) => {
      callbackTarget(sim, p.corpid ?? "", p.agent ?? "").set(null);
      return { ok: true };
    },
  ],
  [
    "POST",
    "/__sim/corps/:corpid/callbacks/:agent/verify",
    async ({ sim }, p) => {
      const target = callbackTarget(sim, p.corpid ?? "", p.agent ?? "");
      const config = target.get();
      if (!config) throw new ControlError(404, "no callback configured");
      return verifyCallbackUrl({
        url: config.url,
        token: config.token,
        encodingAesKey: config.encodingAesKey,
        receiveId: target.corp.corpid,
      });
    },
  ],
  [
    "PUT",
    "/__sim/corps/:corpid/second-verification",
    ({ sim }, p, body) => {
      const corp = requireCorpForControl(sim, p.corpid ?? "");
      corp.secondVerificationUrl = z.strictObject({ url: z.url().nullable() }).parse(body).url;
      return { url: corp.secondVerificationUrl };
    },
  ],
  [
    "POST",
    "/__sim/corps/:corpid/links",
    ({ sim }, p, body) => {
      const corp = requireCorpForControl(sim, p.corpid ?? "");
      corp.links.push(z.strictObject({ label: z.string().min(1), url: z.url() }).parse(body));
      return corp.links;
    },
  ],
  ["POST", "/__sim/corps/:corpid/join-qrcode", ({ sim }, p) => ({ url: issueJoinQr(sim, requireCorpForControl(sim, p.corpid ?? "")) })],
  [
    "GET",
    "/__sim/corps/:corpid/directory",
    ({ sim }, p) => {
      const corp = requireCorpForControl(sim, p.corpid ?? "");
      return {
        departments: corp.departments,
        members: corp.members.map((m) => ({ ...m, status: memberStatus(m) })),
        unidentifiedFollowers: corp.unidentifiedFollowers,
      };
    },
  ],
  [
    "GET",
    "/__sim/corps/:corpid/invitations",
    ({ sim }, p) =>
      requireCorpForControl(sim, p.corpid ?? "").invitations.map(({ userid, at, channel, notices }) => ({ userid, at, channel, notices })),
  ],
  ["GET", "/__sim/corps/:corpid/messages", ({ sim }, p) => requireCorpForControl(sim, p.corpid ?? "").messages],

  [
    "POST",
    "/__sim/tokens/ttl",
    ({ sim }, _p, body) => {
      sim.state.tokenTtlSeconds = z.strictObject({ seconds: z.number().int().min(1) }).parse(body).seconds;
      return { seconds: sim.state.tokenTtlSeconds };
    },
  ],
  [
    "POST",
    "/__sim/tokens/expire",
    ({ sim }, _p, body) => {
      const input = z.strictObject({ corpid: z.string().optional(), mode: z.enum(["expire", "invalidate"]).optional() }).parse(body ?? {});
      return { count: forceTokenExpiry(sim, { corpid: input.corpid, mode: input.mode ?? "expire" }) };
    },
  ],

  ["GET", "/__sim/wechat-users", ({ sim }) => sim.state.wechatUsers],
  ["POST", "/__sim/wechat-users", ({ sim }, _p, body) => createWechatUser(sim, wechatUserInput.parse(body))],
  [
    "POST",
    "/__sim/wechat-users/:id/scan",
    ({ sim }, p, body) => scan(sim, wechatUserOf(sim, p.id ?? ""), z.strictObject({ url: z.string() }).parse(body).url),
  ],
  [
    "POST",
    "/__sim/wechat-users/:id/follow",
    ({ sim }, p, body) => follow(sim, requireCorp(sim, corpidBody.parse(body).corpid), wechatUserOf(sim, p.id ?? "")),
  ],
  [
    "POST",
    "/__sim/wechat-users/:id/verify/start",
    ({ sim }, p, body) => {
      const input = phoneBody.parse(body);
      return startVerification(sim, requireCorp(sim, input.corpid), wechatUserOf(sim, p.id ?? ""), input.phone);
    },
  ],
  [
    "POST",
    "/__sim/wechat-users/:id/verify/confirm",
    ({ sim }, p, body) => {
      const input = phoneBody.extend({ code: z.string() }).parse(body);
      return confirmVerification(sim, requireCorp(sim, input.corpid), wechatUserOf(sim, p.id ?? ""), input.phone, input.code);
    },
  ],
  [
    "POST",
    "/__sim/wechat-users/:id/unfollow",
    ({ sim }, p, body) => unfollow(sim, requireCorp(sim, corpidBody.parse(body).corpid), wechatUserOf(sim, p.id ?? "")),
  ],
  [
    "POST",
    "/__sim/wechat-users/:id/mobile",
    ({ sim }, p, body) => {
      const input = z.strictObject({ corpid: z.string(), mobile: z.string().min(1) }).parse(body);
      return changeOwnMobile(sim, requireCorp(sim, input.corpid), wechatUserOf(sim, p.id ?? ""), input.mobile);
    },
  ],
  [
    "POST",
    "/__sim/wechat-users/:id/exit",
    ({ sim }, p, body) => exitCorp(sim, requireCorp(sim, corpidBody.parse(body).corpid), wechatUserOf(sim, p.id ?? "")),
  ],
  [
    "GET",
    "/__sim/wechat-users/:id/corps/:corpid",
    ({ sim }, p) => corpView(sim, requireCorpForControl(sim, p.corpid ?? ""), wechatUserOf(sim, p.id ?? "")),
  ],
  [
    "GET",
    "/__sim/wechat-users/:id/second-verification",
    ({ sim }, p, _b, req) => {
      const corp = requireCorpForControl(sim, req.query.get("corpid") ?? "");
      const user = wechatUserOf(sim, p.id ?? "");
      const member = corp.members.find((m) => m.wechatUserId === user.id);
      return { url: member ? secondVerificationLink(sim, corp, member) : null };
    },
  ],
  [
    "GET",
    "/__sim/sms",
    ({ sim }, _p, _b, req) => {
      const phone = req.query.get("phone");
      return phone ? sim.state.smsOutbox.filter((s) => samePhone(s.phone, phone)) : sim.state.smsOutbox;
    },
  ],

  [
    "GET",
    "/__sim/callbacks",
    ({ delivery }, _p, _b, req) => delivery.log.filter((r) => !req.query.get("corpid") || r.corpid === req.query.get("corpid")),
  ],
  [
    "POST",
    "/__sim/callbacks/idle",
    async ({ delivery }) => {
      await delivery.idle();
      return { ok: true };
    },
  ],
  [
    "PUT",
    "/__sim/callbacks/settings",
    ({ delivery }, _p, body) => {
      const input = z
        .strictObject({
          timeoutMs: z.number().int().min(1).optional(),
          attempts: z.number().int().min(1).max(10).optional(),
          retryDelayMs: z.number().int().min(0).optional(),
        })
        .parse(body);
      delivery.settings = { ...delivery.settings, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      return delivery.settings;
    },
  ],

  ["GET", "/__sim/faults", ({ faults }) => faults],
  [
    "POST",
    "/__sim/faults",
    ({ faults }, _p, body) => {
      applyFaults(faults, faultsInput.parse(body));
      return faults;
    },
  ],
  [
    "DELETE",
    "/__sim/faults",
    ({ faults }) => {
      Object.assign(faults, noFaults());
      return faults;
    },
  ],
  ["GET", "/__sim/limits", ({ sim }) => sim.limits],
  [
    "POST",
    "/__sim/limits",
    ({ sim }, _p, body) => {
      const { reset, ...rest } = limitsInput.parse(body) as { reset?: boolean } & Partial<Limits>;
      if (reset) Object.assign(sim.limits, DEFAULT_LIMITS);
      Object.assign(sim.limits, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      return sim.limits;
    },
  ],
];

export async function handleControl(deps: ControlDeps, req: Request, res: ServerResponse): Promise<void> {
  for (const [method, pattern, handler] of ROUTES) {
    const params = matchPath(pattern, req.path);
    if (!params) continue;
    if (method !== req.method) continue;
    try {
      let body: unknown = undefined;
      if (req.rawBody.trim() !== "") body = JSON.parse(req.rawBody) as unknown;
      const result = await handler(deps, params, body ?? {}, req);
      sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      if (error instanceof z.ZodError) sendJson(res, 400, { error: "invalid_input", issues: error.issues });
      else if (error instanceof SyntaxError) sendJson(res, 400, { error: "invalid_json", message: error.message });
      else if (error instanceof ControlError)
        sendJson(res, error.status, error.code ? { error: error.code, message: error.message } : { error: error.message });
      else if (error instanceof WechatError) sendJson(res, 409, { error: error.code, message: error.message });
      else if (error instanceof WecomError) sendJson(res, 400, { error: "wecom_rule", errcode: error.errcode, errmsg: error.message });
      else throw error;
    }
    return;
  }
  sendJson(res, 404, { error: `no control route ${req.method} ${req.path}` });
}
