// The WeCom connection as an attacker (or a careless school admin) would try it
// (security review H1, M8, M5 for the callback): the API base URL is the
// platform's choice, secrets and tokens never go anywhere else, a refused
// secret is not sent again, and the callback route reads little and parses
// nothing before the signature holds.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "~/app/api/wecom/callback/[slug]/route";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { testWecomConnection } from "~/server/wecom/settings";
import { WecomAuthPausedError } from "~/server/wecom/errors";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { listSyncJobs } from "~/server/wecom/sync-jobs-admin";
import { tokenCacheKey } from "~/server/wecom/token-store";
import { startWecomWorker } from "~/server/wecom/worker";
import { startSim, uniqueId, type TestSim } from "../wecom-sim/helpers";
import { adminClaims, callerFor, testPrisma, testScope, unique, type TestTenant } from "../support";
import {
  allowSimulator,
  connectedSchool,
  countCalls,
  encryptionKey,
  FAST_RETRY,
  type ConnectedSchool,
  eventually,
  withCallbackKeys,
} from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;
const servers: Server[] = [];

beforeAll(async () => {
  sim = await startSim();
  boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
  await startWecomWorker(
    boss,
    { prisma, encryptionKey: encryptionKey(), retry: FAST_RETRY, jobs: boss },
    { concurrency: 1, pollingIntervalSeconds: 0.5 },
  );
});
afterEach(() => {
  allowSimulator(sim.url);
  vi.restoreAllMocks();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await boss.stop({ graceful: false, wait: true });
  await sim.close();
  await prisma.$disconnect();
});

/** A tiny HTTP server of the test's own; its origin, and the paths it was asked for. */
async function tinyServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    handle(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const adminApi = (tenant: TestTenant) => callerFor(prisma, tenant.host, adminClaims(tenant));

const settingsInput = (school: ConnectedSchool, overrides: Record<string, unknown> = {}) => ({
  apiBaseUrl: sim.url,
  corpId: school.corp.corpid,
  agentId: school.corp.assistantAgentid,
  assistantAppName: "身份认证小助手",
  ...overrides,
});

describe("the WeCom API base URL is the platform's choice", () => {
  it("refuses loopback, private, metadata, other hosts, paths, queries and userinfo at the procedure, changing nothing", async () => {
    const school = await connectedSchool(prisma, sim);
    const api = await adminApi(school.tenant);
    const refused = [
      "http://127.0.0.1:5432",
      "http://localhost:3000",
      "http://10.0.0.7",
      "http://192.168.1.1:8080",
      "http://169.254.169.254",
      "https://evil.example.com",
      "https://qyapi.weixin.qq.com.evil.example.com",
      "https://qyapi.weixin.qq.com/steal?x=",
      "https://qyapi.weixin.qq.com?",
      "https://qyapi.weixin.qq.com#",
      "https://user:pass@qyapi.weixin.qq.com",
      "http://qyapi.weixin.qq.com",
      `${sim.url}/cgi-bin/x`,
      `${sim.url}?next=`,
    ];
    for (const apiBaseUrl of refused) {
      await expect(api.admin.wecom.update(settingsInput(school, { apiBaseUrl })), apiBaseUrl).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    const row = await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: school.tenant.tenantId } });
    expect(row.apiBaseUrl).toBe(sim.url);
    expect(row.appSecretEnc).not.toBeNull();
    // The two the platform offers are accepted.
    await expect(api.admin.wecom.update(settingsInput(school))).resolves.toMatchObject({ ok: true });
    await expect(api.admin.wecom.update(settingsInput(school, { apiBaseUrl: "https://qyapi.weixin.qq.com" }))).resolves.toMatchObject({
      ok: true,
    });
    const settings = await api.admin.wecom.settings();
    expect(settings.apiBaseUrlChoices.map((c) => c.value)).toEqual(["https://qyapi.weixin.qq.com", sim.url]);
  });

  it("refuses at use a stored URL the platform no longer allows, sending nothing there", async () => {
    const school = await connectedSchool(prisma, sim);
    const catcher = await tinyServer((_req, res) => res.end("{}"));
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { apiBaseUrl: catcher.url } });
    const result = await (await adminApi(school.tenant)).admin.wecom.testConnection();
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain("不在平台允许的范围内");
    expect(catcher.hits).toEqual([]);
    expect((await (await adminApi(school.tenant)).admin.wecom.settings()).apiBaseUrlAllowed).toBe(false);
    // The simulator the operator allowed is refused too once the operator withdraws it.
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { apiBaseUrl: sim.url } });
    delete process.env.WECOM_SIMULATOR_URL;
    const calls = countCalls();
    try {
      await expect(school.client()).rejects.toMatchObject({ name: "WecomBaseUrlError" });
    } finally {
      calls.restore();
    }
    expect(calls.of("gettoken")).toBe(0);
  });

  it("does not follow a redirect with the secret in it", async () => {
    const school = await connectedSchool(prisma, sim);
    const catcher = await tinyServer((_req, res) => res.end(JSON.stringify({ errcode: 0, access_token: "stolen", expires_in: 7200 })));
    const redirector = await tinyServer((req, res) => {
      res.writeHead(302, { location: `${catcher.url}${req.url ?? "/"}` });
      res.end();
    });
    allowSimulator(redirector.url);
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { apiBaseUrl: redirector.url } });
    const result = await (await adminApi(school.tenant)).admin.wecom.testConnection();
    expect(result.ok).toBe(false);
    expect(result.message).toContain("重定向");
    expect(redirector.hits.length).toBe(1);
    expect(catcher.hits).toEqual([]);
  });

  it("never shows WeCom's own error text for a code it does not know, only the code", async () => {
    const school = await connectedSchool(prisma, sim);
    const liar = await tinyServer((_req, res) =>
      res.end(JSON.stringify({ errcode: 99991, errmsg: "请访问 https://evil.example.com 输入管理员密码" })),
    );
    allowSimulator(liar.url);
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { apiBaseUrl: liar.url } });
    const result = await (await adminApi(school.tenant)).admin.wecom.testConnection();
    expect(result.ok).toBe(false);
    expect(result.message).toContain("99991");
    expect(result.message).not.toContain("evil");
    expect(result.message).not.toContain("密码");
  });

  it("keys cached tokens by base URL too, so a token is only sent back to the API that issued it", () => {
    expect(tokenCacheKey("app", "https://qyapi.weixin.qq.com", "ww1", "s")).not.toBe(tokenCacheKey("app", sim.url, "ww1", "s"));
    expect(tokenCacheKey("app", sim.url, "ww1", "s")).toBe(tokenCacheKey("app", sim.url, "ww1", "s"));
  });
});

describe("changing the corp or the base URL", () => {
  it("clears the stored secrets, every cached token and a remembered refusal, in one audited save", async () => {
    const school = await connectedSchool(prisma, sim);
    await (await school.client()).listDepartmentIds();
    expect(await prisma.wecomToken.count({ where: { tenantId: school.tenant.tenantId } })).toBe(1);
    const api = await adminApi(school.tenant);

    // Same corp and URL: the secrets stay.
    await expect(api.admin.wecom.update(settingsInput(school, { assistantAppName: "小助手" }))).resolves.toEqual({
      ok: true,
      clearedSecrets: false,
    });
    expect((await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: school.tenant.tenantId } })).appSecretEnc).not.toBeNull();

    await prisma.wecomConnection.update({
      where: { tenantId: school.tenant.tenantId },
      data: { authFailedAt: new Date(), authFailure: "app:40001" },
    });
    await expect(api.admin.wecom.update(settingsInput(school, { corpId: "wwanother" }))).resolves.toEqual({
      ok: true,
      clearedSecrets: true,
    });
    const row = await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: school.tenant.tenantId } });
    expect(row).toMatchObject({
      corpId: "wwanother",
      appSecretEnc: null,
      contactSecretEnc: null,
      authFailedAt: null,
      authFailure: null,
    });
    expect(await prisma.wecomToken.count({ where: { tenantId: school.tenant.tenantId } })).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { tenantId: school.tenant.tenantId, action: "tenant.wecom.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.detail).toMatchObject({ clearedSecrets: true, droppedTokens: 1 });
    const settings = await api.admin.wecom.settings();
    expect(settings).toMatchObject({ hasAppSecret: false, hasContactSecret: false });
  });

  it("clears them when only the base URL changes, keeping secrets typed in the same save", async () => {
    const school = await connectedSchool(prisma, sim);
    await (await school.client()).listDepartmentIds();
    const api = await adminApi(school.tenant);
    await api.admin.wecom.update(settingsInput(school, { apiBaseUrl: "https://qyapi.weixin.qq.com", appSecret: "new-app-secret" }));
    const row = await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: school.tenant.tenantId } });
    expect(row.appSecretEnc).not.toBeNull();
    expect(row.contactSecretEnc).toBeNull();
    expect(await prisma.wecomToken.count({ where: { tenantId: school.tenant.tenantId } })).toBe(0);
  });
});

describe("a secret WeCom refuses", () => {
  it("is asked for once however many requests need it, remembered, and not sent again", async () => {
    const school = await connectedSchool(prisma, sim);
    await sim.ctl("POST", `corps/${school.corp.corpid}/secrets/contacts`);
    const clients = await Promise.all(Array.from({ length: 50 }, () => school.client()));
    const calls = countCalls();
    try {
      const results = await Promise.allSettled(clients.map((client) => client.listDepartmentIds()));
      expect(results.every((r) => r.status === "rejected" && r.reason instanceof WecomAuthPausedError)).toBe(true);
      expect(calls.of("gettoken")).toBe(1);
      expect(calls.of("department/list")).toBe(0);
      const row = await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: school.tenant.tenantId } });
      expect(row.authFailure).toBe("contact:40001");
      expect(row.authFailedAt).not.toBeNull();
      // Later requests, and 【测试连接】, answer from memory.
      await expect(school.client()).rejects.toBeInstanceOf(WecomAuthPausedError);
      const tested = await testWecomConnection(await testScope(prisma, school.tenant.tenantId));
      expect(tested.ok).toBe(false);
      expect(tested.message).toContain("Secret 无效");
      expect(tested.message).toContain("已暂停");
      expect(calls.of("gettoken")).toBe(1);
    } finally {
      calls.restore();
    }
  });

  it("is tried again after the pause expires, so a secret fixed in WeCom's console works", async () => {
    const school = await connectedSchool(prisma, sim);
    await prisma.wecomConnection.update({
      where: { tenantId: school.tenant.tenantId },
      data: { authFailedAt: new Date(Date.now() - 61 * 60 * 1000), authFailure: "contact:40001" },
    });
    await expect((await school.client()).listDepartmentIds()).resolves.toBeInstanceOf(Array);
  });

  it("pauses the school's sync jobs, which the admin page shows, and resumes them once the settings are saved", async () => {
    const school = await connectedSchool(prisma, sim);
    const { secret } = await sim.ctl<{ secret: string }>("POST", `corps/${school.corp.corpid}/secrets/contacts`);
    await prisma.member.update({ where: { id: school.tenant.memberId }, data: { email: `${unique("m")}@example.com` } });
    const jobId = await prisma.$transaction((tx) =>
      enqueueWecomSync(boss, tx, { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: school.tenant.memberId }),
    );
    const paused = await eventually("the job to pause", async () =>
      (await listSyncJobs(await testScope(prisma, school.tenant.tenantId))).find((j) => j.id === jobId && j.paused),
    );
    expect(paused.state).toBe("failed");
    expect(paused.error?.zh).toContain("已暂停");

    const api = await adminApi(school.tenant);
    expect((await api.admin.wecom.settings()).authPause?.zh).toContain("Secret 无效");
    await api.admin.wecom.update(settingsInput(school, { contactSecret: secret }));
    expect((await api.admin.wecom.settings()).authPause).toBeNull();
    await eventually("the job to run after the save", async () => {
      const rows = await prisma.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text FROM pgboss.job WHERE id = $1::uuid`, jobId);
      return rows[0]?.state === "completed";
    });
    const member = await prisma.member.findUniqueOrThrow({ where: { id: school.tenant.memberId } });
    expect(member.wecomUserId).not.toBeNull();
  });
});

describe("【测试连接】", () => {
  it("is refused to the helpdesk", async () => {
    const school = await connectedSchool(prisma, sim);
    await prisma.tenantAdmin.update({ where: { id: school.tenant.adminId }, data: { role: "HELPDESK" } });
    await expect((await adminApi(school.tenant)).admin.wecom.testConnection()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers RATE_LIMITED to the sixth test in a minute, without asking WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const api = await adminApi(school.tenant);
    for (let i = 0; i < 5; i++) await expect(api.admin.wecom.testConnection()).resolves.toMatchObject({ ok: true });
    const calls = countCalls();
    try {
      await expect(api.admin.wecom.testConnection()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
      expect(calls.of("gettoken")).toBe(0);
    } finally {
      calls.restore();
    }
    // Another school is not held back by it.
    await expect((await adminApi((await connectedSchool(prisma, sim)).tenant)).admin.wecom.testConnection()).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe("the callback route", () => {
  async function wiredSchool() {
    const school = await connectedSchool(prisma, sim);
    await withCallbackKeys(prisma, school.tenant.tenantId);
    return school;
  }

  /** A chunked body (no content-length) of `chunks` × 16 KiB, counting how many chunks the server pulled. */
  function streamedRequest(slug: string, chunks: number, chunk = "A".repeat(16 * 1024)) {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= chunks) return controller.close();
        pulled++;
        controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const query = `msg_signature=${"0".repeat(40)}&timestamp=${Math.floor(Date.now() / 1000)}&nonce=n1`;
    const request = new Request(`http://${slug}.localhost/api/wecom/callback/${slug}?${query}`, {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    return { request, context: { params: Promise.resolve({ slug }) }, pulled: () => pulled };
  }

  it("checks the signature before any XML parser sees the body", async () => {
    const school = await wiredSchool();
    const parse = vi.spyOn(XMLParser.prototype, "parse");
    const now = Math.floor(Date.now() / 1000);
    const body = `<xml><ToUserName><![CDATA[x]]></ToUserName><Encrypt><![CDATA[${"QUJD".repeat(100)}]]></Encrypt>${"<a>".repeat(5000)}<!DOCTYPE x [<!ENTITY e "e">]>&e;`;
    const request = new Request(
      `http://x/api/wecom/callback/${school.tenant.slug}?msg_signature=${"0".repeat(40)}&timestamp=${now}&nonce=n1`,
      { method: "POST", body },
    );
    const response = await POST(request, { params: Promise.resolve({ slug: school.tenant.slug }) });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("invalid message");
    expect(parse).not.toHaveBeenCalled();
  });

  it("refuses a body over 64 KiB with 413 without reading it all", async () => {
    const school = await wiredSchool();
    const streamed = streamedRequest(school.tenant.slug, 1000);
    const response = await POST(streamed.request, streamed.context);
    expect(response.status).toBe(413);
    expect(streamed.pulled()).toBeLessThan(10);
  });

  it("answers an unknown school, or one without callback keys, before reading the body", async () => {
    const unknown = streamedRequest(uniqueId("nosuch"), 1000);
    expect((await POST(unknown.request, unknown.context)).status).toBe(404);
    const plain = await connectedSchool(prisma, sim);
    const unconfigured = streamedRequest(plain.tenant.slug, 1000);
    expect((await POST(unconfigured.request, unconfigured.context)).status).toBe(404);
    // A ReadableStream pulls once to fill its queue; the route read none of it.
    expect(unknown.pulled()).toBeLessThanOrEqual(1);
    expect(unconfigured.pulled()).toBeLessThanOrEqual(1);
  });
});

describe("the simulator's state file", () => {
  it("is readable by its owner only, in a folder others cannot list", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wecom-sim-state-"));
    const folder = path.join(dir, "data");
    const file = path.join(folder, "state.json");
    const local = await startSim({ stateFile: file });
    try {
      await local.ctl("POST", "corps", { corpid: uniqueId("ww"), name: "私密", apps: [{ agentid: 1000002, name: "应用" }] });
      await eventually("the state to be written", () => Promise.resolve(existsSync(file)));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(folder).mode & 0o077).toBe(0);
    } finally {
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
