// The back office's directory changes as an admin (or someone with a forged
// header) would notice them: a change and its audit row are one transaction,
// an update touches only what was sent, accounts are one whatever their case,
// search matches what was typed literally, and the tenant-bound client has no
// way around its filter.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "~/server/audit/audit";
import { tenantDb } from "~/server/db/tenant-db";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { createMember, updateMember } from "~/server/members/manage-members";
import { searchMembers } from "~/server/members/directory-search";
import { unlockMember } from "~/server/members/fixes/unlock";
import { setTenantStatus } from "~/server/tenants/manage-tenants";
import {
  adminActor,
  adminClaims,
  callerFor,
  makeTenant,
  makeVendor,
  testPlatform,
  testPrisma,
  testScope,
  unique,
  type TestTenant,
} from "./support";

const prisma = testPrisma();
let boss: PgBoss;

beforeAll(async () => {
  boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await prisma.$disconnect();
});

function deps(t: TestTenant, ip: string | null = "192.0.2.10") {
  return testScope(prisma, t.tenantId, { actor: adminActor(t, ip), jobs: boss });
}

/** Makes every audit row written for `actorId` fail, as a full disk or a broken constraint would. */
async function failAuditsOf(actorId: string): Promise<() => Promise<void>> {
  const name = `fail_audit_${actorId.replace(/-/g, "")}`;
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       IF NEW."actorId" = '${actorId}' THEN RAISE EXCEPTION 'audit refused for the test'; END IF; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditLog"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

const auditsOf = (t: TestTenant, action: string) =>
  prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action }, orderBy: { createdAt: "asc" } });

describe("a change and its audit row are one transaction", () => {
  it("an unlock whose audit row cannot be written leaves the member locked", async () => {
    const t = await makeTenant(prisma);
    const lockedUntil = new Date(Date.now() + 30 * 60_000);
    await prisma.member.update({ where: { id: t.memberId }, data: { failedLoginCount: 6, lockedUntil } });
    const restore = await failAuditsOf(t.adminId);
    try {
      await expect(unlockMember(await deps(t, null), { memberId: t.memberId })).rejects.toThrow();
    } finally {
      await restore();
    }
    const member = await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } });
    expect(member.lockedUntil).toEqual(lockedUntil);
    expect(member.failedLoginCount).toBe(6);

    await unlockMember(await deps(t, null), { memberId: t.memberId });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } })).lockedUntil).toBeNull();
    expect(await auditsOf(t, "member.unlock")).toHaveLength(1);
  });

  it("a member update or a school's suspension whose audit fails changes nothing", async () => {
    const t = await makeTenant(prisma);
    const vendor = await makeVendor(prisma);
    const restore = [await failAuditsOf(t.adminId), await failAuditsOf(vendor.id)];
    try {
      await expect(updateMember(await deps(t), { memberId: t.memberId, name: "改名失败" })).rejects.toThrow();
      await expect(setTenantStatus(testPlatform(prisma, vendor.id), { tenantId: t.tenantId, status: "SUSPENDED" })).rejects.toThrow();
    } finally {
      for (const r of restore) await r();
    }
    expect((await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } })).name).toBe(t.memberName);
    expect((await prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).status).toBe("ACTIVE");
  });

  it("a forged, over-long or malformed address never stops the change; the row stores a valid address or none", async () => {
    const t = await makeTenant(prisma);
    await updateMember(await deps(t, "1.2.3.4, ".repeat(100)), { memberId: t.memberId, name: "新名字一" });
    await updateMember(await deps(t, "2001:db8::7"), { memberId: t.memberId, name: "新名字二" });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } })).name).toBe("新名字二");
    expect((await auditsOf(t, "member.update")).map((row) => row.ip)).toEqual([null, "2001:db8::7"]);
    // Platform-wide writers too.
    await audit(prisma, {
      actorKind: "system",
      action: "test.address",
      ip: "<script>".repeat(20),
      tenantId: t.tenantId,
      target: "x".repeat(500),
    });
    const [row] = await auditsOf(t, "test.address");
    expect(row?.ip).toBeNull();
    expect(row?.target).toHaveLength(200);
  });
});

describe("updateMember touches only what it was given", () => {
  it("a name-only update keeps department, phone and email, and the audit lists only the name", async () => {
    const t = await makeTenant(prisma);
    const d = await deps(t);
    const created = await createMember(d, {
      account: unique("U"),
      name: "原名",
      identityKindCode: "student_staff",
      department: "计算机学院",
      phone: "13712345678",
      email: "a@example.edu.cn",
    });
    const updated = await updateMember(d, { memberId: created.id, name: "新名" });
    expect(updated).toMatchObject({ name: "新名", department: "计算机学院", phoneDisplay: "13712345678", email: "a@example.edu.cn" });
    const row = await prisma.member.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.phone).toBe("+8613712345678");
    const [, update] = await prisma.auditLog.findMany({
      where: { tenantId: t.tenantId, target: created.account },
      orderBy: { createdAt: "asc" },
    });
    expect(update?.detail).toEqual({ changed: ["name"] });
  });

  it("null or an empty string clears the optional fields; fields sent unchanged are not listed", async () => {
    const t = await makeTenant(prisma);
    const d = await deps(t);
    const created = await createMember(d, {
      account: unique("U"),
      name: "清空",
      identityKindCode: "student_staff",
      department: "物理学院",
      phone: "13712345679",
      email: "b@example.edu.cn",
    });
    const updated = await updateMember(d, { memberId: created.id, name: "清空", department: null, phone: "", email: null });
    expect(updated).toMatchObject({ name: "清空", department: "", phoneDisplay: null, email: null });
    const logs = await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action: "member.update" } });
    expect(logs.map((l) => l.detail)).toEqual([{ changed: ["department", "email", "phone"] }]);
  });

  it("through the router, a name-only update sent by the admin page keeps the rest", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    await prisma.member.update({ where: { id: t.memberId }, data: { department: "数学学院", email: "c@example.edu.cn" } });
    await api.admin.directory.update({ memberId: t.memberId, name: "路由改名" });
    expect(await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } })).toMatchObject({
      name: "路由改名",
      department: "数学学院",
      email: "c@example.edu.cn",
      phone: t.memberPhone,
    });
  });
});

describe("accounts are one whatever their case or width", () => {
  it("creating t1001 beside T1001 is refused with 学工号已存在, and T1001 keeps its name and phone", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    const account = unique("T").toUpperCase();
    const original = await api.admin.directory.create({ account, name: "王老师", identityKindCode: "student_staff", phone: "13712340001" });
    await expect(
      api.admin.directory.create({ account: account.toLowerCase(), name: "冒名", identityKindCode: "student_staff", phone: "13712340002" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "ACCOUNT_ALREADY_EXISTS", vars: { account: account.toLowerCase() } },
    });
    expect(await prisma.member.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({
      name: "王老师",
      phone: "+8613712340001",
    });
    expect(await prisma.member.count({ where: { tenantId: t.tenantId, account: { equals: account, mode: "insensitive" } } })).toBe(1);
  });

  it("a full-width account is stored in ASCII, and one that breaks the pattern is refused before the database", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    const created = await api.admin.directory.create({ account: " Ｋ２０２６００１ ", name: "全角", identityKindCode: "student_staff" });
    expect(created.account).toBe("K2026001");
    await expect(
      api.admin.directory.create({ account: "K2026001", name: "重复", identityKindCode: "student_staff" }),
    ).rejects.toMatchObject({
      cause: { code: "ACCOUNT_ALREADY_EXISTS" },
    });
    await expect(api.admin.directory.create({ account: "张 三", name: "坏号", identityKindCode: "student_staff" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("admin search matches what was typed, literally", () => {
  it("% and _ match only members whose name holds them", async () => {
    const t = await makeTenant(prisma);
    const d = await deps(t);
    const plain = await createMember(d, {
      account: unique("P"),
      name: "普通成员",
      identityKindCode: "student_staff",
      department: "",
      phone: "",
      email: "",
    });
    const percent = await createMember(d, {
      account: unique("P"),
      name: "百分%号",
      identityKindCode: "student_staff",
      department: "",
      phone: "",
      email: "",
    });
    expect((await searchMembers(d, { query: "%", pageSize: 50 })).rows.map((m) => m.id)).toEqual([percent.id]);
    expect((await searchMembers(d, { query: "_", pageSize: 50 })).rows).toEqual([]);
    expect((await searchMembers(d, { query: "普通", pageSize: 50 })).rows.map((m) => m.id)).toEqual([plain.id]);
    expect((await searchMembers(d, { query: "\\", pageSize: 50 })).rows).toEqual([]);
  });
});

describe("the tenant-bound client has no way around its filter", () => {
  it("refuses raw SQL", async () => {
    const t = await makeTenant(prisma);
    const db = tenantDb(prisma, t.tenantId) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of ["$queryRawUnsafe", "$executeRawUnsafe"]) {
      await expect(async () => db[method]!(`SELECT * FROM "Member"`)).rejects.toThrow(/Raw SQL is not allowed/);
    }
    for (const method of ["$queryRaw", "$executeRaw"]) {
      await expect(async () => db[method]!([`SELECT * FROM "Member"`])).rejects.toThrow(/Raw SQL is not allowed/);
    }
  });

  it("refuses to read the tenant relation, also nested, so no school row (with its secrets) comes through it", async () => {
    const t = await makeTenant(prisma);
    const db = tenantDb(prisma, t.tenantId);
    await expect(db.member.findMany({ include: { tenant: true } })).rejects.toThrow(/tenant/);
    await expect(db.member.findMany({ select: { identityKind: { select: { tenant: true } } } })).rejects.toThrow(/tenant/);
    await expect(db.identityKind.findFirst({ include: { members: { include: { tenant: true } } } })).rejects.toThrow(/tenant/);
    expect(await db.member.findMany({ select: { id: true, identityKind: { select: { code: true } } } })).toHaveLength(1);
  });
});
