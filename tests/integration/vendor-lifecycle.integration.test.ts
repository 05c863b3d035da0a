// The vendor running the platform: deleting a school (its host stops answering, its jobs stop) and
// restoring it within 30 days, the purge after them (and not before), every school's health with
// the unhealthy first, and the platform audit log with its filters and export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as platformAuditExport } from "~/app/vendor/(console)/audit/export/route";
import type { SessionClaims } from "~/server/auth/session-user";
import { activationFunnel } from "~/server/members/funnel";
import { purgeDeletedTenants } from "~/server/tenants/delete-tenant";
import { wecomJobScope } from "~/server/wecom/sync-deps";
import { adminClaims, callerFor, makeTenant, makeVendor, requestHeaders, testJobs, testPrisma, testScope } from "./support";

const prisma = testPrisma();
let vendor: SessionClaims;
let vendorUsername: string;
const DAY = 86_400_000;

beforeAll(async () => {
  const v = await makeVendor(prisma);
  vendorUsername = v.username;
  vendor = { sub: v.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 };
});
afterAll(() => prisma.$disconnect());

const console_ = () => callerFor(prisma, "localhost", vendor);

describe("deleting a school", () => {
  it("names what goes, refuses a mistyped slug, stops the host, the admins and the jobs, and restores it as it was", async () => {
    const t = await makeTenant(prisma);
    const api = await console_();
    const summary = await api.vendor.tenants.deletionSummary({ tenantId: t.tenantId });
    expect(summary).toMatchObject({ slug: t.slug, members: 1, admins: [expect.stringMatching(/^admin/)], wecomConnected: false });

    await expect(api.vendor.tenants.delete({ tenantId: t.tenantId, confirmSlug: "not-the-slug" })).rejects.toMatchObject({
      cause: { code: "TENANT_DELETE_SLUG_MISMATCH" },
    });
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).resolves.toMatchObject({ slug: t.slug });

    await api.vendor.tenants.delete({ tenantId: t.tenantId, confirmSlug: t.slug.toUpperCase() });
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(prisma, t.host, adminClaims(t))).admin.directory.overview()).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(wecomJobScope({ prisma, jobs: testJobs(), encryptionKey: Buffer.alloc(32) }, t.tenantId)).rejects.toMatchObject({
      code: "TENANT_UNAVAILABLE",
    });
    // Apart from the live schools, with the days left; not suspended or resumed behind the operator's back.
    expect((await api.vendor.tenants.list()).map((s) => s.slug)).not.toContain(t.slug);
    expect((await api.vendor.tenants.listDeleted()).find((s) => s.slug === t.slug)).toMatchObject({ daysLeft: 30 });
    await expect(api.vendor.tenants.setStatus({ tenantId: t.tenantId, status: "ACTIVE" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(api.vendor.tenants.restore({ tenantId: t.tenantId })).resolves.toMatchObject({ slug: t.slug, status: "ACTIVE" });
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).resolves.toMatchObject({ slug: t.slug });
    expect((await api.vendor.tenants.listDeleted()).map((s) => s.slug)).not.toContain(t.slug);
    const actions = await prisma.auditLog.findMany({
      where: { tenantId: t.tenantId },
      select: { action: true },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["tenant.delete", "tenant.restore"]);
  });

  it("restores a suspended school suspended", async () => {
    const t = await makeTenant(prisma);
    const api = await console_();
    await api.vendor.tenants.setStatus({ tenantId: t.tenantId, status: "SUSPENDED" });
    await api.vendor.tenants.delete({ tenantId: t.tenantId, confirmSlug: t.slug });
    await expect(api.vendor.tenants.restore({ tenantId: t.tenantId })).resolves.toMatchObject({ status: "SUSPENDED" });
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("purges a school 30 days after its deletion, not before, keeping the operators' rows about it", async () => {
    const t = await makeTenant(prisma);
    const api = await console_();
    await prisma.auditLog.create({ data: { tenantId: t.tenantId, actorKind: "tenantAdmin", actorId: t.adminId, action: "member.unlock" } });
    await api.vendor.tenants.delete({ tenantId: t.tenantId, confirmSlug: t.slug });
    const deletedAt = (await prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).deletedAt!;

    expect(await purgeDeletedTenants(prisma, new Date(deletedAt.getTime() + 29 * DAY))).not.toContain(t.slug);
    expect(await prisma.tenant.findUnique({ where: { id: t.tenantId } })).not.toBeNull();
    await expect(api.vendor.tenants.restore({ tenantId: t.tenantId })).resolves.toMatchObject({ slug: t.slug });
    await api.vendor.tenants.delete({ tenantId: t.tenantId, confirmSlug: t.slug });
    const again = (await prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).deletedAt!;

    expect(await purgeDeletedTenants(prisma, new Date(again.getTime() + 31 * DAY))).toContain(t.slug);
    expect(await prisma.tenant.findUnique({ where: { id: t.tenantId } })).toBeNull();
    expect(await prisma.member.count({ where: { tenantId: t.tenantId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "member.unlock", actorId: t.adminId } })).toBe(0);
    await expect(api.vendor.tenants.restore({ tenantId: t.tenantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The operators' rows about it, and the purge's own, found by the school's slug.
    const rows = await api.vendor.audit.list({ school: t.slug });
    expect(rows.rows.map((r) => r.action)).toEqual(["tenant.purge", "tenant.delete", "tenant.restore", "tenant.delete"]);
    expect(rows.rows.every((r) => r.school === t.slug)).toBe(true);
  });
});

describe("every school's health", () => {
  it("puts an unhealthy school first, its problems said with where to fix them, and counts the funnel as the school does", async () => {
    const healthy = await makeTenant(prisma);
    await prisma.wecomJob.deleteMany({ where: { tenantId: healthy.tenantId } });
    const sick = await makeTenant(prisma, { idpKind: "CAS" });
    await prisma.wecomConnection.update({
      where: { tenantId: sick.tenantId },
      data: { corpId: "wwsick", authFailedAt: new Date(), authFailure: "app:40001" },
    });
    await prisma.identityProviderSettings.update({
      where: { tenantId: sick.tenantId },
      data: { lastTestAt: new Date(), lastTestOk: false },
    });

    const schools = await (await console_()).vendor.health.schools();
    const at = (slug: string) => schools.findIndex((s) => s.slug === slug);
    expect(at(sick.slug)).toBeGreaterThanOrEqual(0);
    expect(at(sick.slug)).toBeLessThan(at(healthy.slug));
    const row = schools[at(sick.slug)]!;
    expect(row.problems.map((p) => p.key)).toEqual(["wecomAuthFailed", "idpTestFailed", "wecomJobsFailed"]);
    expect(row.problems[0]).toMatchObject({ severity: "danger", vars: { failure: "app:40001" } });
    expect(row.problems[0]!.href).toContain(`${sick.slug}.`);
    expect(row.problems[1]!.href).toBe(`/vendor/schools/${sick.tenantId}/identity`);
    expect(row.problems[2]).toMatchObject({ vars: { count: 1, error: "测试失败" } });
    expect(schools[at(healthy.slug)]!.problems).toEqual([]);
    const own = await activationFunnel(await testScope(prisma, sick.tenantId), {});
    expect(row.funnel).toEqual(own.map(({ key, value }) => ({ key, value })));
  });
});

describe("the platform audit log", () => {
  it("filters by operator, action and school, leaves the schools' own rows out, and exports as CSV", async () => {
    const t = await makeTenant(prisma);
    const api = await console_();
    await api.vendor.tenants.setStatus({ tenantId: t.tenantId, status: "SUSPENDED" });
    await api.vendor.tenants.setStatus({ tenantId: t.tenantId, status: "ACTIVE" });
    await prisma.auditLog.create({
      data: { tenantId: t.tenantId, actorKind: "tenantAdmin", actorId: t.adminId, action: "tenant.wecom.update" },
    });

    const bySchool = await api.vendor.audit.list({ school: t.slug });
    expect(bySchool.rows.map((r) => [r.action, r.actor])).toEqual([
      ["tenant.resume", vendorUsername],
      ["tenant.suspend", vendorUsername],
    ]);
    expect((await api.vendor.audit.list({ school: t.slug, action: "tenant.susp" })).rows.map((r) => r.action)).toEqual(["tenant.suspend"]);
    expect((await api.vendor.audit.list({ school: t.slug, actor: "no-such-operator" })).total).toBe(0);
    expect((await api.vendor.audit.list({ school: t.slug, actor: vendorUsername })).total).toBe(2);

    const response = await platformAuditExport(
      new Request(`http://localhost/vendor/audit/export?school=${t.slug}`, { headers: await requestHeaders("localhost", vendor) }),
    );
    expect(response.status).toBe(200);
    const text = Buffer.from(await response.arrayBuffer())
      .subarray(3)
      .toString("utf8");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("学校");
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines[1]).toContain("tenant.resume");
    expect(lines[1]).toContain(t.slug);
    expect(await prisma.auditLog.count({ where: { action: "audit.platformExported", actorId: vendor.sub } })).toBeGreaterThan(0);
  });

  it("refuses the export to a school's admin, on the platform's host and on the school's", async () => {
    const t = await makeTenant(prisma);
    for (const host of ["localhost", t.host]) {
      const refused = await platformAuditExport(
        new Request(`http://${host}/vendor/audit/export`, { headers: await requestHeaders(host, adminClaims(t, host)) }),
      );
      expect([401, 403]).toContain(refused.status);
      expect(await refused.text()).not.toContain("tenant.");
    }
  });
});
