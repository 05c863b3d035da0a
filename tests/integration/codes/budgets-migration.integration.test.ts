// The migration that tightened the code policy, turned foreign numbers into a list of countries
// and made directory e-mail addresses unique: every existing row is brought into the new rules
// instead of failing the migration on one old value.
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "../migration-kit";

describe("the migration of the codes' budgets and the phone policy's countries", () => {
  it("brings old code policies into the new ranges, keeps foreign numbers to the preset regions, and leaves one member per e-mail", async () => {
    const before = await databaseBeforeMigration("codes_budgets_and_phone_policy");
    const { client } = before;
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
      expect(await before.apply()).toEqual([before.name]);

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
      await before.dispose();
    }
  });
});
