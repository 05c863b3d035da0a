// Setting the simulated WeCom up (what an admin does in WeCom's admin console): corps with their
// contact-sync secret, apps with their secrets and visible ranges, callback configs, the second
// verification page, and a seed format that creates all of it at once.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { generateEncodingAesKey } from "./callback-crypto";
import type { Sim } from "./context";
import { createDepartment } from "./departments";
import { createMember } from "./directory";
import { type App, type CallbackConfig, type Corp, findCorp } from "./state";
import { createWechatUser, wechatUserInput } from "./wechat";

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const newSecret = () => randomBytes(32).toString("base64url").replace(/[-_]/g, "x").slice(0, 43);

export const callbackInput = z.strictObject({
  url: z.url(),
  /** WeCom's Token: letters and digits, up to 32. */
  token: z.string().regex(/^[A-Za-z0-9]{1,32}$/),
  encodingAesKey: z.string().regex(/^[A-Za-z0-9]{43}$/).optional(),
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
});
export const appPatch = appInput.partial().omit({ agentid: true, secret: true });

export const corpInput = z.strictObject({
  corpid: z.string().regex(/^[A-Za-z0-9]{1,32}$/).optional(),
  name: z.string().min(1).max(64),
  contactSecret: z.string().min(8).max(64).optional(),
  contactSyncEnabled: z.boolean().optional(),
  accountCap: z.number().int().positive().optional(),
  creatorUserid: z.string().optional(),
  contactSyncNewIp: z.boolean().optional(),
  secondVerificationUrl: z.url().nullable().optional(),
  contactCallback: callbackInput.nullable().optional(),
  apps: z.array(appInput).optional(),
  /** Created in order, so parents come first. */
  departments: z.array(z.strictObject({ id: z.number().int().min(2), name: z.string(), parentid: z.number().int(), order: z.number().int().optional() })).optional(),
  /** user/create bodies. */
  members: z.array(z.record(z.string(), z.unknown())).optional(),
  links: z.array(z.strictObject({ label: z.string().min(1), url: z.url() })).optional(),
});
export const corpPatch = corpInput.pick({ name: true, contactSyncEnabled: true, accountCap: true, creatorUserid: true, contactSyncNewIp: true }).partial();

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
    fieldSet: input.fieldSet ?? "full",
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
  const agentid = input.agentid ?? sim.state.nextIds.agent++;
  if (corp.apps.some((a) => a.agentid === agentid)) throw new ControlError(409, `agentid ${agentid} exists`);
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
  };
  corp.apps.push(app);
  return app;
}

export function patchApp(app: App, input: z.infer<typeof appPatch>): void {
  if (input.name !== undefined) app.name = input.name;
  if (input.enabled !== undefined) app.enabled = input.enabled;
  if (input.visibleDepartments !== undefined) app.visibleDepartments = input.visibleDepartments;
  if (input.visibleUsers !== undefined) app.visibleUsers = input.visibleUsers;
  if (input.trustedDomain !== undefined) app.trustedDomain = input.trustedDomain;
  if (input.isAssistant !== undefined) app.isAssistant = input.isAssistant;
  if (input.homeUrl !== undefined) app.homeUrl = input.homeUrl;
  if (input.callback !== undefined) app.callback = input.callback ? toCallbackConfig(input.callback) : null;
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
  const corp: Corp = {
    corpid,
    name: input.name,
    contactSecret: input.contactSecret ?? newSecret(),
    contactSyncEnabled: input.contactSyncEnabled ?? true,
    accountCap: input.accountCap ?? 2000,
    creatorUserid: input.creatorUserid ?? null,
    contactSyncNewIp: input.contactSyncNewIp ?? false,
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
    contactSyncEnabled: corp.contactSyncEnabled,
    accountCap: corp.accountCap,
    creatorUserid: corp.creatorUserid,
    contactSyncNewIp: corp.contactSyncNewIp,
    secondVerificationUrl: corp.secondVerificationUrl,
    contactCallback: corp.contactCallback,
    apps: corp.apps,
    links: corp.links,
  };
}
