// The school's code policy: its own 1:1 row, defaults and ranges held by the database,
// changed with an audit row in one transaction, and the Tenant columns it replaced moved
// into it by the migration.
import { afterAll, describe, expect, it } from "vitest";
import { CODE_POLICY_BOUNDS, codePolicy, updateCodePolicy } from "~/server/codes/policy";
import { withActor } from "~/server/scope";
import { createTenant } from "~/server/tenants/manage-tenants";
import { testPlatform, testPrisma, unique } from "../support";
import { databaseBeforeMigration } from "../migration-kit";
import { codeSchool } from "./codes-kit";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const DEFAULTS = {
  length: 6,
  ttlSeconds: 300,
  maxAttempts: 5,
  resendSeconds: 60,
  dailyCapPerDestination: 10,
  dailyCapPerAddress: 3000,
  dailyBudget: 5000,
};
type Field = keyof typeof DEFAULTS;

describe("the code policy row", () => {
  it("comes with every new school, with the defaults (6 digits, 5 minutes, 5 tries, 60 s, 10, 3,000 and 5,000 a day)", async () => {
    const tenant = await createTenant(testPlatform(prisma, crypto.randomUUID()), {
      slug: unique("p"),
      name: "新开通大学",
      nameEn: "",
      idpKind: "BUILTIN",
    });
    expect(await prisma.codePolicy.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(DEFAULTS);
  });

  it("is read through the school's scope, and made with the defaults (and a warning) if a path forgot it", async () => {
    const school = await codeSchool(prisma);
    expect(await codePolicy(school.scope)).toMatchObject(DEFAULTS);
    await prisma.codePolicy.delete({ where: { tenantId: school.tenantId } });
    expect(await codePolicy(school.scope)).toMatchObject(DEFAULTS);
    expect(school.logLines.join("")).toContain("codes.policy.missing");
  });

  it("goes with its school", async () => {
    const school = await codeSchool(prisma);
    await prisma.tenant.delete({ where: { id: school.tenantId } });
    expect(await prisma.codePolicy.count({ where: { tenantId: school.tenantId } })).toBe(0);
  });

  it.each(Object.keys(CODE_POLICY_BOUNDS) as Field[])("the database itself keeps %s within the form's range", async (field) => {
    const school = await codeSchool(prisma);
    const { min, max } = CODE_POLICY_BOUNDS[field];
    const set = (value: number) =>
      prisma.codePolicy.update({
        where: { tenantId: school.tenantId },
        data: {
          [field]: value,
          // Keep the resend interval within the lifetime, the one rule between two fields.
          ...(field === "ttlSeconds" ? { resendSeconds: Math.min(60, value) } : {}),
          ...(field === "resendSeconds" ? { ttlSeconds: 600 } : {}),
        },
      });
    await expect(set(min)).resolves.toBeDefined();
    await expect(set(max)).resolves.toBeDefined();
    await expect(set(min - 1)).rejects.toThrow();
    await expect(set(max + 1)).rejects.toThrow();
  });

  it("the database refuses a lifetime in part minutes and a resend interval longer than the lifetime", async () => {
    const school = await codeSchool(prisma);
    await expect(prisma.codePolicy.update({ where: { tenantId: school.tenantId }, data: { ttlSeconds: 90 } })).rejects.toThrow();
    await expect(
      prisma.codePolicy.update({ where: { tenantId: school.tenantId }, data: { ttlSeconds: 120, resendSeconds: 180 } }),
    ).rejects.toThrow();
  });
});

describe("updateCodePolicy", () => {
  it("saves the policy and audits who changed what from where, together", async () => {
    const school = await codeSchool(prisma);
    const admin = withActor(school.scope, { kind: "tenantAdmin", id: school.adminId, role: "ADMIN", ip: "203.0.113.9" });
    const next = { ...DEFAULTS, maxAttempts: 3, dailyCapPerAddress: 5000 };
    expect(await updateCodePolicy(admin, next)).toMatchObject(next);
    expect(await prisma.codePolicy.findUniqueOrThrow({ where: { tenantId: school.tenantId } })).toMatchObject(next);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: school.tenantId, action: "codes.policy.update" } });
    expect(entry).toMatchObject({ actorKind: "tenantAdmin", actorId: school.adminId, ip: "203.0.113.9" });
    expect(entry.detail).toEqual({ before: DEFAULTS, after: next });
  });

  it("refuses out-of-range input, naming the field, and changes nothing", async () => {
    const school = await codeSchool(prisma);
    await expect(updateCodePolicy(school.scope, { ...DEFAULTS, maxAttempts: 50 })).rejects.toMatchObject({ name: "ZodError" });
    expect(await prisma.codePolicy.findUniqueOrThrow({ where: { tenantId: school.tenantId } })).toMatchObject(DEFAULTS);
    expect(await prisma.auditLog.count({ where: { tenantId: school.tenantId, action: "codes.policy.update" } })).toBe(0);
  });

  it("changes only its own school's policy", async () => {
    const a = await codeSchool(prisma);
    const b = await codeSchool(prisma);
    await updateCodePolicy(a.scope, { ...DEFAULTS, maxAttempts: 3 });
    expect(await prisma.codePolicy.findUniqueOrThrow({ where: { tenantId: b.tenantId } })).toMatchObject(DEFAULTS);
  });
});

describe("the migration that made CodePolicy", () => {
  it("moves each school's old Tenant code settings into its row, brought into range, and drops the columns", async () => {
    const before = await databaseBeforeMigration("code_policy_and_codes");
    const { client } = before;
    try {
      await client.query(
        `INSERT INTO "Tenant" (id, slug, name, "updatedAt", "codeLength", "codeTtlSeconds", "codeMaxAttempts", "codeResendSeconds", "codeDailyCap")
         VALUES (gen_random_uuid(), 'kept', '保持', now(), 4, 600, 3, 90, 20),
                (gen_random_uuid(), 'odd', '异常', now(), 12, 90, 0, 5000, 0)`,
      );
      expect(await before.apply()).toEqual([before.name]);

      const { rows } = await client.query<Record<string, unknown>>(
        `SELECT t.slug, p."length", p."ttlSeconds", p."maxAttempts", p."resendSeconds", p."dailyCapPerDestination", p."dailyCapPerAddress"
         FROM "CodePolicy" p JOIN "Tenant" t ON t.id = p."tenantId" ORDER BY t.slug`,
      );
      expect(rows).toEqual([
        // Out-of-range values are brought to the nearest sane one; the lifetime to whole minutes, the resend within it.
        { slug: "kept", length: 4, ttlSeconds: 600, maxAttempts: 3, resendSeconds: 90, dailyCapPerDestination: 20, dailyCapPerAddress: 30 },
        { slug: "odd", length: 6, ttlSeconds: 60, maxAttempts: 1, resendSeconds: 60, dailyCapPerDestination: 1, dailyCapPerAddress: 30 },
      ]);
      const { rows: columns } = await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'Tenant' AND column_name LIKE 'code%'`,
      );
      expect(columns).toEqual([]);
    } finally {
      await before.dispose();
    }
  });
});
