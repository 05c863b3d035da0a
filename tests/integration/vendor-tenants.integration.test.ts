// The vendor console's work on tenants through its procedures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "~/server/auth/session-user";
import { callerFor, makeTenant, makeVendor, testPrisma, unique } from "./support";

const prisma = testPrisma();
let vendor: SessionClaims;

beforeAll(async () => {
  const v = await makeVendor(prisma);
  vendor = { sub: v.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 };
});
afterAll(() => prisma.$disconnect());

describe("vendor tenants", () => {
  it("creates a school that is served on its subdomain at once, with the default identity kind", async () => {
    const api = await callerFor(prisma, "localhost", vendor);
    const slug = unique("new");
    const created = await api.vendor.tenants.create({ slug, name: "新开通大学", idpKind: "CAS" });
    expect(created).toMatchObject({ slug, status: "ACTIVE", idpKind: "CAS" });
    const home = await (await callerFor(prisma, `${slug}.localhost`)).school.tenant.current();
    expect(home).toMatchObject({ name: "新开通大学", identityKinds: [{ nameZh: "在校师生" }] });
    expect(
      await prisma.auditLog.findFirst({ where: { tenantId: created.id, action: "tenant.create", actorId: vendor.sub } }),
    ).not.toBeNull();
  });

  it("refuses a slug that exists, naming the field, and a reserved or malformed one", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, "localhost", vendor);
    await expect(api.vendor.tenants.create({ slug: t.slug, name: "重复", idpKind: "BUILTIN" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "ALREADY_EXISTS", vars: { field: "学校域名前缀" } },
    });
    for (const slug of ["www", "admin", "-bad", "has space", "UPPER_"]) {
      await expect(api.vendor.tenants.create({ slug, name: "坏名字", idpKind: "BUILTIN" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("suspends a school so its host answers 'not set up', and resumes it", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, "localhost", vendor);
    await api.vendor.tenants.setStatus({ tenantId: t.tenantId, status: "SUSPENDED" });
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api.vendor.tenants.setStatus({ tenantId: t.tenantId, status: "ACTIVE" });
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).resolves.toMatchObject({ slug: t.slug });
    const actions = await prisma.auditLog.findMany({
      where: { tenantId: t.tenantId },
      select: { action: true },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["tenant.suspend", "tenant.resume"]);
  });

  it("lists every school with its member count", async () => {
    const t = await makeTenant(prisma);
    const list = await (await callerFor(prisma, "localhost", vendor)).vendor.tenants.list();
    expect(list.find((row) => row.slug === t.slug)).toMatchObject({ _count: { members: 1, admins: 1 } });
  });

  it("a school admin's session cannot use the vendor console", async () => {
    const t = await makeTenant(prisma);
    const adminOnRoot: SessionClaims = { sub: t.adminId, kind: "tenantAdmin", tenantId: t.tenantId, host: "localhost", ver: 0 };
    await expect((await callerFor(prisma, "localhost", adminOnRoot)).vendor.tenants.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
