// WeCom's callbacks into the product: the simulator (whose encoder was written
// apart from the product's decoder) calls the product's real route handler
// over HTTP, and the member's WeCom state follows what happens in WeChat. The
// contact callback is today's restricted one (reference §7.3): follows are
// learnt from the assistant app's subscribe / unsubscribe and by reading.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "~/app/api/wecom/callback/[slug]/route";
import type PgBoss from "pg-boss";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { buildEncryptedCallback, buildEventXml } from "~/sims/wecom";
import { startSim, uniqueId, type TestSim } from "../wecom-sim/helpers";
import { testPrisma } from "../support";
import {
  connectedSchool,
  pendingStatusJobs,
  runPendingStatusJob,
  syncDeps,
  wecomRecord,
  type ConnectedSchool,
  withCallbackKeys,
} from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;
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
        const request = new Request(url, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
        });
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
  boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
  server = await serveRoute();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await boss.stop({ graceful: false, wait: true });
  await sim.close();
  await prisma.$disconnect();
});

type Wired = ConnectedSchool & { keys: { token: string; encodingAesKey: string }; url: string };

/** A school whose callback URL, Token and EncodingAESKey are set on both sides, as an admin would. */
async function wiredSchool(): Promise<Wired> {
  const school = await connectedSchool(prisma, sim);
  const keys = await withCallbackKeys(prisma, school.tenant.tenantId);
  const url = `${base}/api/wecom/callback/${school.tenant.slug}`;
  for (const agent of ["contacts", String(school.corp.assistantAgentid)]) {
    // Today's defaults: a restricted contact callback that echoes none of the product's own writes.
    await sim.ctl("PUT", `corps/${school.corp.corpid}/callbacks/${agent}`, { url, token: keys.token, encodingAesKey: keys.encodingAesKey });
  }
  return { ...school, keys, url };
}

async function syncedMember(school: Wired, phone: string) {
  await prisma.member.update({ where: { id: school.tenant.memberId }, data: { phone: `+86${phone}`, phoneDisplay: phone } });
  await runWecomSyncJob(syncDeps(prisma, boss), {
    kind: "member.upsert",
    tenantId: school.tenant.tenantId,
    memberId: school.tenant.memberId,
  });
  return prisma.member.findUniqueOrThrow({ where: { id: school.tenant.memberId } });
}

const stateOf = async (school: Wired) => (await wecomRecord(prisma, school.tenant.memberId))?.state;
const recordOf = (school: Wired) => wecomRecord(prisma, school.tenant.memberId);

async function follow(school: Wired, mobile: string): Promise<string> {
  const wx = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone: mobile });
  await sim.ctl("POST", `wechat-users/${wx.id}/follow`, { corpid: school.corp.corpid });
  return wx.id;
}

/** An event of the assistant app (subscribe / unsubscribe) or the contact callback, at a given time. */
const appEvent = (school: Wired, userid: string, event: "subscribe" | "unsubscribe", createTime: number) =>
  buildEventXml([
    ["ToUserName", school.corp.corpid],
    ["FromUserName", userid],
    ["CreateTime", createTime],
    ["MsgType", "event"],
    ["Event", event],
    ["AgentID", school.corp.assistantAgentid],
  ]);
const contactEvent = (school: Wired, changeType: string, fields: [string, string | number][], createTime: number) =>
  buildEventXml([
    ["ToUserName", school.corp.corpid],
    ["FromUserName", "sys"],
    ["CreateTime", createTime],
    ["MsgType", "event"],
    ["Event", "change_contact"],
    ["ChangeType", changeType],
    ...fields,
  ]);
const nowSeconds = () => Math.floor(Date.now() / 1000);

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

  it("learns a follow from the assistant app's subscribe alone: the restricted contact callback sends nothing", async () => {
    const school = await wiredSchool();
    const mobile = phone();
    const member = await syncedMember(school, mobile);
    expect(await recordOf(school)).toMatchObject({ state: "NOT_ACTIVATED", stateSource: "SYNC" });
    await follow(school, mobile);
    await sim.ctl("POST", "callbacks/idle");
    expect(await recordOf(school)).toMatchObject({ state: "ACTIVATED", stateSource: "CALLBACK" });
    // Neither the product's own create nor the follow reached the contact callback.
    const log = await sim.ctl<{ agent: number | "contacts"; kind: string }[]>("GET", `callbacks?corpid=${school.corp.corpid}`);
    expect(log.filter((r) => r.agent === "contacts")).toEqual([]);
    expect(log.filter((r) => r.agent === school.corp.assistantAgentid).map((r) => r.kind)).toEqual(["subscribe"]);
    expect(member.wecomUserId).not.toBeNull();
  });

  it("after an unsubscribe, reads which it was: unfollowed (未激活) or left the corp (已退出)", async () => {
    const school = await wiredSchool();
    const mobile = phone();
    await syncedMember(school, mobile);
    const wx = await follow(school, mobile);
    await sim.ctl("POST", `wechat-users/${wx}/unfollow`, { corpid: school.corp.corpid });
    await sim.ctl("POST", "callbacks/idle");
    expect(await recordOf(school)).toMatchObject({ state: "UNSUBSCRIBED", stateSource: "CALLBACK" });
    await runPendingStatusJob(prisma, boss, `read:${school.tenant.memberId}`);
    expect(await recordOf(school)).toMatchObject({ state: "NOT_ACTIVATED", stateSource: "POLL" });

    // WeCom tells events apart by user, CreateTime (whole seconds) and kind: a person's next
    // follow is never within the same second as their last, so the simulator's clock moves on.
    await sim.ctl("POST", "clock/advance", { seconds: 2 });
    await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: school.corp.corpid });
    await sim.ctl("POST", "callbacks/idle");
    expect(await stateOf(school)).toBe("ACTIVATED");
    await sim.ctl("POST", "clock/advance", { seconds: 2 });
    await sim.ctl("POST", `wechat-users/${wx}/exit`, { corpid: school.corp.corpid });
    await sim.ctl("POST", "callbacks/idle");
    expect(await stateOf(school)).toBe("UNSUBSCRIBED");
    await runPendingStatusJob(prisma, boss, `read:${school.tenant.memberId}`);
    expect(await stateOf(school)).toBe("LEFT");
    const audit = await prisma.auditLog.findMany({
      where: { tenantId: school.tenant.tenantId, actorKind: "system", action: { in: ["wecom.subscribe", "wecom.unsubscribe"] } },
    });
    expect(audit).toHaveLength(4);
  });

  it("sees a follow by polling when the app's callback is down", async () => {
    const school = await wiredSchool();
    const mobile = phone();
    await syncedMember(school, mobile);
    await sim.ctl("POST", "faults", { dropCallbacks: 10 });
    try {
      await follow(school, mobile);
      await sim.ctl("POST", "callbacks/idle");
    } finally {
      await sim.ctl("DELETE", "faults");
    }
    expect(await stateOf(school)).toBe("NOT_ACTIVATED");
    await runPendingStatusJob(prisma, boss, `watch:${school.tenant.memberId}`);
    expect(await recordOf(school)).toMatchObject({ state: "ACTIVATED", stateSource: "POLL" });
  });

  it("applies an event once, however often it is delivered", async () => {
    const school = await wiredSchool();
    const member = await syncedMember(school, phone());
    const first = appEvent(school, member.wecomUserId!, "subscribe", nowSeconds() + 5);
    expect((await post(school, first)).status).toBe(200);
    expect(await stateOf(school)).toBe("ACTIVATED");
    await prisma.memberWecom.update({ where: { memberId: member.id }, data: { state: "NOT_ACTIVATED" } });
    expect((await post(school, first)).status).toBe(200);
    expect(await stateOf(school)).toBe("NOT_ACTIVATED");
  });

  it("ignores a callback older than the state already recorded", async () => {
    const school = await wiredSchool();
    const member = await syncedMember(school, phone());
    const recorded = await recordOf(school);
    // An unsubscribe from two minutes before the sync's read arrives late: it changes nothing and asks for no read.
    expect((await post(school, appEvent(school, member.wecomUserId!, "unsubscribe", nowSeconds() - 120))).status).toBe(200);
    expect(await recordOf(school)).toMatchObject({ state: "NOT_ACTIVATED", stateAt: recorded!.stateAt, stateSource: "SYNC" });
    expect(await pendingStatusJobs(prisma, `read:${member.id}`)).toEqual([]);
    expect((await post(school, appEvent(school, member.wecomUserId!, "subscribe", nowSeconds() + 1))).status).toBe(200);
    expect(await stateOf(school)).toBe("ACTIVATED");
  });

  it("follows a userid WeCom changed (NewUserID) and a member deleted in WeCom's console", async () => {
    const school = await wiredSchool();
    const member = await syncedMember(school, phone());
    const renamed = uniqueId("new").toLowerCase();
    const t = nowSeconds();
    await post(
      school,
      contactEvent(
        school,
        "update_user",
        [
          ["UserID", member.wecomUserId!],
          ["NewUserID", renamed],
          ["Department", "1"],
        ],
        t,
      ),
    );
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).wecomUserId).toBe(renamed);
    await post(school, contactEvent(school, "delete_user", [["UserID", renamed]], t + 1));
    expect(await recordOf(school)).toMatchObject({ state: "NOT_IN_WECOM", stateSource: "CALLBACK", writtenAt: null, mobile: null });
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
    expect(
      (await fetch(`${school.url}?msg_signature=${"0".repeat(40)}&timestamp=1&nonce=1`, { method: "POST", body: "<xml><oops" })).status,
    ).toBe(403);
    expect((await fetch(`${school.url}?nonce=1`, { method: "POST", body: "<xml/>" })).status).toBe(400);
    expect(await stateOf(school)).toBe("NOT_ACTIVATED");
    expect((await post(school, message)).status).toBe(200);
    expect(await stateOf(school)).toBe("ACTIVATED");
  });

  it("answers 404 for an unknown school or one whose callback is not set up", async () => {
    expect((await fetch(`${base}/api/wecom/callback/${uniqueId("nosuch")}`)).status).toBe(404);
    const plain = await connectedSchool(prisma, sim);
    expect((await fetch(`${base}/api/wecom/callback/${plain.tenant.slug}`)).status).toBe(404);
  });
});
