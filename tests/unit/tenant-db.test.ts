import { describe, expect, it } from "vitest";
import { scopeArgs } from "~/server/db/tenant-db";

const OURS = "11111111-1111-4111-8111-111111111111";
const THEIRS = "22222222-2222-4222-8222-222222222222";

describe("scopeArgs: reads, updates and deletes only reach this tenant's rows", () => {
  const filtered = [
    "findUnique",
    "findUniqueOrThrow",
    "findFirst",
    "findFirstOrThrow",
    "findMany",
    "count",
    "aggregate",
    "groupBy",
    "update",
    "updateMany",
    "updateManyAndReturn",
    "delete",
    "deleteMany",
  ];

  it.each(filtered)("%s filters on this tenant and keeps the caller's conditions", (operation) => {
    const scoped = scopeArgs(operation, { where: { account: "2024001" } }, OURS);
    expect(scoped.where).toEqual({ account: "2024001", tenantId: OURS });
  });

  it("filters a read that had no where at all", () => {
    expect(scopeArgs("findMany", {}, OURS).where).toEqual({ tenantId: OURS });
    expect(scopeArgs("count", {}, OURS).where).toEqual({ tenantId: OURS });
  });

  it("overrides a tenantId the caller put in the filter", () => {
    expect(scopeArgs("findMany", { where: { tenantId: THEIRS } }, OURS).where).toEqual({ tenantId: OURS });
    expect(scopeArgs("deleteMany", { where: { tenantId: THEIRS, account: "x" } }, OURS).where).toEqual({ tenantId: OURS, account: "x" });
  });

  it("leaves the update's data as the caller wrote it", () => {
    const scoped = scopeArgs("update", { where: { id: "m1" }, data: { name: "张三" } }, OURS);
    expect(scoped.data).toEqual({ name: "张三" });
  });

  it("refuses an update that would move a row to another tenant", () => {
    expect(() => scopeArgs("update", { where: { id: "m1" }, data: { tenantId: THEIRS } }, OURS)).toThrow(/another tenant/);
    expect(() => scopeArgs("updateMany", { where: {}, data: { tenantId: THEIRS } }, OURS)).toThrow(/another tenant/);
    expect(() => scopeArgs("update", { where: { id: "m1" }, data: { tenant: { connect: { id: THEIRS } } } }, OURS)).toThrow(/tenant/);
  });
});

describe("scopeArgs: creates belong to this tenant", () => {
  it("adds tenantId to a create's data", () => {
    expect(scopeArgs("create", { data: { account: "2024001" } }, OURS).data).toEqual({ account: "2024001", tenantId: OURS });
  });

  it("adds tenantId to every row of createMany and createManyAndReturn", () => {
    for (const operation of ["createMany", "createManyAndReturn"]) {
      const scoped = scopeArgs(operation, { data: [{ code: "a" }, { code: "b" }] }, OURS);
      expect(scoped.data).toEqual([
        { code: "a", tenantId: OURS },
        { code: "b", tenantId: OURS },
      ]);
    }
  });

  it("adds tenantId to a createMany given a single row", () => {
    expect(scopeArgs("createMany", { data: { code: "a" } }, OURS).data).toEqual({ code: "a", tenantId: OURS });
  });

  it("overrides a tenantId the caller tried to set to another tenant", () => {
    expect(scopeArgs("create", { data: { account: "x", tenantId: THEIRS } }, OURS).data).toEqual({ account: "x", tenantId: OURS });
    expect(scopeArgs("createMany", { data: [{ code: "a", tenantId: THEIRS }] }, OURS).data).toEqual([{ code: "a", tenantId: OURS }]);
  });

  it("refuses a `tenant` relation in the data", () => {
    const data = { account: "x", tenant: { connect: { id: THEIRS } } };
    expect(() => scopeArgs("create", { data }, OURS)).toThrow(/tenant/);
    expect(() => scopeArgs("createMany", { data: [data] }, OURS)).toThrow(/tenant/);
  });
});

describe("scopeArgs: upsert", () => {
  it("filters the where and adds tenantId to the create", () => {
    const scoped = scopeArgs("upsert", { where: { id: "m1" }, create: { account: "x" }, update: { name: "y" } }, OURS);
    expect(scoped.where).toEqual({ id: "m1", tenantId: OURS });
    expect(scoped.create).toEqual({ account: "x", tenantId: OURS });
    expect(scoped.update).toEqual({ name: "y" });
  });

  it("overrides another tenant's id in the where and the create", () => {
    const scoped = scopeArgs(
      "upsert",
      { where: { id: "m1", tenantId: THEIRS }, create: { account: "x", tenantId: THEIRS }, update: {} },
      OURS,
    );
    expect(scoped.where).toEqual({ id: "m1", tenantId: OURS });
    expect(scoped.create).toEqual({ account: "x", tenantId: OURS });
  });

  it("refuses a `tenant` relation in the create and a move to another tenant in the update", () => {
    expect(() => scopeArgs("upsert", { where: { id: "m1" }, create: { tenant: { connect: { id: THEIRS } } }, update: {} }, OURS)).toThrow(
      /tenant/,
    );
    expect(() => scopeArgs("upsert", { where: { id: "m1" }, create: {}, update: { tenantId: THEIRS } }, OURS)).toThrow(/another tenant/);
  });
});

describe("scopeArgs: anything else", () => {
  it.each(["$queryRaw", "$executeRaw", "findRaw", "aggregateRaw", "somethingNew"])("refuses the unknown operation %s", (operation) => {
    expect(() => scopeArgs(operation, {}, OURS)).toThrow(/not allowed/);
  });
});

describe("scopeArgs: the `tenant` relation is never read through a tenant-bound client", () => {
  it.each([
    ["include at the top", { include: { tenant: true } }],
    ["select at the top", { select: { id: true, tenant: true } }],
    ["select nested in a relation", { select: { identityKind: { select: { tenant: true } } } }],
    ["include nested in a relation", { include: { identityKind: { include: { tenant: { select: { wecomSecretEnc: true } } } } } }],
    ["select inside include", { include: { identityKind: { select: { code: true, tenant: true } } } }],
    ["a relation's _count of it", { select: { _count: { select: { tenant: true } } } }],
  ])("refuses %s", (_what, args) => {
    expect(() => scopeArgs("findMany", args, OURS)).toThrow(/tenant/);
    expect(() => scopeArgs("findUnique", { where: { id: "m1" }, ...args }, OURS)).toThrow(/tenant/);
    expect(() => scopeArgs("update", { where: { id: "m1" }, data: { name: "x" }, ...args }, OURS)).toThrow(/tenant/);
  });

  it("leaves other relations and fields named like it alone", () => {
    const args = { select: { tenantId: true, identityKind: { select: { code: true } } }, include: undefined };
    expect(scopeArgs("findMany", args, OURS).select).toEqual(args.select);
  });
});
