// A built-in school's initial password by rule (西安文理学院: the last 8 characters of the ID
// number) for members the back office loads — by the roster import or the member form — who
// have no password hash: the first sign-in with it works, keeps it as a hash and asks for a new
// one; under the rule NONE, or without an ID number, there is nothing to sign in with.
import { describe, expect, it } from "vitest";
import { signInMember } from "~/server/auth/member-sign-in";
import { AppError } from "~/server/errors";
import { createMember } from "~/server/members/manage-members";
import { updatePasswordPolicy } from "~/server/identity/password-policy";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";
import { makeTenant, testPrisma, testScope, unique } from "./support";

const prisma = testPrisma();
const ID = "11010519491231002X";

async function school(rule: "NONE" | "ID_NUMBER_LAST8", mustChangeInitial = true) {
  const t = await makeTenant(prisma);
  const scope = await testScope(prisma, t.tenantId);
  await updatePasswordPolicy(scope, { initialPasswordRule: rule, mustChangeInitial });
  const resolution = await resolveTenantForHost(prisma, t.host);
  if (resolution.kind !== "tenant") throw new Error("test tenant did not resolve");
  return { t, scope, tenant: resolution.tenant };
}

async function signIn(tenant: Awaited<ReturnType<typeof school>>["tenant"], account: string, password: string) {
  const ip = `198.19.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
  try {
    return {
      ok: true as const,
      claims: await signInMember(prisma, tenant, { identifier: account, password, host: `${tenant.slug}.localhost`, ip }),
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code };
  }
}

describe("initial passwords of members the back office loads", () => {
  it("lets a loaded member sign in with the last 8 of the ID number once, then keeps it as a hash that must be changed", async () => {
    const { scope, tenant } = await school("ID_NUMBER_LAST8");
    const account = unique("I");
    const created = await createMember(scope, {
      account,
      name: "新生",
      identityKindCode: "student_staff",
      idType: "居民身份证",
      idNumber: ID,
    });
    expect(await prisma.member.findUniqueOrThrow({ where: { id: created.id }, select: { passwordHash: true } })).toEqual({
      passwordHash: null,
    });

    expect(await signIn(tenant, account, "1231002Y")).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING" });
    // The final X of a resident ID number, typed in lower case on a phone's keyboard, is the same password.
    expect(await signIn(tenant, account, "1231002x")).toMatchObject({ ok: true, claims: { sub: created.id } });
    const after = await prisma.member.findUniqueOrThrow({
      where: { id: created.id },
      select: { passwordHash: true, mustChangePassword: true },
    });
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.mustChangePassword).toBe(true);
    // From now on it is an ordinary password.
    expect(await signIn(tenant, account, "1231002x")).toMatchObject({ ok: true });
  });

  it("does not ask for a change when the school does not", async () => {
    const { scope, tenant } = await school("ID_NUMBER_LAST8", false);
    const account = unique("I");
    const created = await createMember(scope, {
      account,
      name: "新生",
      identityKindCode: "student_staff",
      idType: "居民身份证",
      idNumber: ID,
    });
    expect(await signIn(tenant, account, "1231002X")).toMatchObject({ ok: true });
    expect(await prisma.member.findUniqueOrThrow({ where: { id: created.id }, select: { mustChangePassword: true } })).toEqual({
      mustChangePassword: false,
    });
  });

  it("gives no password under the rule NONE, nor to a member without an ID number", async () => {
    const none = await school("NONE");
    const a = unique("I");
    await createMember(none.scope, { account: a, name: "新生", identityKindCode: "student_staff", idType: "居民身份证", idNumber: ID });
    expect(await signIn(none.tenant, a, "1231002X")).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING" });

    const last8 = await school("ID_NUMBER_LAST8");
    const b = unique("I");
    await createMember(last8.scope, { account: b, name: "无证件", identityKindCode: "student_staff" });
    expect(await signIn(last8.tenant, b, "")).toMatchObject({ ok: false });
    expect(await signIn(last8.tenant, b, "null")).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING" });
  });
});
