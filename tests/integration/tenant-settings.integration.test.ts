// A school's settings live with their domains, in 1:1 tables: the migration
// that moved them off the Tenant row kept every school's values (and secrets
// that still open), each domain's update is audited, and the database keeps
// values in bounds whoever writes them.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { lockoutPolicy, updateLockoutPolicy } from "~/server/auth/lockout-policy";
import { encryptSecret, parseKey, sealContext } from "~/server/crypto/secrets";
import { createPrismaClient } from "~/server/db/client";
import { applyMigrations, createDatabases, databaseUrlFor, dropDatabases } from "../../tools/db";
import { passwordPolicy, updatePasswordPolicy } from "~/server/identity/password-policy";
import { phonePolicy, updatePhonePolicy } from "~/server/members/phone-policy";
import { loadWecomConnection } from "~/server/wecom/connection";
import { adminClaims, callerFor, makeTenant, testPrisma, testScope } from "./support";

const prisma = testPrisma();
const key = parseKey(process.env.APP_ENCRYPTION_KEY!);
const MOVE = "20261202112131_tenant_settings_by_domain";
const created: string[] = [];
afterAll(async () => {
  await prisma.$disconnect();
  if (created.length) await dropDatabases(process.env.TEST_DATABASE_ADMIN_URL!, created);
});

describe("the migration that moved the settings off the Tenant row", () => {
  it("keeps each school's lockout, phone, password, identity and WeCom settings, and its sealed WeCom secret still opens", async () => {
    // A database as it was just before the move: every migration up to it, from a copy of prisma/.
    const dir = mkdtempSync(path.join(os.tmpdir(), "settings-move-"));
    cpSync(path.resolve("prisma"), dir, { recursive: true });
    const later = readdirSync(path.join(dir, "migrations")).filter((name) => name >= MOVE && !name.includes("."));
    for (const name of later) rmSync(path.join(dir, "migrations", name), { recursive: true });
    const name = `settings_${randomBytes(4).toString("hex")}`;
    await createDatabases(process.env.TEST_DATABASE_ADMIN_URL!, [name]);
    created.push(name);
    const url = databaseUrlFor(process.env.TEST_DATABASE_ADMIN_URL!, name);
    await applyMigrations(url, { prismaDir: dir });
    rmSync(dir, { recursive: true, force: true });

    const tenantId = randomUUID();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "Tenant" (id, slug, name, "updatedAt", "idpKind", "lockoutMaxAttempts", "lockoutMinutes", "allowForeignPhones",
           "requireWechatPhoneMatch", "initialPasswordRule", "mustChangeInitialPassword", "secondVerification", "wecomCorpId", "wecomAgentId",
           "wecomSecretEnc", "wecomApiBaseUrl", "assistantAppName")
         VALUES ($1, 'moved', '迁移测试学校', now(), 'CAS', 4, 15, false, true, 'ID_NUMBER_LAST8', true, true, 'wwmoved', 1000009, $2,
           'https://qyapi.weixin.qq.com', '微校园助手')`,
        [tenantId, encryptSecret("moved-app-secret", key, sealContext("Tenant", "wecomSecretEnc", tenantId))],
      );
    } finally {
      await client.end();
    }

    await applyMigrations(url);
    const moved = createPrismaClient(url);
    try {
      const tenant = await moved.tenant.findUniqueOrThrow({
        where: { id: tenantId },
        include: { identityProvider: true, lockoutPolicy: true, phonePolicy: true, passwordPolicy: true, wecomConnection: true },
      });
      expect(tenant.identityProvider?.kind).toBe("CAS");
      expect(tenant.lockoutPolicy).toMatchObject({ maxAttempts: 4, lockMinutes: 15 });
      expect(tenant.phonePolicy).toMatchObject({ allowForeign: false, requireWechatMatch: true });
      expect(tenant.passwordPolicy).toMatchObject({ initialPasswordRule: "ID_NUMBER_LAST8", mustChangeInitial: true });
      expect(tenant.wecomConnection).toMatchObject({
        corpId: "wwmoved",
        agentId: 1000009,
        assistantAppName: "微校园助手",
        secondVerification: true,
      });
      expect((await loadWecomConnection(moved, tenantId, key)).appSecret).toBe("moved-app-secret");
    } finally {
      await moved.$disconnect();
    }
  });
});

describe("each domain's settings", () => {
  it("are read and changed by the school's IT office, each change audited", async () => {
    const t = await makeTenant(prisma);
    const scope = await testScope(prisma, t.tenantId);
    expect(await lockoutPolicy(scope)).toEqual({ maxAttempts: 6, lockMinutes: 30 });
    await updateLockoutPolicy(scope, { maxAttempts: 5, lockMinutes: 20 });
    await updatePhonePolicy(scope, { allowForeign: false, requireWechatMatch: true });
    await updatePasswordPolicy(scope, { initialPasswordRule: "ID_NUMBER_LAST8", mustChangeInitial: true });
    expect(await lockoutPolicy(scope)).toEqual({ maxAttempts: 5, lockMinutes: 20 });
    expect(await phonePolicy(scope)).toEqual({
      allowForeign: false,
      requireWechatMatch: true,
      allowEmail: false,
      confirmNewByCode: true,
      allowedCountryCodes: [],
    });
    expect(await passwordPolicy(scope)).toEqual({ initialPasswordRule: "ID_NUMBER_LAST8", mustChangeInitial: true });
    const actions = (await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, actorId: t.adminId } })).map((row) => row.action);
    expect(actions.sort()).toEqual(["tenant.lockoutPolicy.update", "tenant.passwordPolicy.update", "tenant.phonePolicy.update"]);
    // The sign-in page reads the new policy at once (the tenant context is read per request).
    const api = await callerFor(prisma, t.host, adminClaims(t));
    expect((await api.admin.settings.get()).lockout).toEqual({ maxAttempts: 5, lockMinutes: 20 });
  });

  it("refuses values out of bounds at the edge and in the database", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    await expect(api.admin.settings.updateLockout({ maxAttempts: 0, lockMinutes: 30 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(prisma.lockoutPolicy.update({ where: { tenantId: t.tenantId }, data: { lockMinutes: 0 } })).rejects.toThrow();
    expect(await lockoutPolicy(await testScope(prisma, t.tenantId))).toEqual({ maxAttempts: 6, lockMinutes: 30 });
  });

  it("are the IT office's: the helpdesk is refused, naming the permission it lacks", async () => {
    const t = await makeTenant(prisma);
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "HELPDESK" } });
    const api = await callerFor(prisma, t.host, adminClaims(t));
    await expect(api.admin.settings.get()).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "PERMISSION_REQUIRED", vars: { permission: "修改学校设置" } },
    });
  });
});

describe("the verification-code rules and the identity kinds in 学校设置", () => {
  it("change the code rules within their bounds, audited with before and after", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    const rules = {
      length: 6,
      ttlSeconds: 600,
      maxAttempts: 3,
      resendSeconds: 90,
      dailyCapPerDestination: 5,
      dailyCapPerAddress: 8000,
      dailyBudget: 20000,
    };
    expect(await api.admin.settings.updateCodes(rules)).toEqual(rules);
    expect((await api.admin.settings.get()).codes).toEqual(rules);
    // A resend interval longer than the code lives, or a lifetime of odd seconds, is refused on its field.
    await expect(api.admin.settings.updateCodes({ ...rules, ttlSeconds: 120, resendSeconds: 300 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.admin.settings.updateCodes({ ...rules, ttlSeconds: 90 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: t.tenantId, action: "codes.policy.update" } });
    expect(row.detail).toMatchObject({ before: { ttlSeconds: 300, maxAttempts: 5 }, after: { ttlSeconds: 600, maxAttempts: 3 } });
  });

  it("add a kind with its apps, edit it by its code, refuse deleting one members hold, and delete an empty one", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    await api.admin.settings.saveIdentityKind({
      code: "Candidate",
      nameZh: "考生",
      nameEn: "Exam candidates",
      apps: "消息中心，招生服务, 消息中心x",
    });
    let kinds = (await api.admin.settings.get()).identityKinds;
    expect(kinds.map((k) => [k.code, k.apps, k.members])).toEqual([
      ["student_staff", [], 1],
      ["candidate", ["消息中心", "招生服务", "消息中心x"], 0],
    ]);
    // The school's public pages (the /done page's app list) show the new kind's apps.
    const publicApi = await callerFor(prisma, t.host);
    expect((await publicApi.school.tenant.current()).identityKinds.map((k) => k.code)).toContain("candidate");

    await api.admin.settings.saveIdentityKind({ code: "candidate", nameZh: "考生", nameEn: "Candidates", apps: ["消息中心"] });
    kinds = (await api.admin.settings.get()).identityKinds;
    expect(kinds.find((k) => k.code === "candidate")).toMatchObject({ nameEn: "Candidates", apps: ["消息中心"] });
    await expect(api.admin.settings.saveIdentityKind({ code: "x", nameZh: "坏", apps: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.admin.settings.saveIdentityKind({ code: "dup", nameZh: "重复", apps: "a, a" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await expect(api.admin.settings.deleteIdentityKind({ code: "student_staff" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "IDENTITY_KIND_IN_USE", vars: { count: 1 } },
    });
    await api.admin.settings.deleteIdentityKind({ code: "candidate" });
    expect((await api.admin.settings.get()).identityKinds.map((k) => k.code)).toEqual(["student_staff"]);
    const actions = (
      await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action: { startsWith: "tenant.identityKind" } } })
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(["tenant.identityKind.create", "tenant.identityKind.delete", "tenant.identityKind.update"]);
  });
});
