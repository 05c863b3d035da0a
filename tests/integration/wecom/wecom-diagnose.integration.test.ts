// 【测试连接】 as a diagnosis, against the simulator in its default mode (WeCom as a
// corp set up today sees it, reference §7.5): each check passed, or what the
// school's admin does in WeCom's console — and the same instruction, followed,
// makes the check pass.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "~/server/crypto/secrets";
import { wecomSealContext } from "~/server/wecom/seals";
import { testWecomConnection } from "~/server/wecom/settings";
import type { CheckId, Diagnosis, DiagnosisCheck } from "~/server/wecom/diagnose";
import { makeCorp, startSim, type TestSim } from "../wecom-sim/helpers";
import { adminClaims, callerFor, testPrisma, testScope, type TestTenant } from "../support";
import { connectedSchool, countCalls, encryptionKey, type ConnectedSchool } from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
const savedEgress = process.env.WECOM_EGRESS_IPS;

beforeAll(async () => {
  sim = await startSim();
});
afterEach(() => {
  if (savedEgress === undefined) delete process.env.WECOM_EGRESS_IPS;
  else process.env.WECOM_EGRESS_IPS = savedEgress;
});
afterAll(async () => {
  await sim.close();
  await prisma.$disconnect();
});

const adminApi = (tenant: TestTenant) => callerFor(prisma, tenant.host, adminClaims(tenant));
const diagnose = (school: ConnectedSchool, locale: "zh-CN" | "en" = "zh-CN") =>
  testScope(prisma, school.tenant.tenantId, { locale }).then((scope) => testWecomConnection(scope));
/** Diagnoses the school, counting the calls it makes to WeCom by API path. */
async function diagnoseCounting(school: ConnectedSchool): Promise<{ result: Diagnosis; calls: ReturnType<typeof countCalls> }> {
  const calls = countCalls();
  try {
    return { result: await diagnose(school), calls };
  } finally {
    calls.restore();
  }
}
const check = (diagnosis: Diagnosis, id: CheckId): DiagnosisCheck => diagnosis.checks.find((c) => c.id === id)!;
const statuses = (diagnosis: Diagnosis) => Object.fromEntries(diagnosis.checks.map((c) => [c.id, c.status]));
/** A check's words as the admin reads them: what happened, then the steps. */
const said = (c: DiagnosisCheck) => [c.detail, ...c.steps].join("\n");

/** A school whose corp's admin has not added any trusted IP yet (a corp as it is before the admin follows 【测试连接】). */
const schoolWithoutTrustedIps = () => connectedSchool(prisma, sim, {}, { trustedIps: false });

const ALL_PASSED = {
  settings: "passed",
  appSecret: "passed",
  app: "passed",
  visibleRange: "passed",
  contactSecret: "passed",
  contactAccess: "passed",
  contactWrite: "passed",
};

describe("a corp its admin set up for the platform", () => {
  it("passes every check, through the IT office's procedure, and says so", async () => {
    const school = await connectedSchool(prisma, sim);
    const result = await (await adminApi(school.tenant)).admin.wecom.testConnection();
    expect(result.ok).toBe(true);
    expect(result.message).toContain("连接成功");
    expect(statuses(result)).toEqual(ALL_PASSED);
    expect(check(result, "app").detail).toContain("身份认证小助手");
    expect(result.checks.every((c) => c.steps.length === 0)).toBe(true);
  });

  it("speaks English to an admin who reads English", async () => {
    const result = await diagnose(await connectedSchool(prisma, sim), "en");
    expect(result.message).toMatch(/^Connected/);
    expect(result.checks.map((c) => c.title)).toContain("Contact sync: permission to edit the directory");
  });
});

describe("企业可信IP (60020)", () => {
  it("tells the admin to add the platform's egress IPs to the assistant app, after a trusted domain or callback URL, naming the IP WeCom saw", async () => {
    process.env.WECOM_EGRESS_IPS = "198.51.100.20, 2001:db8::20";
    const school = await schoolWithoutTrustedIps();
    const result = await diagnose(school);
    expect(result.ok).toBe(false);
    const app = check(result, "app");
    expect(app.status).toBe("failed");
    expect(app.detail).toContain("60020");
    // What WeCom saw (the simulator sees the product on loopback), which is not what the operator configured.
    expect(app.detail).toContain("企业微信看到的来源 IP 为 127.0.0.1");
    expect(app.detail).toContain("不在平台配置的出口 IP 中");
    expect(said(app)).toContain("出口 IP：198.51.100.20; 2001:db8::20");
    expect(said(app)).toContain("应用管理 → 身份认证小助手");
    expect(said(app)).toContain("可信域名");
    expect(said(app)).toContain("接收消息");
    expect(said(app)).toContain("约 1 分钟");
    // WeCom's own text is never shown.
    expect(said(app)).not.toMatch(/not allow|more info|hint/);
    expect(check(result, "visibleRange").status).toBe("skipped");
    expect(result.message).toContain("60020");
  });

  it("tells the admin to add them to 通讯录同步 too, and every check passes once the admin has done what it said", async () => {
    process.env.WECOM_EGRESS_IPS = "127.0.0.1,::1";
    const school = await schoolWithoutTrustedIps();
    const before = await diagnose(school);
    expect(statuses(before)).toMatchObject({
      appSecret: "passed",
      app: "failed",
      contactSecret: "passed",
      contactAccess: "failed",
      contactWrite: "skipped",
    });
    const contact = check(before, "contactAccess");
    expect(contact.detail).toContain("60020");
    expect(said(contact)).toContain("管理工具 → 通讯录同步 的“企业可信IP”中添加本平台的出口 IP：127.0.0.1; ::1");
    expect(check(before, "app").detail).not.toContain("不在平台配置的出口 IP 中");

    // The admin does it in WeCom's console: the app already has a trusted domain (makeCorp), then the IPs.
    const ips = ["127.0.0.1", "::1"];
    await sim.ctl("PUT", `corps/${school.corp.corpid}/trusted-ips/${school.corp.assistantAgentid}`, { ips });
    await sim.ctl("PUT", `corps/${school.corp.corpid}/trusted-ips/contacts`, { ips });
    // Not yet applied: WeCom takes about a minute.
    expect(statuses(await diagnose(school))).toMatchObject({ app: "failed", contactAccess: "failed" });
    await sim.ctl("POST", "clock/advance", { seconds: 61 });
    const after = await diagnose(school);
    expect(statuses(after)).toEqual(ALL_PASSED);
    expect(after.ok).toBe(true);
  });

  it("says the operator has not configured the egress IPs when WECOM_EGRESS_IPS is unset", async () => {
    delete process.env.WECOM_EGRESS_IPS;
    const result = await diagnose(await schoolWithoutTrustedIps());
    expect(said(check(result, "app"))).toContain("平台运营方尚未配置本平台的出口 IP");
    expect(said(check(result, "contactAccess"))).toContain("请联系平台运营方");
  });

  it("gives the instruction in English", async () => {
    process.env.WECOM_EGRESS_IPS = "127.0.0.1";
    const app = check(await diagnose(await schoolWithoutTrustedIps(), "en"), "app");
    expect(said(app)).toContain("add the platform's egress IPs as trusted IPs (企业可信IP): 127.0.0.1");
    expect(said(app)).toContain("trusted domain");
  });
});

describe("contact sync (48002)", () => {
  it("tells API sync switched off from read-only", async () => {
    const off = await connectedSchool(prisma, sim);
    await sim.ctl("PATCH", `corps/${off.corp.corpid}`, { contactSync: "off" });
    const offResult = await diagnose(off);
    expect(statuses(offResult)).toMatchObject({ contactSecret: "passed", contactAccess: "failed", contactWrite: "skipped" });
    expect(check(offResult, "contactAccess").detail).toContain("“API 接口同步”未开启");
    expect(said(check(offResult, "contactAccess"))).toContain("管理工具 → 通讯录同步中开启“API 接口同步”");

    const readOnly = await connectedSchool(prisma, sim);
    await sim.ctl("PATCH", `corps/${readOnly.corp.corpid}`, { contactSync: "readOnly" });
    const readOnlyResult = await diagnose(readOnly);
    expect(statuses(readOnlyResult)).toMatchObject({ contactAccess: "passed", contactWrite: "failed" });
    expect(check(readOnlyResult, "contactWrite").detail).toContain("只有读取权限");
    expect(said(check(readOnlyResult, "contactWrite"))).toContain("“API 编辑通讯录”");
    expect(readOnlyResult.ok).toBe(false);
  });
});

describe("the assistant app", () => {
  it("fails a visible range without the school's root department and says where to add it", async () => {
    const school = await connectedSchool(prisma, sim);
    await sim.ctl("PATCH", `corps/${school.corp.corpid}/apps/${school.corp.assistantAgentid}`, {
      visibleDepartments: [],
      visibleUsers: [],
    });
    const result = await diagnose(school);
    const range = check(result, "visibleRange");
    expect(range.status).toBe("failed");
    expect(range.detail).toContain("60011");
    expect(said(range)).toContain("应用管理 → 身份认证小助手 → 可见范围");
    expect(check(result, "app").status).toBe("passed");
    // Contact sync is checked all the same.
    expect(check(result, "contactWrite").status).toBe("passed");
  });

  it("says an AgentID of another app (301002) or of none (40056) does not belong to the secret", async () => {
    for (const agentId of [1000002, 1000099]) {
      const school = await connectedSchool(prisma, sim);
      await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { agentId: agentId } });
      const app = check(await diagnose(school), "app");
      expect(app.status).toBe("failed");
      expect(app.detail).toContain("AgentID 与应用 Secret 不属于同一个应用");
    }
  });
});

describe("refused secrets and corp ids", () => {
  async function withSecrets(school: ConnectedSchool, secrets: { corpId?: string; app?: string; contact?: string }) {
    const id = school.tenant.tenantId;
    await prisma.wecomConnection.update({
      where: { tenantId: id },
      data: {
        ...(secrets.corpId ? { corpId: secrets.corpId } : {}),
        ...(secrets.app ? { appSecretEnc: encryptSecret(secrets.app, encryptionKey(), wecomSealContext("appSecretEnc", id)) } : {}),
        ...(secrets.contact
          ? { contactSecretEnc: encryptSecret(secrets.contact, encryptionKey(), wecomSealContext("contactSecretEnc", id)) }
          : {}),
      },
    });
  }

  it("40013: says where to copy the corp id, and stops there", async () => {
    const school = await connectedSchool(prisma, sim);
    await withSecrets(school, { corpId: "wwnosuchcorp" });
    const { result, calls } = await diagnoseCounting(school);
    const secret = check(result, "appSecret");
    expect(secret.status).toBe("failed");
    expect(said(secret)).toContain("我的企业 → 企业信息");
    expect(statuses(result)).toMatchObject({ app: "skipped", contactSecret: "skipped", contactAccess: "skipped" });
    expect(calls.of("gettoken")).toBe(1);
    expect(calls.of("agent/get")).toBe(0);
  });

  it("40001 for the app secret: says where to view it; the school is paused and the next test answers from memory", async () => {
    const school = await connectedSchool(prisma, sim);
    await sim.ctl("POST", `corps/${school.corp.corpid}/secrets/${school.corp.assistantAgentid}`);
    const first = await diagnose(school);
    expect(check(first, "appSecret").status).toBe("failed");
    expect(said(check(first, "appSecret"))).toContain("应用管理 → 小助手应用 → Secret【查看】");
    const { result: again, calls } = await diagnoseCounting(school);
    expect(calls.of("gettoken")).toBe(0);
    expect(check(again, "appSecret").detail).toContain("已暂停");
    expect((await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: school.tenant.tenantId } })).authFailure).toBe("app:40001");
  });

  it("40001 for the contact-sync secret: the app's checks pass and it says where to view the contact-sync secret", async () => {
    const school = await connectedSchool(prisma, sim);
    await sim.ctl("POST", `corps/${school.corp.corpid}/secrets/contacts`);
    const result = await diagnose(school);
    expect(statuses(result)).toMatchObject({
      appSecret: "passed",
      app: "passed",
      visibleRange: "passed",
      contactSecret: "failed",
      contactAccess: "skipped",
      contactWrite: "skipped",
    });
    expect(said(check(result, "contactSecret"))).toContain("管理工具 → 通讯录同步 → Secret【查看】");
  });

  it("40091: a secret of another corp", async () => {
    const school = await connectedSchool(prisma, sim);
    const other = await makeCorp(sim);
    await withSecrets(school, { app: other.assistantSecret });
    const result = await diagnose(school);
    expect(check(result, "appSecret").detail).toContain("属于其他企业");
  });

  it("warns that without a contact-sync secret the directory cannot be written, and checks the app", async () => {
    const school = await connectedSchool(prisma, sim);
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { contactSecretEnc: null } });
    const result = await diagnose(school);
    expect(statuses(result)).toMatchObject({ settings: "warning", app: "passed", visibleRange: "passed", contactSecret: "skipped" });
    expect(result.ok).toBe(false);
    expect(check(result, "settings").detail).toContain("无法在企业微信中创建");
  });

  it("names what is missing from incomplete settings and sends nothing", async () => {
    const school = await connectedSchool(prisma, sim);
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { appSecretEnc: null, agentId: null } });
    const { result, calls } = await diagnoseCounting(school);
    expect(check(result, "settings")).toMatchObject({ status: "failed", detail: "连接设置不完整，缺少：AgentID、应用 Secret。" });
    expect(calls.of("gettoken")).toBe(0);
  });
});

describe("the pause", () => {
  it("is cleared by a test that passes after it expired, and kept by one that fails", async () => {
    const passing = await connectedSchool(prisma, sim);
    const expired = { authFailedAt: new Date(Date.now() - 61 * 60 * 1000), authFailure: "app:40001" };
    await prisma.wecomConnection.update({ where: { tenantId: passing.tenant.tenantId }, data: expired });
    expect((await diagnose(passing)).ok).toBe(true);
    expect(await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: passing.tenant.tenantId } })).toMatchObject({
      authFailedAt: null,
      authFailure: null,
    });

    const failing = await schoolWithoutTrustedIps();
    await prisma.wecomConnection.update({ where: { tenantId: failing.tenant.tenantId }, data: expired });
    expect((await diagnose(failing)).ok).toBe(false);
    expect(await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: failing.tenant.tenantId } })).toMatchObject({
      authFailure: "app:40001",
    });
  });
});
