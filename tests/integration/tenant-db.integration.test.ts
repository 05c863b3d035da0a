// The tenant-bound client against the real database: it reads, changes and
// creates only its own school's rows, and the schema refuses cross links.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantDb, type MemberInsert } from "~/server/db/tenant-db";
import { makeTenant, testPrisma, unique, type TestTenant } from "./support";

const prisma = testPrisma();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await makeTenant(prisma);
  b = await makeTenant(prisma);
});
afterAll(() => prisma.$disconnect());

describe("a tenant-bound client", () => {
  it("does not find another school's member by id, account or listing", async () => {
    const db = tenantDb(prisma, a.tenantId);
    expect(await db.member.findUnique({ where: { id: b.memberId } })).toBeNull();
    expect(await db.member.findFirst({ where: { account: b.memberAccount } })).toBeNull();
    const all = await db.member.findMany({ select: { id: true } });
    expect(all.map((m) => m.id)).toEqual([a.memberId]);
  });

  it("cannot update or delete another school's member", async () => {
    const db = tenantDb(prisma, a.tenantId);
    expect((await db.member.updateMany({ where: { id: b.memberId }, data: { name: "被篡改" } })).count).toBe(0);
    expect((await db.member.deleteMany({ where: { id: b.memberId } })).count).toBe(0);
    await expect(db.member.update({ where: { id: b.memberId }, data: { name: "被篡改" } })).rejects.toThrow();
    expect((await prisma.member.findUniqueOrThrow({ where: { id: b.memberId } })).name).toBe(b.memberName);
  });

  it("creates rows in its own school even when asked for another", async () => {
    const db = tenantDb(prisma, a.tenantId);
    const created = await db.member.create({
      data: { tenantId: b.tenantId, account: unique("X"), name: "新成员", identityKindId: a.identityKindId },
    });
    expect(created.tenantId).toBe(a.tenantId);
  });

  it("cannot attach a member to another school's identity kind (composite foreign key)", async () => {
    const db = tenantDb(prisma, a.tenantId);
    await expect(
      db.member.create({ data: { tenantId: a.tenantId, account: unique("X"), name: "跨校", identityKindId: b.identityKindId } }),
    ).rejects.toThrow();
  });

  it("lets two schools use the same account number and phone, but one school never twice", async () => {
    const db = tenantDb(prisma, b.tenantId);
    await expect(
      db.member.create({
        data: { tenantId: b.tenantId, account: a.memberAccount, name: "同号", identityKindId: b.identityKindId, phone: a.memberPhone },
      }),
    ).resolves.toBeTruthy();
    await expect(
      db.member.create({ data: { tenantId: b.tenantId, account: a.memberAccount, name: "重复", identityKindId: b.identityKindId } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("a tenant-bound client's bulk inserts (an import's batches)", () => {
  it("writes members into its own school, even when a row names another", async () => {
    const db = tenantDb(prisma, a.tenantId);
    const row = { id: randomUUID(), account: unique("B"), name: "批量", identityKindId: a.identityKindId, tenantId: b.tenantId };
    expect(await db.$insertMembers([row as MemberInsert])).toBe(1);
    const written = await prisma.member.findUniqueOrThrow({ where: { id: row.id } });
    expect(written).toMatchObject({ tenantId: a.tenantId, account: row.account, name: "批量", department: "" });
    expect(await prisma.member.count({ where: { tenantId: b.tenantId, account: row.account } })).toBe(0);
  });

  it("cannot overwrite another school's member, attach one to its identity kind, or repeat an account", async () => {
    const db = tenantDb(prisma, a.tenantId);
    const row = (over: Partial<MemberInsert>): MemberInsert => ({
      id: randomUUID(),
      account: unique("B"),
      name: "批量",
      identityKindId: a.identityKindId,
      ...over,
    });
    await expect(db.$insertMembers([row({ id: b.memberId, name: "被篡改" })])).rejects.toThrow();
    await expect(db.$insertMembers([row({ identityKindId: b.identityKindId })])).rejects.toThrow();
    await expect(db.$insertMembers([row({ account: a.memberAccount })])).rejects.toThrow();
    expect((await prisma.member.findUniqueOrThrow({ where: { id: b.memberId } })).name).toBe(b.memberName);
    // The same account in another school is no conflict.
    await expect(db.$insertMembers([row({ account: b.memberAccount })])).resolves.toBe(1);
  });

  it("writes WeCom job rows into its own school, even when a row names another", async () => {
    const db = tenantDb(prisma, a.tenantId);
    const jobId = randomUUID();
    const row = { jobId, queue: "wecom-sync", kind: "member.upsert", subject: a.memberId, tenantId: b.tenantId };
    expect(await db.$insertWecomJobRows([row])).toBe(1);
    expect(await prisma.wecomJob.findUniqueOrThrow({ where: { jobId } })).toMatchObject({ tenantId: a.tenantId, state: "QUEUED" });
  });
});
