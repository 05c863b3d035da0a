// mustChangePassword (e.g. xawl's initial password): until the member changes
// it, nothing else is open; the change ends every session of the account.
import { afterAll, describe, expect, it } from "vitest";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";
import { signInMember } from "~/server/auth/member-sign-in";
import { callerFor, makeTenant, memberClaims, PASSWORD, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function signIn(t: TestTenant, password: string) {
  const resolution = await resolveTenantForHost(prisma, t.host);
  if (resolution.kind !== "tenant") throw new Error("no tenant");
  return signInMember(prisma, resolution.tenant, {
    identifier: t.memberAccount,
    password,
    host: t.host,
    ip: `198.19.${Math.floor(Math.random() * 250)}.2`,
  });
}

const NEW_PASSWORD = "Brand-New-Pass-9";

describe("a member who must change the password", () => {
  it("can do nothing but change it: other procedures answer PASSWORD_CHANGE_REQUIRED", async () => {
    const t = await makeTenant(prisma);
    await prisma.member.update({ where: { id: t.memberId }, data: { mustChangePassword: true } });
    const caller = await callerFor(prisma, t.host, await signIn(t, PASSWORD));
    const refused = await caller.me.profile.get().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "FORBIDDEN", cause: { code: "PASSWORD_CHANGE_REQUIRED" } });
  });

  it("changes it: the new password works, the old one not, the flag is cleared and every session ends", async () => {
    const t = await makeTenant(prisma);
    await prisma.member.update({ where: { id: t.memberId }, data: { mustChangePassword: true } });
    const here = await signIn(t, PASSWORD);
    const elsewhere = await signIn(t, PASSWORD);
    const caller = await callerFor(prisma, t.host, here);
    await expect(
      caller.me.password.change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).resolves.toEqual({ ok: true });

    const row = await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } });
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordHash?.startsWith("$argon2id$")).toBe(true);
    for (const claims of [here, elsewhere]) {
      await expect((await callerFor(prisma, t.host, claims)).me.profile.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(signIn(t, PASSWORD)).rejects.toMatchObject({ code: "BAD_CREDENTIALS_REMAINING" });
    const fresh = await signIn(t, NEW_PASSWORD);
    await expect((await callerFor(prisma, t.host, fresh)).me.profile.get()).resolves.toMatchObject({
      account: t.memberAccount,
      mustChangePassword: false,
    });
    expect(await prisma.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "member.password.changed" } })).toMatchObject({
      actorId: t.memberId,
    });
  });

  it("refuses a wrong current password, a weak new one and a mismatched confirmation, changing nothing", async () => {
    const t = await makeTenant(prisma);
    await prisma.member.update({ where: { id: t.memberId }, data: { mustChangePassword: true } });
    const caller = await callerFor(prisma, t.host, memberClaims(t));
    await expect(
      caller.me.password.change({ currentPassword: "not-it", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      cause: { code: "CURRENT_PASSWORD_WRONG" },
    });
    for (const [newPassword, confirmPassword] of [
      ["short1", "short1"],
      ["onlyletters", "onlyletters"],
      ["1234567890", "1234567890"],
      [PASSWORD, PASSWORD],
      [NEW_PASSWORD, `${NEW_PASSWORD}x`],
    ]) {
      await expect(
        caller.me.password.change({ currentPassword: PASSWORD, newPassword: newPassword!, confirmPassword: confirmPassword! }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const row = await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } });
    expect(row).toMatchObject({ mustChangePassword: true, sessionVersion: 0, passwordHash: t.memberPasswordHash });
  });

  it("a member without the flag uses everything as before", async () => {
    const t = await makeTenant(prisma);
    await expect((await callerFor(prisma, t.host, memberClaims(t))).me.profile.get()).resolves.toMatchObject({ mustChangePassword: false });
  });
});
