// The school's audit log as its IT office reads it: newest first, filtered by action (a prefix),
// actor (a username or an account), the member it concerns (rows about them and rows they wrote)
// and days in China time, paged in the database; the helpdesk may not read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "~/app/(school)/admin/(console)/audit/export/route";
import { adminClaims, callerFor, makeTenant, requestHeaders, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
let t: TestTenant;
let other: TestTenant;
let adminUsername: string;

const row = (tenantId: string, data: { action: string; actorKind: string; actorId?: string; target?: string; at: string }) => ({
  tenantId,
  action: data.action,
  actorKind: data.actorKind,
  actorId: data.actorId ?? null,
  target: data.target ?? null,
  createdAt: new Date(data.at),
  ip: "203.0.113.7",
  detail: { note: data.action },
});

beforeAll(async () => {
  t = await makeTenant(prisma);
  other = await makeTenant(prisma);
  adminUsername = (await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } })).username;
  await prisma.auditLog.deleteMany({ where: { tenantId: { in: [t.tenantId, other.tenantId] } } });
  await prisma.auditLog.createMany({
    data: [
      // 2026-12-06 23:30 China time.
      row(t.tenantId, {
        action: "member.unlock",
        actorKind: "tenantAdmin",
        actorId: t.adminId,
        target: t.memberAccount,
        at: "2026-12-06T15:30:00Z",
      }),
      // 2026-12-07 00:30 China time: the 7th in China, the 6th in UTC.
      row(t.tenantId, { action: "member.login", actorKind: "member", actorId: t.memberId, at: "2026-12-06T16:30:00Z" }),
      row(t.tenantId, { action: "wecom.member.removed", actorKind: "system", target: t.memberAccount, at: "2026-12-07T03:00:00Z" }),
      row(t.tenantId, { action: "tenant.phonePolicy.update", actorKind: "tenantAdmin", actorId: t.adminId, at: "2026-12-07T04:00:00Z" }),
      // Another school's row about an account of the same spelling.
      row(other.tenantId, {
        action: "member.unlock",
        actorKind: "tenantAdmin",
        actorId: other.adminId,
        target: t.memberAccount,
        at: "2026-12-07T05:00:00Z",
      }),
    ],
  });
});
afterAll(() => prisma.$disconnect());

const list = async (input: Record<string, unknown>) => (await callerFor(prisma, t.host, adminClaims(t))).admin.audit.list(input);

describe("the audit log", () => {
  it("lists the school's own rows newest first, with each actor's username or account", async () => {
    const log = await list({});
    expect(log.rows.map((r) => r.action)).toEqual(["tenant.phonePolicy.update", "wecom.member.removed", "member.login", "member.unlock"]);
    expect(log.rows.map((r) => r.actor)).toEqual([adminUsername, null, t.memberAccount, adminUsername]);
    expect(JSON.stringify(log)).not.toContain(other.adminId);
  });

  it("filters by an action's prefix, by actor and by the member concerned", async () => {
    expect((await list({ action: "member." })).rows.map((r) => r.action)).toEqual(["member.login", "member.unlock"]);
    expect((await list({ actor: adminUsername })).rows.map((r) => r.action)).toEqual(["tenant.phonePolicy.update", "member.unlock"]);
    expect((await list({ actor: "system" })).rows.map((r) => r.action)).toEqual(["wecom.member.removed"]);
    // About the member (target) and by the member (their sign-in); not the school's settings.
    expect((await list({ member: t.memberAccount })).rows.map((r) => r.action)).toEqual([
      "wecom.member.removed",
      "member.login",
      "member.unlock",
    ]);
    expect((await list({ actor: "nobody-here" })).total).toBe(0);
  });

  it("takes days in China time", async () => {
    const seventh = await list({ from: "2026-12-07", to: "2026-12-07" });
    expect(seventh.rows.map((r) => r.action)).toEqual(["tenant.phonePolicy.update", "wecom.member.removed", "member.login"]);
    expect((await list({ to: "2026-12-06" })).rows.map((r) => r.action)).toEqual(["member.unlock"]);
    await expect(list({ from: "2026-13-45" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("pages in the database, fifty to a page", async () => {
    const paged = await makeTenant(prisma);
    await prisma.auditLog.deleteMany({ where: { tenantId: paged.tenantId } });
    await prisma.auditLog.createMany({
      data: Array.from({ length: 51 }, (_, i) =>
        row(paged.tenantId, {
          action: `member.update`,
          actorKind: "system",
          target: `acct-${i}`,
          at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
        }),
      ),
    });
    const api = (await callerFor(prisma, paged.host, adminClaims(paged))).admin.audit;
    const first = await api.list({});
    expect(first).toMatchObject({ total: 51, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.target).toBe("acct-50");
    const second = await api.list({ page: 2 });
    expect(second.rows.map((r) => r.target)).toEqual(["acct-0"]);
  });

  it("exports the filtered log as CSV for Excel, and records the export", async () => {
    const response = await exportRoute(
      new Request(`http://${t.host}/admin/audit/export?action=member.`, { headers: await requestHeaders(t.host, adminClaims(t)) }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const bytes = Buffer.from(await response.arrayBuffer());
    // The BOM first, so Excel reads UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("时间,操作人类型,操作人,操作,操作代码,")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("成员登录,member.login");
    expect(lines[2]).toContain("解锁成员,member.unlock");
    expect(lines[2]).toContain(adminUsername);
    const recorded = await prisma.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "audit.exported" } });
    expect(recorded?.detail).toEqual({ action: "member." });
  });

  it("is the IT office's: the helpdesk is refused", async () => {
    await prisma.tenantAdmin.update({ where: { id: other.adminId }, data: { role: "HELPDESK" } });
    const helpdesk = await callerFor(prisma, other.host, adminClaims(other));
    await expect(helpdesk.admin.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refused = await exportRoute(
      new Request(`http://${other.host}/admin/audit/export`, { headers: await requestHeaders(other.host, adminClaims(other)) }),
    );
    expect(refused.status).toBe(403);
  });
});
