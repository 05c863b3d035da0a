// Back-office accounts are invited, never handed a password: the vendor invites a new school's
// first IT admin, who sets a password through the link (on the school's own address, shown once,
// one use, 72 hours) and can sign in only then; inviting a pending account again replaces the
// link; an account that set its password cannot be re-invited; a link of one school opens nothing
// at another; the helpdesk cannot invite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "~/server/auth/session-user";
import { signInTenantAdmin } from "~/server/auth/sign-in";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { adminClaims, callerFor, makeTenant, makeVendor, testPrisma } from "./support";

const prisma = testPrisma();
let vendor: SessionClaims;
const PASSWORD = "Xinxi2026";

beforeAll(async () => {
  const v = await makeVendor(prisma);
  vendor = { sub: v.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 };
});
afterAll(() => prisma.$disconnect());

const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;

async function signsIn(tenantId: string, username: string, password: string) {
  const tenant = await tenantContextById(prisma, tenantId);
  return signInTenantAdmin(prisma, tenant, { identifier: username, password, host: "x", ip: "203.0.113.9" }).then(
    () => true,
    () => false,
  );
}

describe("inviting a back-office account", () => {
  it("the vendor invites a school's first IT admin, who sets a password through the link and signs in", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, "localhost", vendor);
    const { link, admin } = await api.vendor.tenantAdmins.invite({
      tenantId: t.tenantId,
      username: "It.Admin",
      name: "王老师",
      role: "ADMIN",
    });
    expect(admin).toMatchObject({ username: "it.admin", role: "ADMIN" });
    expect(new URL(link).host).toBe(`${t.slug}.localhost`);
    expect(new URL(link).pathname).toMatch(/^\/admin\/invite\/[A-Za-z0-9_-]{43}$/);
    // The token itself is never stored.
    const row = await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: admin.id } });
    expect(JSON.stringify(row)).not.toContain(tokenOf(link));
    expect(await signsIn(t.tenantId, "it.admin", PASSWORD)).toBe(false);

    const school = await callerFor(prisma, t.host);
    expect(await school.school.invite.check({ token: tokenOf(link) })).toEqual({ username: "it.admin", name: "王老师" });
    await expect(school.school.invite.accept({ token: tokenOf(link), password: "short", confirmPassword: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await school.school.invite.accept({ token: tokenOf(link), password: PASSWORD, confirmPassword: PASSWORD })).toEqual({
      username: "it.admin",
    });
    expect(await signsIn(t.tenantId, "it.admin", PASSWORD)).toBe(true);
    // Used once.
    expect(await school.school.invite.check({ token: tokenOf(link) })).toBeNull();
    await expect(
      school.school.invite.accept({ token: tokenOf(link), password: "Another2026", confirmPassword: "Another2026" }),
    ).rejects.toMatchObject({
      cause: { code: "INVITE_INVALID" },
    });
    const audited = await prisma.auditLog.findMany({
      where: { tenantId: t.tenantId, target: "it.admin", action: { startsWith: "admin.invite" } },
      orderBy: { createdAt: "asc" },
    });
    expect(audited.map((a) => a.action)).toEqual(["admin.invited", "admin.inviteAccepted"]);
  });

  it("replaces a pending link when invited again, refuses to re-invite an account in use, and lets a link expire", async () => {
    const t = await makeTenant(prisma);
    const admins = (await callerFor(prisma, t.host, adminClaims(t))).admin.accounts;
    const school = await callerFor(prisma, t.host);
    const first = await admins.invite({ username: "helpdesk1", name: "李老师", role: "HELPDESK" });
    const second = await admins.invite({ username: "helpdesk1", name: "李老师", role: "HELPDESK" });
    expect(await school.school.invite.check({ token: tokenOf(first.link) })).toBeNull();
    expect(await school.school.invite.check({ token: tokenOf(second.link) })).not.toBeNull();

    const username = (await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } })).username;
    await expect(admins.invite({ username, name: "重复", role: "ADMIN" })).rejects.toMatchObject({ cause: { code: "INVITE_ACCEPTED" } });

    await prisma.tenantAdmin.update({ where: { id: second.admin.id }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await school.school.invite.check({ token: tokenOf(second.link) })).toBeNull();
    await expect(
      school.school.invite.accept({ token: tokenOf(second.link), password: PASSWORD, confirmPassword: PASSWORD }),
    ).rejects.toMatchObject({
      cause: { code: "INVITE_INVALID" },
    });
  });

  it("opens nothing on another school's address, and is not the helpdesk's to give", async () => {
    const a = await makeTenant(prisma);
    const b = await makeTenant(prisma);
    const { link } = await (
      await callerFor(prisma, a.host, adminClaims(a))
    ).admin.accounts.invite({ username: "colleague", name: "张老师", role: "ADMIN" });
    const atB = await callerFor(prisma, b.host);
    expect(await atB.school.invite.check({ token: tokenOf(link) })).toBeNull();
    await expect(atB.school.invite.accept({ token: tokenOf(link), password: PASSWORD, confirmPassword: PASSWORD })).rejects.toMatchObject({
      cause: { code: "INVITE_INVALID" },
    });

    await prisma.tenantAdmin.update({ where: { id: b.adminId }, data: { role: "HELPDESK" } });
    const helpdesk = (await callerFor(prisma, b.host, adminClaims(b))).admin.accounts;
    await expect(helpdesk.invite({ username: "another", name: "赵老师", role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
