// The vendor console's second factor (TOTP): once enrolled, sign-in needs the
// current code, and a missing, wrong or replayed one is answered and counted
// exactly like a wrong password; enrolment stores a secret only after a valid
// code of it, and ends the sessions made with the password alone.
import { afterAll, describe, expect, it } from "vitest";
import { signInVendor } from "~/server/auth/sign-in";
import { totpCode, totpSecretContext } from "~/server/auth/totp";
import { decryptSecret, encryptSecret, parseKey, sealContext } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";
import type { SessionClaims } from "~/server/auth/session-user";
import { callerFor, makeVendor, PASSWORD, testPrisma } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const key = parseKey(process.env.APP_ENCRYPTION_KEY!);

/** Codes are made from the clock: start a test well inside a 30-second step, so "the step before" stays the step before. */
async function awayFromStepEdge(): Promise<void> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > 27_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - intoStep + 50));
}

/** A well-formed code that is not this one. */
function otherThan(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

async function signIn(username: string, password: string, totp?: string) {
  try {
    return {
      ok: true as const,
      claims: await signInVendor(prisma, { identifier: username, password, totp, host: "localhost", ip: "198.51.100.4" }),
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, vars: error.vars, zh: error.messageIn("zh-CN") };
  }
}

async function failedCount(id: string): Promise<number> {
  return (await prisma.vendorAdmin.findUniqueOrThrow({ where: { id } })).failedLoginCount;
}

describe("vendor sign-in with a second factor", () => {
  it("signs in with the password and the authenticator's current code", async () => {
    const vendor = await makeVendor(prisma);
    expect(await signIn(vendor.username, PASSWORD, totpCode(vendor.totpSecret))).toMatchObject({
      ok: true,
      claims: { sub: vendor.id, kind: "vendor" },
    });
  });

  it("refuses the right password without a code with the ordinary wrong-password answer, and counts it", async () => {
    const vendor = await makeVendor(prisma);
    const other = await makeVendor(prisma);
    const noCode = await signIn(vendor.username, PASSWORD);
    const wrongPassword = await signIn(other.username, "wrong", totpCode(other.totpSecret));
    expect(noCode).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING", vars: { remaining: 5 } });
    // Nobody can tell from the answer which factor was wrong.
    expect(noCode).toEqual(wrongPassword);
    expect(await failedCount(vendor.id)).toBe(1);
  });

  it("refuses a wrong code with the ordinary wrong-password answer, and counts it", async () => {
    const vendor = await makeVendor(prisma);
    const wrong = otherThan(totpCode(vendor.totpSecret));
    expect(await signIn(vendor.username, PASSWORD, wrong)).toMatchObject({
      ok: false,
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
    expect(await signIn(vendor.username, PASSWORD, "abcdef")).toMatchObject({
      ok: false,
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 4 },
    });
    expect(await failedCount(vendor.id)).toBe(2);
  });

  it("refuses a code that was already used, counting it like a wrong password", async () => {
    const vendor = await makeVendor(prisma);
    const code = totpCode(vendor.totpSecret);
    expect(await signIn(vendor.username, PASSWORD, code)).toMatchObject({ ok: true });
    expect(await signIn(vendor.username, PASSWORD, code)).toMatchObject({
      ok: false,
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
    expect(await failedCount(vendor.id)).toBe(1);
  });

  it("accepts a code sent twice at once only once", async () => {
    const vendor = await makeVendor(prisma);
    const code = totpCode(vendor.totpSecret);
    const results = await Promise.all([1, 2, 3].map(() => signIn(vendor.username, PASSWORD, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("accepts the code of the step before (a slow phone clock) but not one two steps old", async () => {
    await awayFromStepEdge();
    const vendor = await makeVendor(prisma);
    expect(await signIn(vendor.username, PASSWORD, totpCode(vendor.totpSecret, Date.now() - 30_000))).toMatchObject({ ok: true });
    const stale = await makeVendor(prisma);
    expect(await signIn(stale.username, PASSWORD, totpCode(stale.totpSecret, Date.now() - 60_000))).toMatchObject({
      ok: false,
      code: "BAD_CREDENTIALS_REMAINING",
    });
  });

  it("locks the vendor after six tries without the right code; then even password and code are refused", async () => {
    const vendor = await makeVendor(prisma);
    for (let i = 1; i <= 5; i++) expect(await signIn(vendor.username, PASSWORD, "000000")).toMatchObject({ vars: { remaining: 6 - i } });
    const sixth = await signIn(vendor.username, PASSWORD);
    expect(sixth).toMatchObject({ ok: false, code: "ACCOUNT_LOCKED" });
    if (!sixth.ok) expect(sixth.zh).toContain("错误次数已达最大上限");
    expect(await signIn(vendor.username, PASSWORD, totpCode(vendor.totpSecret))).toMatchObject({ ok: false, code: "ACCOUNT_LOCKED" });
  });

  it("a right code with a wrong password is refused and counted", async () => {
    const vendor = await makeVendor(prisma);
    expect(await signIn(vendor.username, "wrong", totpCode(vendor.totpSecret))).toMatchObject({
      ok: false,
      code: "BAD_CREDENTIALS_REMAINING",
      vars: { remaining: 5 },
    });
  });
});

function claimsOf(vendor: { id: string; sessionVersion: number }): SessionClaims {
  return { sub: vendor.id, kind: "vendor", tenantId: null, host: "localhost", ver: vendor.sessionVersion };
}

async function storedSecret(id: string): Promise<string | null> {
  const row = await prisma.vendorAdmin.findUniqueOrThrow({ where: { id } });
  return row.totpSecretEnc ? decryptSecret(row.totpSecretEnc, key, totpSecretContext(id)) : null;
}

describe("enrolling the second factor", () => {
  it("a vendor without one signs in with the password, and that session can only enrol", async () => {
    const vendor = await makeVendor(prisma, { enrolled: false });
    const signedIn = await signIn(vendor.username, PASSWORD);
    expect(signedIn).toMatchObject({ ok: true });
    const caller = await callerFor(prisma, "localhost", claimsOf(vendor));
    await expect(caller.vendor.tenants.list()).rejects.toMatchObject({ code: "FORBIDDEN", cause: { code: "SECOND_FACTOR_REQUIRED" } });
    await expect(caller.vendor.tenants.create({ slug: "never", name: "不应开通", idpKind: "BUILTIN" })).rejects.toMatchObject({
      cause: { code: "SECOND_FACTOR_REQUIRED" },
    });
    const offer = await caller.vendor.secondFactor.offer();
    expect(offer.enrolled).toBe(false);
    expect(offer.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]{32}&/);
  });

  it("stores the secret only after a valid code of it, audits it, and ends the password-only sessions", async () => {
    await awayFromStepEdge();
    const vendor = await makeVendor(prisma, { enrolled: false });
    const caller = await callerFor(prisma, "localhost", claimsOf(vendor));
    const offer = await caller.vendor.secondFactor.offer();
    expect(offer.qrSvg).toMatch(/^<svg/);

    await expect(caller.vendor.secondFactor.confirm({ ticket: offer.ticket, code: "" })).rejects.toMatchObject({
      cause: { code: "SECOND_FACTOR_CODE_WRONG" },
    });
    await expect(
      caller.vendor.secondFactor.confirm({ ticket: offer.ticket, code: totpCode(offer.secret, Date.now() - 90_000) }),
    ).rejects.toMatchObject({
      cause: { code: "SECOND_FACTOR_CODE_WRONG" },
    });
    expect(await storedSecret(vendor.id)).toBeNull();

    const code = totpCode(offer.secret);
    await expect(caller.vendor.secondFactor.confirm({ ticket: offer.ticket, code })).resolves.toEqual({ enrolled: true });
    expect(await storedSecret(vendor.id)).toBe(offer.secret);
    expect(await prisma.auditLog.findFirst({ where: { actorId: vendor.id, action: "vendor.totp.enrol" } })).not.toBeNull();

    // The session opened with the password alone has ended.
    await expect((await callerFor(prisma, "localhost", claimsOf(vendor))).vendor.secondFactor.offer()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    // The password alone, or the code used to enrol, no longer opens anything; the next code does.
    expect(await signIn(vendor.username, PASSWORD)).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING" });
    expect(await signIn(vendor.username, PASSWORD, code)).toMatchObject({ ok: false, code: "BAD_CREDENTIALS_REMAINING" });
    const next = await signIn(vendor.username, PASSWORD, totpCode(offer.secret, Date.now() + 30_000));
    expect(next).toMatchObject({ ok: true });
    const row = await prisma.vendorAdmin.findUniqueOrThrow({ where: { id: vendor.id } });
    await expect((await callerFor(prisma, "localhost", claimsOf(row))).vendor.tenants.list()).resolves.toBeInstanceOf(Array);
  });

  it("refuses a ticket made for another vendor, an expired one or one that was tampered with", async () => {
    const vendor = await makeVendor(prisma, { enrolled: false });
    const other = await makeVendor(prisma, { enrolled: false });
    const caller = await callerFor(prisma, "localhost", claimsOf(vendor));
    const othersOffer = await (await callerFor(prisma, "localhost", claimsOf(other))).vendor.secondFactor.offer();
    const expired = encryptSecret(
      JSON.stringify({ vendorId: vendor.id, secret: othersOffer.secret, expiresAt: Date.now() - 1000 }),
      key,
      sealContext("VendorAdmin", "enrolmentTicket", vendor.id),
    );
    const tampered = othersOffer.ticket.slice(0, -4) + (othersOffer.ticket.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (const ticket of [othersOffer.ticket, expired, tampered]) {
      await expect(caller.vendor.secondFactor.confirm({ ticket, code: totpCode(othersOffer.secret) })).rejects.toMatchObject({
        cause: { code: "SECOND_FACTOR_ENROLMENT_EXPIRED" },
      });
    }
    expect(await storedSecret(vendor.id)).toBeNull();
  });

  it("an enrolled vendor replaces its factor only with a valid current code", async () => {
    await awayFromStepEdge();
    const vendor = await makeVendor(prisma);
    const caller = await callerFor(prisma, "localhost", claimsOf(vendor));
    const offer = await caller.vendor.secondFactor.offer();
    expect(offer.enrolled).toBe(true);
    const newCode = totpCode(offer.secret);
    await expect(caller.vendor.secondFactor.confirm({ ticket: offer.ticket, code: newCode })).rejects.toMatchObject({
      cause: { code: "SECOND_FACTOR_CODE_WRONG" },
    });
    await expect(
      caller.vendor.secondFactor.confirm({ ticket: offer.ticket, code: newCode, currentCode: otherThan(totpCode(vendor.totpSecret)) }),
    ).rejects.toMatchObject({
      cause: { code: "SECOND_FACTOR_CODE_WRONG" },
    });
    expect(await storedSecret(vendor.id)).toBe(vendor.totpSecret);

    await expect(
      caller.vendor.secondFactor.confirm({ ticket: offer.ticket, code: newCode, currentCode: totpCode(vendor.totpSecret) }),
    ).resolves.toEqual({ enrolled: true });
    expect(await storedSecret(vendor.id)).toBe(offer.secret);
    expect(await prisma.auditLog.findFirst({ where: { actorId: vendor.id, action: "vendor.totp.reset" } })).not.toBeNull();
    // The old authenticator opens nothing any more.
    expect(await signIn(vendor.username, PASSWORD, totpCode(vendor.totpSecret, Date.now() + 30_000))).toMatchObject({ ok: false });
  });
});
