// The migration that tightened the code policy, turned foreign numbers into a list of countries
// and made directory e-mail addresses unique: every existing row is brought into the new rules
// instead of failing the migration on one old value.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, createDatabases, databaseUrlFor, dropDatabases } from "../../../tools/db";

const scratch: { databases: string[]; dirs: string[] } = { databases: [], dirs: [] };
afterAll(async () => {
  if (scratch.databases.length > 0) await dropDatabases(process.env.TEST_DATABASE_ADMIN_URL!, scratch.databases);
  for (const dir of scratch.dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the migration of the codes' budgets and the phone policy's countries", () => {
  it("brings old code policies into the new ranges, keeps foreign numbers to the preset regions, and leaves one member per e-mail", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "budgets-mig-"));
    scratch.dirs.push(dir);
    const migrations = path.join(dir, "migrations");
    cpSync(path.resolve("prisma"), dir, { recursive: true });
    const ours = readdirSync(migrations).find((name) => name.endsWith("_codes_budgets_and_phone_policy"))!;
    const held = mkdtempSync(path.join(os.tmpdir(), "budgets-mig-held-"));
    scratch.dirs.push(held);
    const later = readdirSync(migrations).filter((name) => /^\d+_/.test(name) && name >= ours);
    for (const name of later) cpSync(path.join(migrations, name), path.join(held, name), { recursive: true });
    for (const name of later) rmSync(path.join(migrations, name), { recursive: true });

    const database = `budgets_mig_${randomBytes(4).toString("hex")}`;
    await createDatabases(process.env.TEST_DATABASE_ADMIN_URL!, [database]);
    scratch.databases.push(database);
    const url = databaseUrlFor(process.env.TEST_DATABASE_ADMIN_URL!, database);
    await applyMigrations(url, { prismaDir: dir });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO "Tenant" (id, slug, name, "updatedAt") VALUES
          ('00000000-0000-4000-8000-000000000001', 'old', '旧学校', now()),
          ('00000000-0000-4000-8000-000000000002', 'kept', '自定义', now());
        INSERT INTO "CodePolicy" ("tenantId", "length", "maxAttempts", "dailyCapPerDestination", "dailyCapPerAddress", "updatedAt") VALUES
          ('00000000-0000-4000-8000-000000000001', 4, 10, 100, 30, now()),
          ('00000000-0000-4000-8000-000000000002', 6, 3, 5, 800, now());
        INSERT INTO "PhonePolicy" ("tenantId", "allowForeign", "updatedAt") VALUES
          ('00000000-0000-4000-8000-000000000001', true, now()),
          ('00000000-0000-4000-8000-000000000002', false, now());
        INSERT INTO "IdentityKind" (id, "tenantId", code, "nameZh", "nameEn") VALUES
          ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 's', '学生', 'Students');
        INSERT INTO "Member" (id, "tenantId", account, name, "identityKindId", email, "createdAt", "updatedAt") VALUES
          (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'first', '先', '00000000-0000-4000-8000-0000000000a1', 'Same@Example.edu.cn', now() - interval '2 days', now()),
          (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'second', '后', '00000000-0000-4000-8000-0000000000a1', 'same@example.edu.cn', now(), now()),
          (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'third', '另', '00000000-0000-4000-8000-0000000000a1', 'other@example.edu.cn', now(), now());
      `);
      cpSync(path.join(held, ours), path.join(migrations, ours), { recursive: true });
      expect(await applyMigrations(url, { prismaDir: dir })).toEqual([ours]);

      const policies = await client.query(
        `SELECT t.slug, p."length", p."maxAttempts", p."dailyCapPerDestination", p."dailyCapPerAddress", p."dailyBudget"
         FROM "CodePolicy" p JOIN "Tenant" t ON t.id = p."tenantId" ORDER BY t.slug`,
      );
      expect(policies.rows).toEqual([
        { slug: "kept", length: 6, maxAttempts: 3, dailyCapPerDestination: 5, dailyCapPerAddress: 800, dailyBudget: 5000 },
        { slug: "old", length: 6, maxAttempts: 5, dailyCapPerDestination: 20, dailyCapPerAddress: 3000, dailyBudget: 5000 },
      ]);
      const phones = await client.query(
        `SELECT t.slug, p."allowForeign", p."allowedCountryCodes" FROM "PhonePolicy" p JOIN "Tenant" t ON t.id = p."tenantId" ORDER BY t.slug`,
      );
      expect(phones.rows).toEqual([
        { slug: "kept", allowForeign: false, allowedCountryCodes: [] },
        { slug: "old", allowForeign: true, allowedCountryCodes: ["852", "853", "886"] },
      ]);
      const members = await client.query(`SELECT account, email FROM "Member" ORDER BY account`);
      expect(members.rows).toEqual([
        { account: "first", email: "Same@Example.edu.cn" },
        { account: "second", email: null },
        { account: "third", email: "other@example.edu.cn" },
      ]);
      const audit = await client.query(`SELECT action, target FROM "AuditLog" WHERE action = 'member.email.cleared'`);
      expect(audit.rows).toEqual([{ action: "member.email.cleared", target: "second" }]);
    } finally {
      await client.end();
    }
  });
});
