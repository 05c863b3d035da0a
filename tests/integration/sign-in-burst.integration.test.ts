// Password sign-in under campus load, through the real sign-in functions (the
// code path a request takes): a poster burst of 2,000 freshmen is served, not
// refused; one client's abuse is throttled alone; members and the back office
// count apart; an IPv6 client is one client across its /64; and an account's
// guesses are capped by its lockout before any argon2 work, however many
// arrive at once.
import { hash } from "@node-rs/argon2";
import { afterAll, describe, expect, it, vi } from "vitest";
import { signInMember } from "~/server/auth/member-sign-in";
import { signInTenantAdmin } from "~/server/auth/sign-in";
import { argon2Slots, hashPassword } from "~/server/auth/passwords";
import { SIGN_IN_LIMITS, signInLane } from "~/server/auth/sign-in-throttle";
import { AppError } from "~/server/errors";
import { resolveTenantForHost, type TenantContext } from "~/server/tenants/tenant-for-host";
import { makeTenant, PASSWORD, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
});

async function contextOf(t: TestTenant): Promise<TenantContext> {
  const resolution = await resolveTenantForHost(prisma, t.host);
  if (resolution.kind !== "tenant") throw new Error("test tenant did not resolve");
  return resolution.tenant;
}

type Outcome = { ok: true } | { ok: false; code: string; vars: Record<string, unknown> };

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, code: error.code, vars: error.vars };
  }
}

function member(tenant: TenantContext, account: string, password: string, ip: string): Promise<Outcome> {
  return outcome(() => signInMember(prisma, tenant, { identifier: account, password, host: `${tenant.slug}.localhost`, ip }));
}

async function admin(t: TestTenant, tenant: TenantContext, password: string, ip: string, username?: string): Promise<Outcome> {
  const row = await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } });
  return outcome(() => signInTenantAdmin(prisma, tenant, { identifier: username ?? row.username, password, host: t.host, ip }));
}

/** A fresh /48 of the documentation range per call, so no two tests share a per-address counter. */
function ipv6Network(): string {
  return `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}`;
}

/** Tries one after another, so each sees the counts of the ones before: the answers are deterministic. */
async function inTurn(count: number, attempt: (i: number) => Promise<Outcome>): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await attempt(i);
    codes.push(r.ok ? "ok" : r.code);
  }
  return codes;
}

const failuresThenThrottled = (count: number) => [
  ...Array<string>(SIGN_IN_LIMITS.failuresPerAddress.limit).fill("BAD_CREDENTIALS_REMAINING"),
  ...Array<string>(count - SIGN_IN_LIMITS.failuresPerAddress.limit).fill("RATE_LIMITED"),
];

describe("a poster burst and one abusive client", () => {
  it("2,000 freshmen signing in at once from 2,000 addresses all get in, while one address spraying wrong passwords is throttled alone", async () => {
    const t = await makeTenant(prisma);
    const tenant = await contextOf(t);
    // Low-cost argon2id on purpose: argon2 reads the cost from the stored hash, so these
    // 2,000 members verify in well under a millisecond each and the burst fits a test on
    // two cores. The path is the product's own (throttles, lockout, the argon2 lanes);
    // the product's hashing cost (passwords.ts) is unchanged and every other account here uses it.
    const cheapHash = await hash(PASSWORD, { memoryCost: 8, timeCost: 1, parallelism: 1 });
    const freshmen = Array.from({ length: 2000 }, (_, i) => `2026${String(i).padStart(6, "0")}`);
    await prisma.member.createMany({
      data: freshmen.map((account, i) => ({
        tenantId: t.tenantId,
        account,
        name: `新生${i}`,
        identityKindId: t.identityKindId,
        passwordHash: cheapHash,
      })),
    });
    // In production argon2 is far slower than the arrivals, so a burst piles up in front of it;
    // with cheap hashes it would not. Holding every argon2 slot until the whole burst has
    // arrived makes the pile-up happen here, and deterministically.
    const lane = signInLane({ tenantKey: t.tenantId, kind: "member" });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: 4 }, () => argon2Slots.run(() => gate, "test-holder"));
    let answered = 0;
    // Carrier-grade NAT space: one address per phone.
    const burst = Promise.all(
      freshmen.map((account, i) =>
        member(tenant, account, PASSWORD, `100.64.${i >> 8}.${i & 255}`).finally(() => {
          answered++;
        }),
      ),
    );
    // Meanwhile one address sprays wrong passwords over student numbers, one after another.
    const attacker = "100.65.0.1";
    const spray = inTurn(70, (i) => member(tenant, `2027${String(i).padStart(6, "0")}`, "12345678", attacker));
    const others = Promise.all([member(tenant, t.memberAccount, PASSWORD, "100.66.0.1"), admin(t, tenant, PASSWORD, "100.66.0.2")]);
    try {
      // Every freshman is answered or waiting for argon2: 2,000 in the school's queue at once.
      await vi.waitFor(() => expect(answered + argon2Slots.load(lane).waiting).toBeGreaterThanOrEqual(2000), {
        timeout: 240_000,
        interval: 200,
      });
    } finally {
      release();
      await Promise.all(holders);
    }

    const signedIn = await burst;
    expect(signedIn.filter((r) => !r.ok)).toEqual([]);
    expect(signedIn).toHaveLength(2000);
    // The attacker: its own failures, then 429s for it alone.
    expect(await spray).toEqual(failuresThenThrottled(70));
    expect(await others).toEqual([{ ok: true }, { ok: true }]);
    // After the burst, the attacker is still throttled and everyone else still signs in.
    expect(await member(tenant, freshmen[0]!, PASSWORD, attacker)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await member(tenant, freshmen[1]!, PASSWORD, "100.66.0.3")).toEqual({ ok: true });
    expect(await admin(t, tenant, PASSWORD, "100.66.0.4")).toEqual({ ok: true });
  }, 300_000);
});

describe("members and the back office count apart", () => {
  it("an attack on the admin login from an address leaves the members at that address signing in", async () => {
    const t = await makeTenant(prisma);
    const tenant = await contextOf(t);
    const address = `${ipv6Network()}:1::1`;
    expect(await inTurn(55, (i) => admin(t, tenant, "admin123", address, `admin-guess-${i}`))).toEqual(failuresThenThrottled(55));
    expect(await admin(t, tenant, PASSWORD, address)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await member(tenant, t.memberAccount, PASSWORD, address)).toEqual({ ok: true });
  });

  it("members' failures at a dormitory address leave the school's admin and helpdesk there signing in", async () => {
    const t = await makeTenant(prisma);
    const tenant = await contextOf(t);
    const address = `${ipv6Network()}:2::1`;
    expect(await inTurn(55, (i) => member(tenant, `guess-${i}`, "12345678", address))).toEqual(failuresThenThrottled(55));
    expect(await member(tenant, t.memberAccount, PASSWORD, address)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await admin(t, tenant, PASSWORD, address)).toEqual({ ok: true });
  });
});

describe("an IPv6 client is its /64", () => {
  it("picking a new address inside its /64 for every try does not escape the per-address limit; the next /64 is another client", async () => {
    const t = await makeTenant(prisma);
    const tenant = await contextOf(t);
    const network = ipv6Network();
    const rotating = (i: number) => `${network}:7:${(i + 1).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}::9`;
    expect(await inTurn(55, (i) => member(tenant, `guess-${i}`, "12345678", rotating(i)))).toEqual(failuresThenThrottled(55));
    expect(await member(tenant, t.memberAccount, PASSWORD, `${network}:7::abcd`)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await member(tenant, t.memberAccount, PASSWORD, `${network}:8::abcd`)).toEqual({ ok: true });
  });
});

describe("an account still on its initial password (the last 8 characters of the ID number)", () => {
  it("guesses from many addresses at once: only the lockout's tries reach argon2, and the right password then waits out the lock", async () => {
    const t = await makeTenant(prisma);
    const tenant = await contextOf(t);
    const initial = "0712345X"; // 6101…19990712345X: a birthday and a sequence an attacker could narrow down
    await prisma.passwordPolicy.update({
      where: { tenantId: t.tenantId },
      data: { initialPasswordRule: "ID_NUMBER_LAST8", mustChangeInitial: true },
    });
    await prisma.member.update({
      where: { id: t.memberId },
      data: { passwordHash: await hashPassword(initial), mustChangePassword: true },
    });
    const lane = signInLane({ tenantKey: t.tenantId, kind: "member" });
    const network = ipv6Network();
    // Hold every argon2 slot, so the guesses that reach argon2 stay visible in the school's lane.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: 4 }, () => argon2Slots.run(() => gate, "test-holder"));
    const settled: Outcome[] = [];
    const guesses = Array.from({ length: 30 }, (_, i) =>
      member(tenant, t.memberAccount, `0712${String(i).padStart(3, "0")}X`, `${network}:${i.toString(16)}::1`).then((r) => {
        settled.push(r);
        return r;
      }),
    );
    let whileChecking: Outcome | undefined;
    try {
      await vi.waitFor(() => expect(settled.length + argon2Slots.load(lane).waiting).toBe(30), { timeout: 30_000 });
      // The school's lockout (6 tries): only 6 guesses wait for argon2; the other 24 were answered without it.
      expect(argon2Slots.load(lane).waiting).toBe(6);
      expect(settled.map((r) => (r.ok ? "ok" : r.code))).toEqual(Array<string>(24).fill("ACCOUNT_LOCKED"));
      // The right password now, from yet another address, is refused at once, without argon2 either.
      whileChecking = await member(tenant, t.memberAccount, initial, `${network}:ff::1`);
      expect(argon2Slots.load(lane).waiting).toBe(6);
    } finally {
      release();
      await Promise.all(holders);
    }
    expect(whileChecking).toMatchObject({ ok: false, code: "ACCOUNT_LOCKED" });
    const checked = (await Promise.all(guesses)).filter((r) => !r.ok && r.code === "BAD_CREDENTIALS_REMAINING");
    expect(checked).toHaveLength(5);
    expect(await member(tenant, t.memberAccount, initial, `${network}:fe::1`)).toMatchObject({
      ok: false,
      code: "ACCOUNT_LOCKED",
      vars: { minutes: 30 },
    });
    // Not locked out for long: once the school's 30 minutes are over, the student signs in (and must change the password).
    await prisma.member.update({ where: { id: t.memberId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await member(tenant, t.memberAccount, initial, `${network}:fd::1`)).toEqual({ ok: true });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } })).mustChangePassword).toBe(true);
  });
});
