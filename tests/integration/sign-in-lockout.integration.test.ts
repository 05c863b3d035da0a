// Built-in directory sign-in with the school's lockout policy, kept in the
// database: the count and the lock hold across app instances (separate
// clients here) and survive concurrent guesses.
import { afterAll, describe, expect, it } from "vitest";
import { signInMember, signInTenantAdmin, signInVendor } from "~/server/auth/sign-in";
import { AppError } from "~/server/errors";
import { totpCode } from "~/server/auth/totp";
import { resolveTenantForHost, type TenantContext } from "~/server/tenants/tenant-for-host";
import { unlockMember } from "~/server/members/member-directory";
import { tenantDb } from "~/server/db/tenant-db";
import { makeTenant, makeVendor, PASSWORD, testPrisma, type TestTenant } from "./support";

const instanceA = testPrisma();
const instanceB = testPrisma();
afterAll(async () => {
  await instanceA.$disconnect();
  await instanceB.$disconnect();
});

async function contextOf(t: TestTenant): Promise<TenantContext> {
  const resolution = await resolveTenantForHost(instanceA, t.host);
  if (resolution.kind !== "tenant") throw new Error("test tenant did not resolve");
  return resolution.tenant;
}

async function attempt(prisma: typeof instanceA, tenant: TenantContext, account: string, password: string) {
  try {
    return { ok: true as const, claims: await signInMember(prisma, tenant, { identifier: account, password, host: `${tenant.slug}.localhost`, ip: "203.0.113.9" }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, vars: error.vars, zh: error.messageIn("zh-CN"), en: error.messageIn("en") };
  }
}

describe("member sign-in with the lockout policy", () => {
  it("signs a member in with the right password and names the host in the session", async () => {
    const t = await makeTenant(instanceA);
    const result = await attempt(instanceA, await contextOf(t), t.memberAccount, PASSWORD);
    expect(result).toMatchObject({ ok: true, claims: { sub: t.memberId, kind: "member", tenantId: t.tenantId, host: t.host } });
  });

  it("shows the remaining tries, then locks after the sixth wrong password with the UCAS message", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    for (let i = 1; i <= 5; i++) {
      const result = await attempt(instanceA, tenant, t.memberAccount, "wrong");
      expect(result).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING", vars: { remaining: 6 - i } });
    }
    const sixth = await attempt(instanceA, tenant, t.memberAccount, "wrong");
    expect(sixth).toMatchObject({ ok: false, code: "ACCOUNT_LOCKED", vars: { minutes: 30 } });
    if (!sixth.ok) expect(sixth.zh).toContain("错误次数已达最大上限，请稍后再试");
    // Locked: even the right password is refused, and the refusal does not extend the lock.
    const right = await attempt(instanceA, tenant, t.memberAccount, PASSWORD);
    expect(right).toMatchObject({ ok: false, code: "ACCOUNT_LOCKED" });
  });

  it("keeps the count and the lock in the database, shared by every app instance", async () => {
    const t = await makeTenant(instanceA, { lockoutMaxAttempts: 3, lockoutMinutes: 10 });
    const tenant = await contextOf(t);
    await attempt(instanceA, tenant, t.memberAccount, "wrong");
    expect(await attempt(instanceB, tenant, t.memberAccount, "wrong")).toMatchObject({ vars: { remaining: 1 } });
    expect(await attempt(instanceA, tenant, t.memberAccount, "wrong")).toMatchObject({ code: "ACCOUNT_LOCKED", vars: { minutes: 10 } });
    expect(await attempt(instanceB, tenant, t.memberAccount, PASSWORD)).toMatchObject({ code: "ACCOUNT_LOCKED" });
  });

  it("lets no more than the allowed wrong guesses through when they arrive at once", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? instanceA : instanceB, tenant, t.memberAccount, "wrong")));
    const stillCounting = results.filter((r) => !r.ok && r.code === "BAD_CREDENTIALS_REMAINING");
    expect(stillCounting.length).toBe(5);
    const row = await instanceA.member.findUniqueOrThrow({ where: { id: t.memberId } });
    expect(row.failedLoginCount).toBe(6);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
  });

  it("starts a fresh count once the lock has expired, and a success clears the count", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    await instanceA.member.update({ where: { id: t.memberId }, data: { failedLoginCount: 6, lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt(instanceA, tenant, t.memberAccount, "wrong")).toMatchObject({ code: "BAD_CREDENTIALS_REMAINING", vars: { remaining: 5 } });
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD)).toMatchObject({ ok: true });
    expect((await instanceA.member.findUniqueOrThrow({ where: { id: t.memberId } })).failedLoginCount).toBe(0);
  });

  it("an admin's unlock lets the member sign in at once and is written to the audit log", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    await instanceA.member.update({ where: { id: t.memberId }, data: { failedLoginCount: 6, lockedUntil: new Date(Date.now() + 30 * 60_000) } });
    await unlockMember(instanceB, tenantDb(instanceB, t.tenantId), { memberId: t.memberId }, { adminId: t.adminId, ip: "198.51.100.7" });
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD)).toMatchObject({ ok: true });
    const log = await instanceA.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "member.unlock" } });
    expect(log).toMatchObject({ actorId: t.adminId, target: t.memberAccount, ip: "198.51.100.7" });
  });

  it("an unknown account gets the plain wrong-password message and no counter", async () => {
    const t = await makeTenant(instanceA);
    expect(await attempt(instanceA, await contextOf(t), "no-such-account", "whatever")).toMatchObject({ ok: false, code: "BAD_CREDENTIALS" });
  });

  it("a CAS or OIDC school does not accept passwords at all", async () => {
    const t = await makeTenant(instanceA);
    await instanceA.tenant.update({ where: { id: t.tenantId }, data: { idpKind: "CAS" } });
    expect(await attempt(instanceA, await contextOf(t), t.memberAccount, PASSWORD)).toMatchObject({ ok: false, code: "LOGIN_NOT_BUILTIN" });
  });
});

describe("admin and vendor sign-in", () => {
  it("a school admin signs in only on the school's own host", async () => {
    const t = await makeTenant(instanceA);
    const other = await makeTenant(instanceA);
    const admin = await instanceA.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } });
    const claims = await signInTenantAdmin(instanceA, await contextOf(t), { identifier: admin.username, password: PASSWORD, host: t.host, ip: null });
    expect(claims).toMatchObject({ kind: "tenantAdmin", tenantId: t.tenantId });
    await expect(signInTenantAdmin(instanceA, await contextOf(other), { identifier: admin.username, password: PASSWORD, host: other.host, ip: null })).rejects.toMatchObject({
      code: "BAD_CREDENTIALS",
    });
  });

  it("a disabled admin with the right password is told the account is disabled", async () => {
    const t = await makeTenant(instanceA);
    const admin = await instanceA.tenantAdmin.update({ where: { id: t.adminId }, data: { disabled: true } });
    await expect(signInTenantAdmin(instanceA, await contextOf(t), { identifier: admin.username, password: PASSWORD, host: t.host, ip: null })).rejects.toMatchObject({
      code: "ACCOUNT_DISABLED",
    });
  });

  it("the vendor signs in with argon2id-hashed credentials and wrong ones count toward a lock", async () => {
    const vendor = await makeVendor(instanceA);
    expect(vendor.passwordHash.startsWith("$argon2id$")).toBe(true);
    await expect(signInVendor(instanceA, { identifier: vendor.username, password: PASSWORD, totp: totpCode(vendor.totpSecret), host: "localhost", ip: null })).resolves.toMatchObject({ kind: "vendor", tenantId: null });
    await expect(signInVendor(instanceA, { identifier: vendor.username, password: "nope", host: "localhost", ip: null })).rejects.toMatchObject({
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
  });
});
