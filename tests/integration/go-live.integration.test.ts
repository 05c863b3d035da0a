// 开通向导 finds each step itself: a new school's WeCom never tested, then tested and failing
// (named), the unified login's test and a real sign-in through the school's server, the roster,
// how much of it WeCom holds, a download of the code from the back office (a stranger's download
// counts for nothing), and a member who follows. The helpdesk may not open it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { GET as pngRoute } from "~/app/(school)/join/qr.png/route";
import { testIdentityConnection } from "~/server/identity/connection-test";
import { testWecomConnection } from "~/server/wecom/settings";
import { adminClaims, callerFor, makeTenant, requestHeaders, testPrisma, testScope, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const checklistOf = async (t: TestTenant) => (await callerFor(prisma, t.host, adminClaims(t))).admin.goLive.checklist();
const statusOf = async (t: TestTenant) => Object.fromEntries((await checklistOf(t)).checks.map((c) => [c.id, c.status]));

describe("the go-live checklist", () => {
  it("starts where a new school stands, each step that is left linking to its page", async () => {
    const t = await makeTenant(prisma);
    const list = await checklistOf(t);
    expect(Object.fromEntries(list.checks.map((c) => [c.id, c.status]))).toEqual({
      wecom: "failed",
      identity: "passed",
      roster: "passed",
      // The test school has one sync job WeCom refused.
      sync: "failed",
      visibleRange: "skipped",
      qr: "failed",
      firstFollow: "failed",
    });
    expect(list.ok).toBe(false);
    expect(list.done).toBe(2);
    expect(list.checks.find((c) => c.id === "sync")?.detail).toBe("1 个同步任务失败，请查看原因并重试。");
    expect(list.checks.find((c) => c.id === "wecom")?.link?.href).toBe("/admin/wecom");
  });

  it("reads the last 【测试连接】 of WeCom, naming what failed", async () => {
    const t = await makeTenant(prisma);
    await testWecomConnection(await testScope(prisma, t.tenantId));
    const wecom = (await checklistOf(t)).checks.find((c) => c.id === "wecom")!;
    expect(wecom.status).toBe("failed");
    expect(wecom.detail).toContain("测试连接未通过");
    expect(wecom.detail).toContain("连接设置");
  });

  it("asks a school on its own CAS for a passing test and one real sign-in through it", async () => {
    const t = await makeTenant(prisma, { idpKind: "CAS" });
    expect((await statusOf(t)).identity).toBe("failed");
    // No address yet: the test fails, and the checklist says so.
    await testIdentityConnection(await testScope(prisma, t.tenantId), { requestHost: null });
    expect((await checklistOf(t)).checks.find((c) => c.id === "identity")?.detail).toContain("测试连接未通过");
    await prisma.identityProviderSettings.update({ where: { tenantId: t.tenantId }, data: { lastTestAt: new Date(), lastTestOk: true } });
    expect((await statusOf(t)).identity).toBe("warning");
    await prisma.ssoSession.create({
      data: { id: randomUUID(), tenantId: t.tenantId, memberId: t.memberId, protocol: "CAS", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect((await statusOf(t)).identity).toBe("passed");
  });

  it("counts a download of the code by the back office, not by anyone else", async () => {
    const t = await makeTenant(prisma);
    const download = async (claims?: ReturnType<typeof adminClaims>) =>
      pngRoute(new Request(`http://${t.host}/join/qr.png?size=print&download=1`, { headers: await requestHeaders(t.host, claims) }));
    expect((await download()).status).toBe(200);
    expect((await statusOf(t)).qr).toBe("failed");
    expect((await download(adminClaims(t))).status).toBe(200);
    expect((await statusOf(t)).qr).toBe("passed");
  });

  it("sees the directory in WeCom and a member who follows", async () => {
    const t = await makeTenant(prisma);
    await prisma.wecomJob.updateMany({ where: { tenantId: t.tenantId }, data: { state: "DONE" } });
    expect((await checklistOf(t)).checks.find((c) => c.id === "sync")?.detail).toBe("企业微信中已有 0 / 1 位成员。");
    await prisma.memberWecom.upsert({
      where: { memberId: t.memberId },
      create: { memberId: t.memberId, tenantId: t.tenantId, writtenAt: new Date(), state: "ACTIVATED" },
      update: { writtenAt: new Date(), state: "ACTIVATED" },
    });
    const status = await statusOf(t);
    expect(status.sync).toBe("passed");
    expect(status.firstFollow).toBe("passed");
  });

  it("is for whoever sets the school up: the helpdesk is refused", async () => {
    const t = await makeTenant(prisma);
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "HELPDESK" } });
    await expect(checklistOf(t)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
