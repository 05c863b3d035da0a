// The demo data of `npm start`: every demo school and account exists, secrets
// are not stored in clear, and a second seeding changes nothing.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemo } from "~/server/seed/seed-demo";
import { DEMO_TENANTS, DEMO_VENDOR } from "~/server/seed/demo-tenants";
import { decryptSecret, parseKey, sealContext } from "~/server/crypto/secrets";
import { signInMember } from "~/server/auth/member-sign-in";
import { signInVendor } from "~/server/auth/sign-in";
import { totpCode, totpSecretContext } from "~/server/auth/totp";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";
import { applyMigrations, createDatabases, databaseUrlFor } from "../../tools/db";
import { createPrismaClient } from "~/server/db/client";
import { submitApplication } from "~/server/servicehall/applications";
import { decideApplication } from "~/server/servicehall/decide";
import { applicationView, hallHome, receivedApplications } from "~/server/servicehall/queries";
import { testScope } from "./support";

const key = parseKey(process.env.APP_ENCRYPTION_KEY!);
const clients: ReturnType<typeof createPrismaClient>[] = [];
afterAll(async () => Promise.all(clients.map((c) => c.$disconnect())));

/** The demo slugs are fixed, so this suite seeds into a database of its own. */
async function freshDatabase() {
  const name = `seed_${randomBytes(4).toString("hex")}`;
  await createDatabases(process.env.TEST_DATABASE_ADMIN_URL!, [name]);
  const url = databaseUrlFor(process.env.TEST_DATABASE_ADMIN_URL!, name);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  clients.push(prisma);
  return prisma;
}

describe("demo data", () => {
  it("creates the six demo schools once; a second run creates nothing and changes nothing", async () => {
    const prisma = await freshDatabase();
    const first = await seedDemo(prisma, key);
    expect(first.tenantsCreated).toBe(6);
    const before = await prisma.member.findMany({ orderBy: { id: "asc" } });
    const second = await seedDemo(prisma, key);
    expect(second).toEqual({ tenantsCreated: 0, membersCreated: 0, adminsCreated: 0, vendorsCreated: 0 });
    expect(await prisma.member.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect((await prisma.tenant.findMany({ select: { slug: true } })).map((t) => t.slug).sort()).toEqual(
      DEMO_TENANTS.map((t) => t.slug).sort(),
    );
  });

  it("stores ID numbers encrypted, phones as E.164 with the typed form kept, and passwords as argon2id", async () => {
    const prisma = await freshDatabase();
    await seedDemo(prisma, key);
    const ucas = await prisma.tenant.findUniqueOrThrow({ where: { slug: "ucas" } });
    const emma = await prisma.member.findFirstOrThrow({ where: { tenantId: ucas.id, name: "Emma Wilson" } });
    expect(emma.phone).toBe("+85291234567");
    expect(emma.phoneDisplay).toBe("0085291234567");
    expect(emma.idNumberEnc).not.toContain("E12345678");
    expect(decryptSecret(emma.idNumberEnc!, key, sealContext("Member", "idNumberEnc", emma.id))).toBe("E12345678");
    expect(emma.passwordHash!.startsWith("$argon2id$")).toBe(true);
    // The two identities of one person share the ID number's blind index.
    const zhao = await prisma.member.findMany({ where: { tenantId: ucas.id, name: "赵六" } });
    expect(zhao).toHaveLength(2);
    expect(zhao[0]!.idNumberHash).toBe(zhao[1]!.idNumberHash);
  });

  it("xawl members sign in with the last 8 characters of their ID number and must change it", async () => {
    const prisma = await freshDatabase();
    await seedDemo(prisma, key);
    const resolution = await resolveTenantForHost(prisma, "xawl.localhost");
    if (resolution.kind !== "tenant") throw new Error("xawl did not resolve");
    const claims = await signInMember(prisma, resolution.tenant, {
      identifier: "2024001",
      password: "01011234",
      host: "xawl.localhost",
      ip: null,
    });
    expect(claims.kind).toBe("member");
    const member = await prisma.member.findUniqueOrThrow({ where: { id: claims.sub } });
    expect(member.mustChangePassword).toBe(true);
  });

  it("xawl ships 「网站变更申请」: 张三 submits, 刘老师 (辅导员) then 王老师 (信息化办公室) approve; a second seeding adds no version", async () => {
    const prisma = await freshDatabase();
    await seedDemo(prisma, key);
    const xawl = await prisma.tenant.findUniqueOrThrow({ where: { slug: "xawl" }, select: { id: true } });
    const account = (a: string) => prisma.member.findFirstOrThrow({ where: { tenantId: xawl.id, account: a }, select: { id: true } });
    const [zhang, liu, wang] = [await account("2024001"), await account("T1002"), await account("T1001")];
    const scopeOf = (id: string) => testScope(prisma, xawl.id, { actor: { kind: "member", id, ip: null } });
    const home = await hallHome(await scopeOf(zhang.id));
    expect(home.services.map((s) => s.nameZh)).toEqual(["网站变更申请"]);
    const values = {
      department: "计算机科学与技术学院",
      site_name: "计算机学院官网",
      domain: "cs.xawl.edu.cn",
      change_kind: "columns",
      details: "新增「学生工作」栏目",
      contact_phone: "029-88888888",
    };
    const submitted = await submitApplication(await scopeOf(zhang.id), { serviceId: home.services[0]!.id, values });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.problems));
    for (const [approver, state] of [
      [liu, "SUBMITTED"],
      [wang, "APPROVED"],
    ] as const) {
      const scope = await scopeOf(approver.id);
      const [task] = (await receivedApplications(scope)).todo;
      expect(task?.id).toBe(submitted.applicationId);
      const view = await applicationView(scope, task!.id);
      await expect(
        decideApplication(scope, { applicationId: view.id, version: view.version, decision: "approve", comment: "" }),
      ).resolves.toMatchObject({ state });
    }
    await seedDemo(prisma, key);
    expect(await prisma.serviceVersion.count({ where: { tenantId: xawl.id } })).toBe(1);
  });

  it("refuses to seed on a real domain, so the published demo passwords never reach a deployment, and writes nothing", async () => {
    const prisma = await freshDatabase();
    await expect(
      seedDemo(prisma, key, { PLATFORM_DOMAIN: "campus.example.com", NODE_ENV: "production", SEED_DEMO: "true" }),
    ).rejects.toThrow(/PLATFORM_DOMAIN.*SEED_DEMO=false/s);
    expect(await prisma.tenant.count()).toBe(0);
    expect(await prisma.vendorAdmin.count()).toBe(0);
  });

  it("the demo vendor signs in with its password and a code of the published demo TOTP secret, not with the password alone", async () => {
    const prisma = await freshDatabase();
    await seedDemo(prisma, key);
    const attempt = { identifier: DEMO_VENDOR.username, password: DEMO_VENDOR.password, host: "localhost", ip: null };
    await expect(signInVendor(prisma, attempt)).rejects.toMatchObject({ code: "BAD_CREDENTIALS_REMAINING" });
    await expect(signInVendor(prisma, { ...attempt, totp: totpCode(DEMO_VENDOR.totpSecret) })).resolves.toMatchObject({ kind: "vendor" });
    // An older demo database whose vendor had no second factor gets the demo secret on the next start.
    await prisma.vendorAdmin.update({ where: { username: DEMO_VENDOR.username }, data: { totpSecretEnc: null } });
    await seedDemo(prisma, key);
    const vendor = await prisma.vendorAdmin.findUniqueOrThrow({ where: { username: DEMO_VENDOR.username } });
    expect(decryptSecret(vendor.totpSecretEnc!, key, totpSecretContext(vendor.id))).toBe(DEMO_VENDOR.totpSecret);
  });

  it("uestc admits exam candidates, who may see only 消息中心", async () => {
    const prisma = await freshDatabase();
    await seedDemo(prisma, key);
    const uestc = await prisma.tenant.findUniqueOrThrow({
      where: { slug: "uestc" },
      include: { identityKinds: true, wecomConnection: true },
    });
    const candidate = uestc.identityKinds.find((k) => k.code === "candidate");
    expect(candidate?.apps).toEqual(["消息中心"]);
    // Candidates sign in at the built-in directory, and 陈七 has not activated the account yet (账号激活 shows it).
    expect(candidate?.providerKind).toBe("BUILTIN");
    const chen = await prisma.member.findFirstOrThrow({ where: { tenantId: uestc.id, account: "K2026510001" } });
    expect(chen.passwordHash).toBeNull();
    expect(uestc.wecomConnection?.secondVerification).toBe(true);
    // UCAS step 3: 「微信绑定的手机号或邮箱」.
    expect(await prisma.phonePolicy.findFirst({ where: { tenant: { slug: "ucas" } }, select: { allowEmail: true } })).toEqual({
      allowEmail: true,
    });
    // UCAS FAQ 9: foreign numbers, from the preset regions that hold its international student (00852…); off elsewhere.
    const foreign = { allowForeign: true, allowedCountryCodes: true } as const;
    expect(await prisma.phonePolicy.findFirst({ where: { tenant: { slug: "ucas" } }, select: foreign })).toEqual({
      allowForeign: true,
      allowedCountryCodes: ["852", "853", "886"],
    });
    expect(await prisma.phonePolicy.findFirst({ where: { tenant: { slug: "sues" } }, select: foreign })).toEqual({
      allowForeign: false,
      allowedCountryCodes: [],
    });
  });
});
