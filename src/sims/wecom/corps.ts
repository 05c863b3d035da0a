// Setting the simulated WeCom up (what an admin does in WeCom's admin console): corps with their
// contact-sync secret, apps with their secrets and visible ranges, callback configs, the second
// verification page, and a seed format that creates all of it at once.
import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";
import { generateEncodingAesKey } from "./callback-crypto";
import type { Sim } from "./context";
import { createDepartment } from "./departments";
import { createMember } from "./directory";
import { type App, type CallbackConfig, type Corp, findCorp, memberStatus } from "./state";
import { isMemberVisible } from "./visibility";
import { createWechatUser, wechatUserInput } from "./wechat";

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A machine-readable reason; the answer is then {error: code, message}. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Exact addresses, IPv4 or IPv6, as the console's 企业可信IP takes them. */
export const ipList = z.array(z.string().refine((ip) => isIP(ip) !== 0, "an IPv4 or IPv6 address"));

/** What the console says when an app without a trusted domain or callback URL is given trusted IPs (reference §7.5). */
export const TRUSTED_IP_PREREQUISITE = "请先配置可信域名或设置接收消息服务器URL";

export function checkTrustedIpPrerequisite(
  app: { trustedDomain: string | null | undefined; callback: object | null | undefined },
  ips: readonly string[],
  status: 400 | 409,
): void {
  if (ips.length > 0 && !app.trustedDomain && !app.callback)
    throw new ControlError(status, TRUSTED_IP_PREREQUISITE, "trusted_ip_prerequisite");
}

const newSecret = () => randomBytes(32).toString("base64url").replace(/[-_]/g, "x").slice(0, 43);

export const callbackInput = z.strictObject({
  url: z.url(),
  /** WeCom's Token: letters and digits, up to 32. */
  token: z.string().regex(/^[A-Za-z0-9]{1,32}$/),
  encodingAesKey: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/)
    .optional(),
  fieldSet: z.enum(["full", "restricted"]).optional(),
  echoOwnApiChanges: z.boolean().optional(),
});

export const appInput = z.strictObject({
  agentid: z.number().int().positive().optional(),
  name: z.string().min(1).max(32),
  secret: z.string().min(8).max(64).optional(),
  enabled: z.boolean().optional(),
  visibleDepartments: z.array(z.number().int()).optional(),
  visibleUsers: z.array(z.string()).optional(),
  trustedDomain: z.string().nullable().optional(),
  isAssistant: z.boolean().optional(),
  homeUrl: z.url().nullable().optional(),
  callback: callbackInput.nullable().optional(),
  /** An app created before 2022-06-20 (no trusted-IP restriction, full user/get fields); default false. */
  legacy: z.boolean().optional(),
  /** Applies at once here (the body is a snapshot of an app set up earlier); the console's way is PUT …/trusted-ips/:agent. */
  trustedIps: ipList.optional(),
});
export const appPatch = appInput.partial().omit({ agentid: true, secret: true });

export const corpInput = z.strictObject({
  corpid: z
    .string()
    .regex(/^[A-Za-z0-9]{1,32}$/)
    .optional(),
  name: z.string().min(1).max(64),
  contactSecret: z.string().min(8).max(64).optional(),
  contactSync: z.enum(["readWrite", "readOnly", "off"]).optional(),
  accountCap: z.number().int().positive().optional(),
  creatorUserid: z.string().optional(),
  contactSyncLegacyIp: z.boolean().optional(),
  contactIpRestricted: z.boolean().optional(),
  contactTrustedIps: ipList.optional(),
  exmail: z.boolean().optional(),
  secondVerificationUrl: z.url().nullable().optional(),
  contactCallback: callbackInput.nullable().optional(),
  apps: z.array(appInput).optional(),
  /** Created in order, so parents come first. */
  departments: z
    .array(
      z.strictObject({ id: z.number().int().min(2), name: z.string(), parentid: z.number().int(), order: z.number().int().optional() }),
    )
    .optional(),
  /** user/create bodies. */
  members: z.array(z.record(z.string(), z.unknown())).optional(),
  links: z.array(z.strictObject({ label: z.string().min(1), url: z.url() })).optional(),
});
export const corpPatch = corpInput
  .pick({
    name: true,
    contactSync: true,
    accountCap: true,
    creatorUserid: true,
    contactSyncLegacyIp: true,
    contactIpRestricted: true,
    contactTrustedIps: true,
    exmail: true,
  })
  .partial();

export const seedInput = z.strictObject({
  corps: z.array(corpInput).optional(),
  wechatUsers: z.array(wechatUserInput).optional(),
});
export type SimSeed = z.input<typeof seedInput>;

export function toCallbackConfig(input: z.infer<typeof callbackInput>): CallbackConfig {
  return {
    url: input.url,
    token: input.token,
    encodingAesKey: input.encodingAesKey ?? generateEncodingAesKey(),
    // Any contact callback configured today is restricted (reference §7.3, OFF 96302/96303); "full" only on request.
    fieldSet: input.fieldSet ?? "restricted",
    echoOwnApiChanges: input.echoOwnApiChanges ?? false,
  };
}

export function requireCorpForControl(sim: Sim, corpid: string): Corp {
  const corp = findCorp(sim.state, corpid);
  if (!corp) throw new ControlError(404, `no corp ${corpid}`);
  return corp;
}

export function requireApp(corp: Corp, agentid: string): App {
  const app = corp.apps.find((a) => String(a.agentid) === agentid);
  if (!app) throw new ControlError(404, `no app ${agentid} in ${corp.corpid}`);
  return app;
}

export function addApp(sim: Sim, corp: Corp, input: z.infer<typeof appInput>): App {
  if (input.agentid !== undefined && corp.apps.some((a) => a.agentid === input.agentid))
    throw new ControlError(409, `agentid ${input.agentid} exists`);
  checkTrustedIpPrerequisite({ trustedDomain: input.trustedDomain ?? null, callback: input.callback ?? null }, input.trustedIps ?? [], 400);
  let agentid = input.agentid;
  // A generated agentid skips those a seed or test gave explicitly.
  while (agentid === undefined || (input.agentid === undefined && corp.apps.some((a) => a.agentid === agentid)))
    agentid = sim.state.nextIds.agent++;
  const app: App = {
    agentid,
    name: input.name,
    secret: input.secret ?? newSecret(),
    enabled: input.enabled ?? true,
    visibleDepartments: input.visibleDepartments ?? [1],
    visibleUsers: input.visibleUsers ?? [],
    trustedDomain: input.trustedDomain ?? null,
    isAssistant: input.isAssistant ?? false,
    homeUrl: input.homeUrl ?? null,
    callback: input.callback ? toCallbackConfig(input.callback) : null,
    legacy: input.legacy ?? false,
    trustedIps: [...new Set(input.trustedIps ?? [])],
    trustedIpsPending: null,
  };
  corp.apps.push(app);
  return app;
}

/** Activated members the app can see, by userid: who hears subscribe/unsubscribe when its visible range changes. */
function activeVisibleMembers(corp: Corp, app: App): Set<string> {
  return new Set(corp.members.filter((m) => memberStatus(m) === 1 && isMemberVisible(corp, app, m)).map((m) => m.userid));
}

export function patchApp(sim: Sim, corp: Corp, app: App, input: z.infer<typeof appPatch>): void {
  const trustedDomain = input.trustedDomain !== undefined ? input.trustedDomain : app.trustedDomain;
  const callback = input.callback !== undefined ? input.callback : app.callback;
  checkTrustedIpPrerequisite({ trustedDomain, callback }, input.trustedIps ?? [], 400);
  const visibleBefore = activeVisibleMembers(corp, app);
  if (input.name !== undefined) app.name = input.name;
  if (input.enabled !== undefined) app.enabled = input.enabled;
  if (input.visibleDepartments !== undefined) app.visibleDepartments = input.visibleDepartments;
  if (input.visibleUsers !== undefined) app.visibleUsers = input.visibleUsers;
  if (input.trustedDomain !== undefined) app.trustedDomain = input.trustedDomain;
  if (input.isAssistant !== undefined) app.isAssistant = input.isAssistant;
  if (input.homeUrl !== undefined) app.homeUrl = input.homeUrl;
  if (input.callback !== undefined) app.callback = input.callback ? toCallbackConfig(input.callback) : null;
  if (input.legacy !== undefined) app.legacy = input.legacy;
  if (input.trustedIps !== undefined) {
    app.trustedIps = [...new Set(input.trustedIps)];
    app.trustedIpsPending = null;
  }
  // Reference §7.4 (OFF 90376): a member who belongs to the company and is added to / removed from
  // the app's visible range makes the app hear subscribe / unsubscribe.
  const visibleAfter = activeVisibleMembers(corp, app);
  for (const userid of visibleAfter)
    if (!visibleBefore.has(userid)) sim.emit({ kind: "subscribe", corpid: corp.corpid, userid, agentid: app.agentid });
  for (const userid of visibleBefore)
    if (!visibleAfter.has(userid)) sim.emit({ kind: "unsubscribe", corpid: corp.corpid, userid, agentid: app.agentid });
}

/** A new secret (重置 Secret): gettoken with the old one answers 40001 from now on. */
export function resetSecret(corp: Corp, agent: string): string {
  const secret = newSecret();
  if (agent === "contacts") corp.contactSecret = secret;
  else requireApp(corp, agent).secret = secret;
  return secret;
}

export function createCorp(sim: Sim, input: z.infer<typeof corpInput>): Corp {
  const corpid = input.corpid ?? `ww${randomBytes(8).toString("hex")}`;
  if (findCorp(sim.state, corpid)) throw new ControlError(409, `corp ${corpid} exists`);
  for (const app of input.apps ?? [])
    checkTrustedIpPrerequisite({ trustedDomain: app.trustedDomain ?? null, callback: app.callback ?? null }, app.trustedIps ?? [], 400);
  const corp: Corp = {
    corpid,
    name: input.name,
    contactSecret: input.contactSecret ?? newSecret(),
    contactSync: input.contactSync ?? "readWrite",
    accountCap: input.accountCap ?? 2000,
    creatorUserid: input.creatorUserid ?? null,
    // Today's defaults (reference §7.5): a new IP (48009 on detail reads) and 企业可信IP in force.
    contactSyncLegacyIp: input.contactSyncLegacyIp ?? false,
    contactIpRestricted: input.contactIpRestricted ?? true,
    contactTrustedIps: [...new Set(input.contactTrustedIps ?? [])],
    contactTrustedIpsPending: null,
    exmail: input.exmail ?? false,
    secondVerificationUrl: input.secondVerificationUrl ?? null,
    contactCallback: null,
    departments: [{ id: 1, name: input.name, name_en: null, parentid: 0, order: 100_000_000 }],
    members: [],
    apps: [],
    joinQrTickets: [],
    links: input.links ?? [],
    accountCreations: [],
    invitations: [],
    messages: [],
    unidentifiedFollowers: [],
  };
  sim.state.corps.push(corp);
  for (const app of input.apps ?? []) addApp(sim, corp, app);
  for (const d of input.departments ?? []) createDepartment(sim, corp, d, "control");
  for (const m of input.members ?? []) createMember(sim, corp, m, "control");
  // Configured last, so that the seed itself sends no callbacks.
  if (input.contactCallback) corp.contactCallback = toCallbackConfig(input.contactCallback);
  return corp;
}

/** The corp settings a test changes; a trusted-IP list given here applies at once. */
export function patchCorp(corp: Corp, input: z.infer<typeof corpPatch>): void {
  const { contactTrustedIps, ...rest } = input;
  Object.assign(corp, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
  if (contactTrustedIps !== undefined) {
    corp.contactTrustedIps = [...new Set(contactTrustedIps)];
    corp.contactTrustedIpsPending = null;
  }
}

export function applySeed(sim: Sim, seed: unknown): { corps: Corp[] } {
  const input = seedInput.parse(seed);
  const corps = (input.corps ?? []).map((c) => createCorp(sim, c));
  for (const u of input.wechatUsers ?? []) createWechatUser(sim, u);
  return { corps };
}

/** What the control API shows of a corp: everything, secrets included (it is a test double). */
export function corpSummary(corp: Corp) {
  return {
    corpid: corp.corpid,
    name: corp.name,
    contactSecret: corp.contactSecret,
    contactSync: corp.contactSync,
    accountCap: corp.accountCap,
    creatorUserid: corp.creatorUserid,
    contactSyncLegacyIp: corp.contactSyncLegacyIp,
    contactIpRestricted: corp.contactIpRestricted,
    contactTrustedIps: corp.contactTrustedIps,
    contactTrustedIpsPending: corp.contactTrustedIpsPending,
    exmail: corp.exmail,
    secondVerificationUrl: corp.secondVerificationUrl,
    contactCallback: corp.contactCallback,
    apps: corp.apps,
    links: corp.links,
  };
}
