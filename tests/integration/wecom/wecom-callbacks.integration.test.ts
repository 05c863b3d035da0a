// WeCom's callbacks into the product: the simulator (whose encoder was written
// apart from the product's decoder) calls the product's real route handler
// over HTTP, and the member's WeCom status follows what happens in WeChat.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "~/app/api/wecom/callback/[slug]/route";
import { encryptSecret, sealContext } from "~/server/crypto/secrets";
import { generateCallbackKeys } from "~/server/wecom/callback-crypto";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { buildEncryptedCallback, buildEventXml } from "~/wecom-sim";
import { startSim, uniqueId, type TestSim } from "../wecom-sim/helpers";
import { testPrisma } from "../support";
import { connectedSchool, encryptionKey, FAST_RETRY, type ConnectedSchool } from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let server: Server;
let base: string;

/** The product's route handlers behind a plain HTTP server, as next start would serve them. */
function serveRoute(): Promise<Server> {
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
        const slug = decodeURIComponent(url.pathname.split("/").pop() ?? "");
        const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === "POST" ? Buffer.concat(chunks) : undefined });
        const context = { params: Promise.resolve({ slug }) };
        const response = req.method === "POST" ? await POST(request, context) : await GET(request, context);
        res.writeHead(response.status, { "content-type": "text/plain" });
        res.end(await response.text());
      })();
    });
  });
  return new Promise((resolve) => http.listen(0, "127.0.0.1", () => resolve(http)));
}

beforeAll(async () => {
  sim = await startSim();
  server = await serveRoute();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sim.close();
  await prisma.$disconnect();
});

type Wired = ConnectedSchool & { keys: { token: string; encodingAesKey: string }; url: string };

/** A school whose callback URL, Token and EncodingAESKey are set on both sides, as an admin would. */
async function wiredSchool(): Promise<Wired> {
  const school = await connectedSchool(prisma, sim);
  const keys = generateCallbackKeys();
  await prisma.tenant.update({
    where: { id: school.tenant.tenantId },
    data: { wecomCallbackTokenEnc: encryptSecret(keys.token, encryptionKey(), sealContext("Tenant", "wecomCallbackTokenEnc", school.tenant.tenantId)), wecomCallbackAesKeyEnc: encryptSecret(keys.encodingAesKey, encryptionKey(), sealContext("Tenant", "wecomCallbackAesKeyEnc", school.tenant.tenantId)) },
  });
  const url = `${base}/api/wecom/callback/${school.tenant.slug}`;
  for (const agent of ["contacts", String(school.corp.assistantAgentid)]) {
    await sim.ctl("PUT", `corps/${school.corp.corpid}/callbacks/${agent}`, { url, token: keys.token, encodingAesKey: keys.encodingAesKey, fieldSet: "full" });
  }
  return { ...school, keys, url };
}

async function syncedMember(school: Wired, phone: string) {
  await prisma.member.update({ where: { id: school.tenant.memberId }, data: { phone: `+86${phone}`, phoneDisplay: phone } });
  await runWecomSyncJob({ prisma, encryptionKey: encryptionKey(), retry: FAST_RETRY }, { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: school.tenant.memberId });
  return prisma.member.findUniqueOrThrow({ where: { id: school.tenant.memberId } });
}

const statusOf = async (school: Wired) => (await prisma.member.findUniqueOrThrow({ where: { id: school.tenant.memberId } })).wecomStatus;

async function post(school: Wired, message: string, overrides: { timestamp?: string; receiveId?: string; token?: string } = {}) {
  const signed = buildEncryptedCallback({
    token: overrides.token ?? school.keys.token,
    encodingAesKey: school.keys.encodingAesKey,
    receiveId: overrides.receiveId ?? school.corp.corpid,
    message,
    timestamp: overrides.timestamp,
  });
  const url = new URL(school.url);
  for (const [k, v] of Object.entries(signed.query)) url.searchParams.set(k, v);
  return fetch(url, { method: "POST", body: signed.body });
}

const phone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

describe("WeCom callbacks", () => {
  it("passes WeCom's URL check with the plaintext echo", async () => {
    const school = await wiredSchool();
    expect(await sim.ctl("POST", `corps/${school.corp.corpid}/callbacks/contacts/verify`)).toMatchObject({ ok: true, status: 200 });
  });

  it("marks the member followed when their WeChat follows, 未激活 when it unfollows, and left when they exit", async () => {
    const school = await wiredSchool();
    const mobile = phone();
    const member = await syncedMember(school, mobile);
    expect(member.wecomStatus).toBe(4);
    const wx = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone: mobile });
    await sim.ctl("POST", `wechat-users/${wx.id}/follow`, { corpid: school.corp.corpid });
    await sim.ctl("POST", "callbacks/idle");
    expect(await statusOf(school)).toBe(1);
    await sim.ctl("POST", `wechat-users/${wx.id}/unfollow`, { corpid: school.corp.corpid });
    await sim.ctl("POST", "callbacks/idle");
    expect(await statusOf(school)).toBe(4);
    await sim.ctl("POST", `wechat-users/${wx.id}/follow`, { corpid: school.corp.corpid });
    await sim.ctl("POST", `wechat-users/${wx.id}/exit`, { corpid: school.corp.corpid });
    await sim.ctl("POST", "callbacks/idle");
    expect(await statusOf(school)).toBe(5);
    const audit = await prisma.auditLog.findMany({ where: { tenantId: school.tenant.tenantId, actorKind: "system" }, select: { action: true } });
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it("applies an event once, however often it is delivered", async () => {
    const school = await wiredSchool();
    const member = await syncedMember(school, phone());
    const event = (status: number, createTime: number) =>
      buildEventXml([
        ["ToUserName", school.corp.corpid],
        ["FromUserName", "sys"],
        ["CreateTime", createTime],
        ["MsgType", "event"],
        ["Event", "change_contact"],
        ["ChangeType", "update_user"],
        ["UserID", member.wecomUserId!],
        ["Status", status],
      ]);
    const first = event(1, 1_800_000_000);
    expect((await post(school, first)).status).toBe(200);
    expect(await statusOf(school)).toBe(1);
    await prisma.member.update({ where: { id: member.id }, data: { wecomStatus: 4 } });
    expect((await post(school, first)).status).toBe(200);
    expect(await statusOf(school)).toBe(4);
  });

  it("refuses a forged signature, a stale timestamp, another corp's message and malformed bodies, changing nothing", async () => {
    const school = await wiredSchool();
    const member = await syncedMember(school, phone());
    const message = buildEventXml([
      ["ToUserName", school.corp.corpid],
      ["FromUserName", member.wecomUserId!],
      ["CreateTime", 1_800_000_001],
      ["MsgType", "event"],
      ["Event", "subscribe"],
      ["AgentID", school.corp.assistantAgentid],
    ]);
    expect((await post(school, message, { token: "not-the-token" })).status).toBe(403);
    expect((await post(school, message, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) })).status).toBe(403);
    expect((await post(school, message, { receiveId: "wwSOMEONEELSE" })).status).toBe(403);
    expect((await fetch(`${school.url}?msg_signature=${"0".repeat(40)}&timestamp=1&nonce=1`, { method: "POST", body: "<xml><oops" })).status).toBe(403);
    expect((await fetch(`${school.url}?nonce=1`, { method: "POST", body: "<xml/>" })).status).toBe(400);
    expect(await statusOf(school)).toBe(4);
    expect((await post(school, message)).status).toBe(200);
    expect(await statusOf(school)).toBe(1);
  });

  it("answers 404 for an unknown school or one whose callback is not set up", async () => {
    expect((await fetch(`${base}/api/wecom/callback/${uniqueId("nosuch")}`)).status).toBe(404);
    const plain = await connectedSchool(prisma, sim);
    expect((await fetch(`${base}/api/wecom/callback/${plain.tenant.slug}`)).status).toBe(404);
  });
});
