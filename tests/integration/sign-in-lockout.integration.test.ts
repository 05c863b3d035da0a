// Built-in directory sign-in with the school's lockout policy, kept in the
// database: the count and the lock hold across app instances (separate
// clients here) and survive concurrent guesses.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signInMember } from "~/server/auth/member-sign-in";
import { signInTenantAdmin, signInVendor } from "~/server/auth/sign-in";
import { AppError, ERROR_CATALOG } from "~/server/errors";
import { totpCode } from "~/server/auth/totp";
import { resolveTenantForHost, type TenantContext } from "~/server/tenants/tenant-for-host";
import { unlockMember } from "~/server/members/fixes/unlock";
import { argon2Slots } from "~/server/auth/passwords";
import { SIGN_IN_LIMITS, signInLane } from "~/server/auth/sign-in-throttle";
import {
  adminActor,
  adminClaims,
  callerFor,
  makeTenant,
  makeVendor,
  memberClaims,
  PASSWORD,
  testPrisma,
  testScope,
  type TestTenant,
} from "./support";

const instanceA = testPrisma();
let defaultAddress = newAddress();
beforeEach(() => {
  defaultAddress = newAddress();
});
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

/** A fresh client address, so the per-address throttles of one test never touch another's. */
function newAddress(): string {
  return `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
}

async function outcome<T>(run: () => Promise<T>) {
  try {
    return { ok: true as const, claims: await run() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, vars: error.vars, zh: error.messageIn("zh-CN"), en: error.messageIn("en") };
  }
}

async function attempt(
  prisma: typeof instanceA,
  tenant: TenantContext,
  account: string,
  password: string,
  ip: string | null = defaultAddress,
) {
  try {
    return {
      ok: true as const,
      claims: await signInMember(prisma, tenant, { identifier: account, password, host: `${tenant.slug}.localhost`, ip }),
    };
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
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? instanceA : instanceB, tenant, t.memberAccount, "wrong")),
    );
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
    expect(await attempt(instanceA, tenant, t.memberAccount, "wrong")).toMatchObject({
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD)).toMatchObject({ ok: true });
    expect((await instanceA.member.findUniqueOrThrow({ where: { id: t.memberId } })).failedLoginCount).toBe(0);
  });

  it("an admin's unlock lets the member sign in at once and is written to the audit log", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    await instanceA.member.update({
      where: { id: t.memberId },
      data: { failedLoginCount: 6, lockedUntil: new Date(Date.now() + 30 * 60_000) },
    });
    await unlockMember(await testScope(instanceB, t.tenantId, { actor: adminActor(t, "198.51.100.7") }), { memberId: t.memberId });
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD)).toMatchObject({ ok: true });
    const log = await instanceA.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "member.unlock" } });
    expect(log).toMatchObject({ actorId: t.adminId, target: t.memberAccount, ip: "198.51.100.7" });
  });

  it("an unknown account answers exactly like a real one: the same countdown, then the same lock", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const answers = async (account: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const result = await attempt(instanceA, tenant, account, `wrong-${i}`, newAddress());
        seen.push(result.ok ? "signed in" : result.zh);
      }
      return seen;
    };
    const real = await answers(t.memberAccount);
    const unknown = await answers(`Z${t.memberAccount}`);
    expect(unknown).toEqual(real);
    expect(real.slice(0, 5)).toEqual([5, 4, 3, 2, 1].map((n) => `账号或密码错误，还可尝试 ${n} 次。`));
    expect(real[5]).toContain("错误次数已达最大上限，请稍后再试（约 30 分钟后解锁");
    expect(real[6]).toEqual(real[5]);
  });

  it("an unknown account's lock also ends after the school's lock time, and a new count starts", async () => {
    const t = await makeTenant(instanceA, { lockoutMaxAttempts: 2, lockoutMinutes: 5 });
    const tenant = await contextOf(t);
    expect(await attempt(instanceA, tenant, "ghost-1", "x")).toMatchObject({ code: "BAD_CREDENTIALS_REMAINING", vars: { remaining: 1 } });
    expect(await attempt(instanceA, tenant, "GHOST-1", "x")).toMatchObject({ code: "ACCOUNT_LOCKED", vars: { minutes: 5 } });
    await instanceA.$executeRawUnsafe(
      `UPDATE "RateLimit" SET "expiresAt" = now() - interval '1 second' WHERE key LIKE $1`,
      `login:unknown:${t.tenantId}:member:ghost-1`,
    );
    expect(await attempt(instanceA, tenant, "ghost-1", "x")).toMatchObject({ code: "BAD_CREDENTIALS_REMAINING", vars: { remaining: 1 } });
  });

  it("a CAS or OIDC school does not accept passwords at all", async () => {
    const t = await makeTenant(instanceA);
    await instanceA.identityProviderSettings.update({ where: { tenantId: t.tenantId }, data: { kind: "CAS" } });
    expect(await attempt(instanceA, await contextOf(t), t.memberAccount, PASSWORD)).toMatchObject({ ok: false, code: "LOGIN_NOT_BUILTIN" });
  });
});

describe("admin and vendor sign-in", () => {
  it("a school admin signs in only on the school's own host", async () => {
    const t = await makeTenant(instanceA);
    const other = await makeTenant(instanceA);
    const admin = await instanceA.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } });
    const claims = await signInTenantAdmin(instanceA, await contextOf(t), {
      identifier: admin.username,
      password: PASSWORD,
      host: t.host,
      ip: null,
    });
    expect(claims).toMatchObject({ kind: "tenantAdmin", tenantId: t.tenantId });
    // At the other school the admin does not exist, and the answer is a wrong password's.
    await expect(
      signInTenantAdmin(instanceA, await contextOf(other), { identifier: admin.username, password: PASSWORD, host: other.host, ip: null }),
    ).rejects.toMatchObject({
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
  });

  it("a disabled admin with the right password answers like a wrong password and counts toward the lock", async () => {
    const t = await makeTenant(instanceA);
    const admin = await instanceA.tenantAdmin.update({ where: { id: t.adminId }, data: { disabled: true } });
    const tenant = await contextOf(t);
    const tryRight = () =>
      outcome(() =>
        signInTenantAdmin(instanceA, tenant, { identifier: admin.username, password: PASSWORD, host: t.host, ip: newAddress() }),
      );
    const tryUnknown = () =>
      outcome(() =>
        signInTenantAdmin(instanceA, tenant, { identifier: `${admin.username}x`, password: PASSWORD, host: t.host, ip: newAddress() }),
      );
    for (let i = 0; i < 7; i++) {
      const [disabled, unknown] = [await tryRight(), await tryUnknown()];
      expect(disabled.ok).toBe(false);
      expect(disabled).toEqual(unknown);
    }
    expect(JSON.stringify(await tryRight())).not.toMatch(/DISABLED|停用/);
    const log = await instanceA.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "admin.login.failed", actorId: t.adminId } });
    expect(log?.detail).toEqual({ reason: "disabled" });
  });

  it("an unknown vendor account counts down and locks like the real vendor", async () => {
    const vendor = await makeVendor(instanceA);
    const run = async (username: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await outcome(() =>
          signInVendor(instanceA, { identifier: username, password: "nope", host: "localhost", ip: newAddress() }),
        );
        seen.push(r.ok ? "ok" : [r.code, r.vars]);
      }
      return seen;
    };
    expect(await run(`${vendor.username}-ghost`)).toEqual(await run(vendor.username));
  });

  it("the vendor signs in with argon2id-hashed credentials and wrong ones count toward a lock", async () => {
    const vendor = await makeVendor(instanceA);
    expect(vendor.passwordHash.startsWith("$argon2id$")).toBe(true);
    await expect(
      signInVendor(instanceA, {
        identifier: vendor.username,
        password: PASSWORD,
        totp: totpCode(vendor.totpSecret),
        host: "localhost",
        ip: null,
      }),
    ).resolves.toMatchObject({ kind: "vendor", tenantId: null });
    await expect(
      signInVendor(instanceA, { identifier: vendor.username, password: "nope", host: "localhost", ip: null }),
    ).rejects.toMatchObject({
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
  });
});

describe("throttles before the password (M2, M3)", () => {
  /** Puts a counter at its limit, as if the tries had happened in this window. */
  async function fill(key: string, hits: number, seconds: number) {
    await instanceA.$executeRawUnsafe(
      `INSERT INTO "RateLimit" (key, "windowStart", hits, "expiresAt") VALUES ($1, now(), $2, now() + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE SET hits = $2, "expiresAt" = now() + make_interval(secs => $3)`,
      key,
      hits,
      seconds,
    );
  }

  it("an address that keeps failing is throttled (429) while the owner from another address still signs in", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const attacker = newAddress();
    // Spraying many accounts from one address: never more than a few tries each.
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress.limit; i++) {
      const r = await attempt(instanceA, tenant, `spray-${i % 12}`, "Password1", attacker);
      expect(r).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING" });
    }
    const throttled = await attempt(instanceA, tenant, t.memberAccount, "guess", attacker);
    expect(throttled).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    if (!throttled.ok) expect(throttled.zh).toMatch(/请 \d+ 秒后再试/);
    // The throttled try did not count against the owner's account…
    expect((await instanceA.member.findUniqueOrThrow({ where: { id: t.memberId } })).failedLoginCount).toBe(0);
    // …and the owner, elsewhere, signs in.
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD, newAddress())).toMatchObject({ ok: true });
  });

  it("one address cannot lock the same account again once the lock ends: 10 failures an hour per account and address", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const attacker = newAddress();
    for (let i = 0; i < 6; i++) await attempt(instanceA, tenant, t.memberAccount, "wrong", attacker);
    // The lock ends (30 minutes later).
    await instanceA.member.update({ where: { id: t.memberId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const after: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await attempt(instanceA, tenant, t.memberAccount, "wrong", attacker);
      after.push(r.ok ? "ok" : r.code);
    }
    // The 4 tries still allowed leave the account short of a new lock; the rest are throttled.
    expect(after).toEqual([
      "BAD_CREDENTIALS_REMAINING",
      "BAD_CREDENTIALS_REMAINING",
      "BAD_CREDENTIALS_REMAINING",
      "BAD_CREDENTIALS_REMAINING",
      "RATE_LIMITED",
      "RATE_LIMITED",
    ]);
    expect((await instanceA.member.findUniqueOrThrow({ where: { id: t.memberId } })).lockedUntil).toBeNull();
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD, newAddress())).toMatchObject({ ok: true });
  });

  it("changing the case of the account does not escape the per-account throttle", async () => {
    const t = await makeTenant(instanceA, { lockoutMaxAttempts: 100 });
    const tenant = await contextOf(t);
    const attacker = newAddress();
    const spellings = [t.memberAccount.toLowerCase(), t.memberAccount.toUpperCase()];
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await attempt(instanceA, tenant, spellings[i % 2]!, "wrong", attacker);
      seen.push(r.ok ? "ok" : r.code);
    }
    expect(seen.slice(0, 10).every((code) => code === "BAD_CREDENTIALS_REMAINING")).toBe(true);
    expect(seen.slice(10)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
  });

  it("every attempt, successes too, is capped per address; a busy address throttles neither other addresses nor the school", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const busy = newAddress();
    await fill(`login:ip:member:${busy}`, SIGN_IN_LIMITS.attemptsPerAddress.limit, 60);
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD, busy)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD, newAddress())).toMatchObject({ ok: true });
    // The back office at the same address counts apart from the members there.
    const admin = await instanceA.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } });
    await expect(
      signInTenantAdmin(instanceA, tenant, { identifier: admin.username, password: PASSWORD, host: t.host, ip: busy }),
    ).resolves.toMatchObject({ kind: "tenantAdmin" });
  });

  it("a dormitory NAT: many students behind one address sign in, and a few typos among them throttle nobody", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const nat = newAddress();
    for (let i = 0; i < 20; i++) await attempt(instanceA, tenant, `student-${i}`, "typo", nat);
    expect(await attempt(instanceA, tenant, t.memberAccount, PASSWORD, nat)).toMatchObject({ ok: true });
    expect(SIGN_IN_LIMITS.failuresPerAddress.limit).toBeGreaterThan(tenant.lockoutMaxAttempts * 5);
  });

  it("refuses with SERVER_BUSY (429) when the school's argon2 queue is full, without counting the try; another school still queues", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const other = await makeTenant(instanceA);
    const lane = signInLane({ tenantKey: t.tenantId, kind: "member" });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holders: Promise<unknown>[] = [];
    // Fill the running slots and this school's members' queue.
    while (argon2Slots.load().running < 4 || argon2Slots.load(lane).waiting < 3000) holders.push(argon2Slots.run(() => gate, lane));
    let otherSchool: ReturnType<typeof attempt> | undefined;
    try {
      const busy = await attempt(instanceA, tenant, t.memberAccount, "wrong");
      expect(busy).toMatchObject({ ok: false, code: "SERVER_BUSY" });
      if (!busy.ok) expect(busy.zh).toContain("登录人数较多");
      expect(ERROR_CATALOG.SERVER_BUSY.http).toBe(429);
      const ghost = await attempt(instanceA, tenant, "ghost-busy", "wrong");
      expect(ghost).toMatchObject({ ok: false, code: "SERVER_BUSY" });
      // Another school's member waits for a turn instead of being refused.
      otherSchool = attempt(instanceA, await contextOf(other), other.memberAccount, PASSWORD, newAddress());
      await vi.waitFor(() => expect(argon2Slots.load(signInLane({ tenantKey: other.tenantId, kind: "member" })).waiting).toBe(1));
    } finally {
      release();
      await Promise.all(holders);
    }
    expect(await otherSchool).toMatchObject({ ok: true });
    expect((await instanceA.member.findUniqueOrThrow({ where: { id: t.memberId } })).failedLoginCount).toBe(0);
    expect(await attempt(instanceA, tenant, t.memberAccount, "wrong")).toMatchObject({
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
    // The unknown account's refused try did not count either.
    expect(await attempt(instanceA, tenant, "ghost-busy", "wrong")).toMatchObject({ vars: { remaining: 5 } });
  });
});

describe("what a stranger's wrong passwords can and cannot do", () => {
  it("locking a member's account does not end the member's live session", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    for (let i = 0; i < 6; i++) await attempt(instanceA, tenant, t.memberAccount, "wrong", newAddress());
    expect((await instanceA.member.findUniqueOrThrow({ where: { id: t.memberId } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const caller = await callerFor(instanceA, t.host, memberClaims(t));
    await expect(caller.me.profile.get()).resolves.toMatchObject({ account: t.memberAccount });
  });

  it("locking an admin's account does not end the admin's live session", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const admin = await instanceA.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } });
    for (let i = 0; i < 6; i++)
      await outcome(() =>
        signInTenantAdmin(instanceA, tenant, { identifier: admin.username, password: "x", host: t.host, ip: newAddress() }),
      );
    await expect((await callerFor(instanceA, t.host, adminClaims(t))).admin.directory.overview()).resolves.toMatchObject({ members: 1 });
  });

  it("failed tries and the lock are in the school's audit log with the address, the password never", async () => {
    const t = await makeTenant(instanceA);
    const tenant = await contextOf(t);
    const ip = newAddress();
    for (let i = 0; i < 6; i++) await attempt(instanceA, tenant, t.memberAccount, "Secret-Guess-1", ip);
    await attempt(instanceA, tenant, "nobody-here", "Secret-Guess-2", ip);
    const rows = await instanceA.auditLog.findMany({
      where: { tenantId: t.tenantId, action: { startsWith: "member.login." } },
      orderBy: { createdAt: "asc" },
    });
    const failed = rows.filter((r) => r.action === "member.login.failed");
    expect(failed).toHaveLength(7);
    expect(failed[0]).toMatchObject({ actorId: t.memberId, target: t.memberAccount, ip, detail: { reason: "wrong_password" } });
    expect(failed.at(-1)).toMatchObject({ actorId: null, target: "nobody-here", ip, detail: { reason: "unknown_account" } });
    expect(rows.filter((r) => r.action === "member.login.locked")).toEqual([
      expect.objectContaining({ actorId: t.memberId, ip, detail: { minutes: 30 } }),
    ]);
    expect(JSON.stringify(rows)).not.toContain("Secret-Guess");
  });
});
