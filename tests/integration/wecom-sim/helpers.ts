// Starts a WeCom simulator per test file and talks to it over HTTP only: the WeCom API and the
// control API, never its internals.
import { randomInt } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { findFreePort } from "../../../tools/db";
import { startWecomSimulator, type WecomSimulator } from "~/sims/wecom";

export type WecomAnswer = { errcode: number; errmsg: string } & Record<string, unknown>;

export type TestSim = WecomSimulator & {
  /** A WeCom API call: GET with query, or POST with a JSON body. */
  api: (
    path: string,
    options?: { token?: string; query?: Record<string, string>; body?: unknown; method?: "GET" | "POST" },
  ) => Promise<WecomAnswer>;
  /** A control API call; returns the HTTP status and JSON. */
  control: <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; json: T }>;
  /** Control call that must succeed. */
  ctl: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
};

export async function startSim(options: { stateFile?: string } = {}): Promise<TestSim> {
  const port = await findFreePort(39_000 + randomInt(0, 5000));
  const sim = await startWecomSimulator({ port, stateFile: options.stateFile });
  const api: TestSim["api"] = async (path, { token, query = {}, body, method } = {}) => {
    const url = new URL(`/cgi-bin/${path}`, sim.url);
    if (token) url.searchParams.set("access_token", token);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const verb = method ?? (body === undefined ? "GET" : "POST");
    const response = await fetch(url, { method: verb, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as WecomAnswer;
  };
  const control: TestSim["control"] = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(`/__sim/${path}`, sim.url), {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as T };
  };
  const ctl: TestSim["ctl"] = async <T>(method: string, path: string, body?: unknown) => {
    const { status, json } = await control<T>(method, path, body);
    if (status !== 200) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(json)}`);
    return json;
  };
  return { ...sim, api, control, ctl };
}

let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export type TestCorp = {
  corpid: string;
  contactSecret: string;
  appSecret: string;
  assistantSecret: string;
  agentid: number;
  assistantAgentid: number;
};

/** The addresses a test's calls come from: the simulator listens on 127.0.0.1 (::1 where localhost resolves so). */
export const LOCAL_IPS = ["127.0.0.1", "::1"];

/**
 * A corp as its admin sets it up for the product today (reference §7.5): the contact-sync secret, a
 * 消息中心 app (agentid 1000002) and an assistant app (1000003), each app with a trusted domain, and
 * every trusted-IP list (both apps, the contact-sync assistant) holding this machine's addresses.
 * `options.trustedIps: false` leaves every trusted-IP list empty (for 60020 tests); `extra` is merged
 * into the corp body.
 */
export async function makeCorp(
  sim: TestSim,
  extra: Record<string, unknown> = {},
  options: { trustedIps?: boolean } = {},
): Promise<TestCorp> {
  const corpid = uniqueId("ww");
  const ips = options.trustedIps === false ? [] : LOCAL_IPS;
  const corp = await sim.ctl<{ contactSecret: string; apps: { agentid: number; secret: string }[] }>("POST", "corps", {
    corpid,
    name: "测试大学",
    apps: [
      { agentid: 1000002, name: "消息中心", trustedDomain: "campus.example", trustedIps: ips },
      { agentid: 1000003, name: "身份认证小助手", isAssistant: true, trustedDomain: "campus.example", trustedIps: ips },
    ],
    contactTrustedIps: ips,
    ...extra,
  });
  return {
    corpid,
    contactSecret: corp.contactSecret,
    appSecret: corp.apps[0]?.secret ?? "",
    assistantSecret: corp.apps[1]?.secret ?? "",
    agentid: 1000002,
    assistantAgentid: 1000003,
  };
}

export async function tokenFor(sim: TestSim, corpid: string, secret: string): Promise<string> {
  const answer = await sim.api("gettoken", { query: { corpid, corpsecret: secret } });
  if (answer.errcode !== 0) throw new Error(`gettoken: ${JSON.stringify(answer)}`);
  return answer.access_token as string;
}

export async function createMember(sim: TestSim, token: string, member: Record<string, unknown>): Promise<void> {
  const answer = await sim.api("user/create", { token, body: { department: [1], ...member } });
  if (answer.errcode !== 0) throw new Error(`user/create: ${JSON.stringify(answer)}`);
}

/**
 * A suite against a WeCom simulator and the job queue of the test database: both started before its
 * tests (handed to `started`), stopped after them, and the suite's client disconnected.
 */
export function withSimAndQueue(prisma: PrismaClient, started: (running: { sim: TestSim; boss: PgBoss }) => void): void {
  let stop = async () => {};
  beforeAll(async () => {
    const sim = await startSim();
    const boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
    started({ sim, boss });
    stop = async () => {
      await boss.stop({ graceful: false, wait: true });
      await sim.close();
    };
  });
  afterAll(async () => {
    await stop();
    await prisma.$disconnect();
  });
}
