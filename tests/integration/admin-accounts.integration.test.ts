// Who may unlock (and disable) a school's admin accounts: another ADMIN of the
// same school, or the vendor; never the helpdesk, never across schools.
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/server/auth/passwords";
import type { SessionClaims } from "~/server/auth/session-user";
import { signInTenantAdmin } from "~/server/auth/sign-in";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";
import { adminClaims, callerFor, makeTenant, makeVendor, PASSWORD, testPrisma, unique, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const LOCKED = () => ({ failedLoginCount: 6, lockedUntil: new Date(Date.now() + 30 * 60_000) });

async function secondAdmin(t: TestTenant, role: "ADMIN" | "HELPDESK" = "ADMIN") {
  const admin = await prisma.tenantAdmin.create({
    data: { tenantId: t.tenantId, username: unique("it"), name: "第二位管理员", role, passwordHash: await hashPassword(PASSWORD) },
  });
  const claims: SessionClaims = { sub: admin.id, kind: "tenantAdmin", tenantId: t.tenantId, host: t.host, ver: 0 };
  return { admin, claims };
}

async function signInAs(t: TestTenant, username: string) {
  const resolution = await resolveTenantForHost(prisma, t.host);
  if (resolution.kind !== "tenant") throw new Error("no tenant");
  return signInTenantAdmin(prisma, resolution.tenant, {
    identifier: username,
    password: PASSWORD,
    host: t.host,
    ip: `198.19.${Math.floor(Math.random() * 250)}.1`,
  });
}

describe("unlocking an admin account", () => {
  it("an ADMIN unlocks another admin of the school, who can sign in at once; the unlock is audited", async () => {
    const t = await makeTenant(prisma);
    const { admin: locked } = await secondAdmin(t);
    await prisma.tenantAdmin.update({ where: { id: locked.id }, data: LOCKED() });
    await expect(signInAs(t, locked.username)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });

    const caller = await callerFor(prisma, t.host, adminClaims(t));
    expect((await caller.admin.accounts.list()).find((a) => a.id === locked.id)?.lockedUntil).not.toBeNull();
    await expect(caller.admin.accounts.unlock({ adminId: locked.id })).resolves.toMatchObject({ id: locked.id, lockedUntil: null });
    await expect(signInAs(t, locked.username)).resolves.toMatchObject({ sub: locked.id });
    const log = await prisma.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "admin.unlock" } });
    expect(log).toMatchObject({ actorKind: "tenantAdmin", actorId: t.adminId, target: locked.username });
  });

  it("an admin of another school cannot unlock this school's admin", async () => {
    const t = await makeTenant(prisma);
    const other = await makeTenant(prisma);
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: LOCKED() });
    const caller = await callerFor(prisma, other.host, adminClaims(other));
    await expect(caller.admin.accounts.unlock({ adminId: t.adminId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } })).lockedUntil).not.toBeNull();
  });

  it("the helpdesk can neither list nor unlock admin accounts", async () => {
    const t = await makeTenant(prisma);
    const { claims } = await secondAdmin(t, "HELPDESK");
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: LOCKED() });
    const caller = await callerFor(prisma, t.host, claims);
    await expect(caller.admin.accounts.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.admin.accounts.unlock({ adminId: t.adminId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } })).lockedUntil).not.toBeNull();
  });

  it("an admin cannot unlock or disable their own account", async () => {
    const t = await makeTenant(prisma);
    const caller = await callerFor(prisma, t.host, adminClaims(t));
    await expect(caller.admin.accounts.unlock({ adminId: t.adminId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.admin.accounts.setDisabled({ adminId: t.adminId, disabled: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the vendor unlocks any school's admin from the console; the unlock is in that school's audit log", async () => {
    const t = await makeTenant(prisma);
    const vendor = await makeVendor(prisma);
    const admin = await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: LOCKED() });
    const caller = await callerFor(prisma, "localhost", { sub: vendor.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 });
    expect((await caller.vendor.tenantAdmins.list()).find((a) => a.id === t.adminId)).toMatchObject({
      tenantId: t.tenantId,
      username: admin.username,
    });
    await expect(caller.vendor.tenantAdmins.unlock({ tenantId: t.tenantId, adminId: t.adminId })).resolves.toMatchObject({
      lockedUntil: null,
    });
    await expect(signInAs(t, admin.username)).resolves.toMatchObject({ sub: t.adminId });
    expect(await prisma.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "admin.unlock" } })).toMatchObject({
      actorKind: "vendor",
      actorId: vendor.id,
    });
    // The admin id must belong to the school named.
    const other = await makeTenant(prisma);
    await expect(caller.vendor.tenantAdmins.unlock({ tenantId: other.tenantId, adminId: t.adminId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("disabling an admin account", () => {
  it("ends the disabled admin's live session at once, and enabling does not bring it back", async () => {
    const t = await makeTenant(prisma);
    const { admin, claims } = await secondAdmin(t);
    await expect((await callerFor(prisma, t.host, claims)).admin.directory.overview()).resolves.toBeDefined();
    const caller = await callerFor(prisma, t.host, adminClaims(t));
    await expect(caller.admin.accounts.setDisabled({ adminId: admin.id, disabled: true })).resolves.toMatchObject({ disabled: true });
    expect((await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: admin.id } })).sessionVersion).toBe(1);
    await caller.admin.accounts.setDisabled({ adminId: admin.id, disabled: false });
    await expect((await callerFor(prisma, t.host, claims)).admin.directory.overview()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signInAs(t, admin.username)).resolves.toMatchObject({ sub: admin.id, ver: 1 });
    expect(await prisma.auditLog.count({ where: { tenantId: t.tenantId, action: { in: ["admin.disable", "admin.enable"] } } })).toBe(2);
  });
});
