// The product's WeCom client, run against the bundled simulator over HTTP: the
// same contract the real qyapi.weixin.qq.com keeps (reference §1–§6, §8).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindingErrorFor } from "~/server/wecom/binding-errors";
import { WecomApiError, WecomTransportError } from "~/server/wecom/errors";
import { startSim, uniqueId, type TestSim } from "../wecom-sim/helpers";
import { testPrisma } from "../support";
import { connectedSchool, countCalls } from "./wecom-test-kit";

const prisma = testPrisma();
const otherInstance = testPrisma();
let sim: TestSim;

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
  await prisma.$disconnect();
  await otherInstance.$disconnect();
});

const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

describe("directory calls", () => {
  it("creates, reads (with the app's token: status, never the mobile), renames, re-phones and deletes a member", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    const userid = uniqueId("s");
    const phone = mobile();
    await client.createUser({ userid, name: "张三", mobile: phone, department: [1], to_invite: false });
    const read = await client.getUser(userid);
    expect(read).toMatchObject({ userid, name: "张三", status: 4 });
    expect(read).not.toHaveProperty("mobile");
    const newPhone = mobile();
    await client.updateUser({ userid, name: "张三丰", mobile: newPhone });
    expect(await client.getUser(userid)).toMatchObject({ name: "张三丰" });
    expect(await client.userIdByMobile(newPhone)).toBe(userid);
    await client.deleteUser(userid);
    await expect(client.getUser(userid)).rejects.toMatchObject({ errcode: 60111 });
    expect(await client.userIdByMobile(newPhone)).toBeNull();
  });

  it("turns WeCom's 'mobile already exists' into the product's 手机号码已存在", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    const phone = mobile();
    await client.createUser({ userid: uniqueId("a"), name: "甲", mobile: phone, department: [1] });
    const error = await client.createUser({ userid: uniqueId("b"), name: "乙", mobile: phone, department: [1] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WecomApiError);
    expect((error as WecomApiError).errcode).toBe(60104);
    expect((error as WecomApiError).messageIn("zh-CN")).toContain("手机号码已存在");
    expect(bindingErrorFor(error as WecomApiError).code).toBe("PHONE_ALREADY_EXISTS");
  });

  it("manages departments", async () => {
    const client = await (await connectedSchool(prisma, sim)).client();
    const id = await client.createDepartment({ name: "计算机学院", parentid: 1 });
    await client.updateDepartment({ id, name: "计算机科学与技术学院" });
    expect(await client.listDepartmentIds()).toEqual(expect.arrayContaining([{ id, parentid: 1 }]));
    await client.deleteDepartment(id);
    expect((await client.listDepartmentIds()).some((d) => d.id === id)).toBe(false);
  });
});

describe("app calls", () => {
  it("sends a text message to a member's inbox and names the recipients WeCom refused", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    const userid = uniqueId("m");
    await client.createUser({ userid, name: "收件人", mobile: mobile(), department: [1] });
    const result = await client.sendText({ touser: [userid, "nobody-here"], content: "您的申请已通过" });
    expect(result.invaliduser).toEqual(["nobody-here"]);
    const messages = await sim.ctl<{ deliveries?: unknown[] } | unknown[]>("GET", `corps/${school.corp.corpid}/messages`);
    expect(JSON.stringify(messages)).toContain("您的申请已通过");
  });

  it("invites members and gets a join QR code link", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    const userid = uniqueId("i");
    await client.createUser({ userid, name: "被邀请", mobile: mobile(), department: [1] });
    expect(await client.invite([userid, "ghost"])).toEqual({ invaliduser: ["ghost"] });
    expect(JSON.stringify(await sim.ctl("GET", `corps/${school.corp.corpid}/invitations`))).toContain(userid);
    expect(await client.joinQrCode(2)).toMatch(/^https?:\/\//);
  });

  it("turns an OAuth code from a following WeChat user into the member's userid, once", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    const userid = uniqueId("o");
    const phone = mobile();
    await client.createUser({ userid, name: "关注者", mobile: phone, department: [1] });
    const wx = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信用户", phone });
    await sim.ctl("POST", `wechat-users/${wx.id}/follow`, { corpid: school.corp.corpid });
    const redirect = "https://campus.example/join/callback";
    const authorize = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${school.corp.corpid}&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&scope=snsapi_base&state=s1&agentid=${school.corp.assistantAgentid}#wechat_redirect`;
    const scanned = await sim.ctl<{ kind: string; location: string }>("POST", `wechat-users/${wx.id}/scan`, { url: authorize });
    const code = new URL(scanned.location).searchParams.get("code")!;
    expect(await client.userIdFromOAuthCode(code)).toBe(userid);
    await expect(client.userIdFromOAuthCode(code)).rejects.toMatchObject({ errcode: 40029 });
  });
});

describe("second verification", () => {
  it("admits a member waiting for 二次验证 once the product reports success (authsucc)", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "https://school.example.com/verify" });
    const client = await school.client();
    const userid = uniqueId("v");
    const phone = mobile();
    await client.createUser({ userid, name: "待验证", mobile: phone, department: [1] });
    const wx = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone });
    await sim.ctl("POST", `wechat-users/${wx.id}/follow`, { corpid: school.corp.corpid });
    expect((await client.getUser(userid)).status).toBe(4);
    await client.authSucceeded(userid);
    expect((await client.getUser(userid)).status).toBe(1);
  });
});

describe("tokens", () => {
  it("fetches one token for all app instances, even when they ask at once", async () => {
    const school = await connectedSchool(prisma, sim);
    const calls = countCalls();
    try {
      const clients = await Promise.all([
        school.client(prisma),
        school.client(otherInstance),
        school.client(prisma),
        school.client(otherInstance),
      ]);
      await Promise.all(
        clients.map((client, i) => client.createUser({ userid: uniqueId(`t${i}`), name: "并发", mobile: mobile(), department: [1] })),
      );
      expect(calls.of("gettoken")).toBe(1);
      expect(await prisma.wecomToken.count({ where: { tenantId: school.tenant.tenantId } })).toBe(1);
    } finally {
      calls.restore();
    }
  });

  it("keeps the token encrypted in the database", async () => {
    const school = await connectedSchool(prisma, sim);
    await (await school.client()).listDepartmentIds();
    const row = await prisma.wecomToken.findFirstOrThrow({ where: { tenantId: school.tenant.tenantId } });
    const tokens = await sim.ctl<unknown>("GET", "corps");
    expect(row.tokenEnc.startsWith("v2.")).toBe(true);
    expect(JSON.stringify(tokens)).not.toContain(row.tokenEnc);
  });

  it("replaces a token WeCom expired (42001) or invalidated (40014) early and repeats the call once", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    await client.listDepartmentIds();
    for (const mode of ["expire", "invalidate"]) {
      await sim.ctl("POST", "tokens/expire", { corpid: school.corp.corpid, mode });
      const calls = countCalls();
      try {
        await expect(client.listDepartmentIds()).resolves.toBeInstanceOf(Array);
        expect(calls.of("gettoken")).toBe(1);
        expect(calls.of("department/simplelist")).toBe(2);
      } finally {
        calls.restore();
      }
    }
  });

  it("refreshes a token before WeCom's expiry: five minutes early for two-hour tokens, a tenth early for short ones", async () => {
    const secondsLeft = async (tenantId: string) => {
      const row = await prisma.wecomToken.findFirstOrThrow({ where: { tenantId } });
      return (row.expiresAt.getTime() - Date.now()) / 1000;
    };
    const normal = await connectedSchool(prisma, sim);
    await (await normal.client()).listDepartmentIds();
    expect(await secondsLeft(normal.tenant.tenantId)).toBeGreaterThan(6890);
    expect(await secondsLeft(normal.tenant.tenantId)).toBeLessThanOrEqual(6900);

    const short = await connectedSchool(prisma, sim);
    await sim.ctl("POST", "tokens/ttl", { seconds: 60 });
    try {
      const client = await short.client();
      await client.listDepartmentIds();
      expect(await secondsLeft(short.tenant.tenantId)).toBeGreaterThan(50);
      expect(await secondsLeft(short.tenant.tenantId)).toBeLessThanOrEqual(54);
      // Once the refresh moment passes, the next call gets a new token without ever being refused.
      await prisma.wecomToken.updateMany({ where: { tenantId: short.tenant.tenantId }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const calls = countCalls();
      try {
        await client.listDepartmentIds();
        expect(calls.of("gettoken")).toBe(1);
        expect(calls.of("department/simplelist")).toBe(1);
      } finally {
        calls.restore();
      }
    } finally {
      await sim.ctl("POST", "tokens/ttl", { seconds: 7200 });
    }
  });

  it("does not retry a wrong secret (40001), which would get the server's IP blocked", async () => {
    const school = await connectedSchool(prisma, sim);
    await sim.ctl("POST", `corps/${school.corp.corpid}/secrets/contacts`);
    const calls = countCalls();
    try {
      const error = await (await school.client()).listDepartmentIds().catch((e: unknown) => e);
      expect(error).toMatchObject({ errcode: 40001 });
      expect((error as WecomApiError).messageIn("zh-CN")).toContain("Secret");
      expect(calls.of("gettoken")).toBe(1);
    } finally {
      calls.restore();
    }
  });
});

describe("faults", () => {
  it("retries 5xx answers and system-busy (-1) until the call succeeds", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    await client.listDepartmentIds();
    for (const status of [502, -1]) {
      await sim.ctl("POST", "faults", { fail: { count: 2, status }, paths: ["department/simplelist"] });
      const calls = countCalls();
      try {
        await expect(client.listDepartmentIds()).resolves.toBeInstanceOf(Array);
        expect(calls.of("department/simplelist")).toBe(3);
      } finally {
        calls.restore();
        await sim.ctl("DELETE", "faults");
      }
    }
  });

  it("backs off and retries when rate limited (45009)", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    await client.listDepartmentIds();
    await sim.ctl("POST", "faults", { rateLimit: { count: 1 }, paths: ["department/simplelist"] });
    try {
      await expect(client.listDepartmentIds()).resolves.toBeInstanceOf(Array);
    } finally {
      await sim.ctl("DELETE", "faults");
    }
  });

  it("gives up after its tries when WeCom keeps failing, with a transport error an admin can read", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    await client.listDepartmentIds();
    await sim.ctl("POST", "faults", { fail: { count: 10, status: 503 }, paths: ["department/simplelist"] });
    const calls = countCalls();
    try {
      const error = await client.listDepartmentIds().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WecomTransportError);
      expect((error as WecomTransportError).messageIn("zh-CN")).toContain("暂时无法连接企业微信");
      expect(calls.of("department/simplelist")).toBe(4);
    } finally {
      calls.restore();
      await sim.ctl("DELETE", "faults");
    }
  });

  it("treats a call slower than its time limit as a failure and retries it", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    await client.listDepartmentIds();
    await sim.ctl("POST", "faults", { latencyMs: 1_500, paths: ["department/simplelist"] });
    try {
      await expect(client.listDepartmentIds()).rejects.toBeInstanceOf(WecomTransportError);
    } finally {
      await sim.ctl("DELETE", "faults");
    }
  });

  it("never retries what retrying cannot fix", async () => {
    const school = await connectedSchool(prisma, sim);
    const client = await school.client();
    const calls = countCalls();
    try {
      await expect(client.getUser(uniqueId("missing"))).rejects.toMatchObject({ errcode: 60111 });
      expect(calls.of("user/get")).toBe(1);
    } finally {
      calls.restore();
    }
  });
});
