// 忘记密码 (auth/forgot-password.ts): a code to the phone the directory holds for the account resets
// the password, ends every session and clears a lock; a request naming a wrong pair is answered
// exactly like a right one (same answer, same limits, same tries) and sends nothing; the ticket
// opens only at its own school; the route answers with 303s a browser without script follows.
import { afterAll, describe, expect, it } from "vitest";
import { openResetTicket, requestPasswordReset, resetForgottenPassword } from "~/server/auth/forgot-password";
import { verifyPassword } from "~/server/auth/passwords";
import { tenantScope } from "~/server/scope";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { POST as send } from "~/app/(school)/forgot-password/send/route";
import { POST as confirm } from "~/app/(school)/forgot-password/confirm/route";
import { codeSchool, latestOutboxCode, refusal, type CodeSchool } from "./codes/codes-kit";
import { makeTenant, testJobs, testPrisma } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const NEW_PASSWORD = "Found-Again-2026";

/** The school's scope as an anonymous visitor of its login page sees it. */
async function visitor(school: CodeSchool, ip = "203.0.113.50") {
  const tenant = await tenantContextById(prisma, school.tenantId);
  return tenantScope({ prisma, tenant, jobs: testJobs(), actor: { kind: "anonymous", ip } });
}

const display = (e164: string) => e164.slice(3);

describe("忘记密码 with the phone the directory holds", () => {
  it("resets the password with the code sent there: the old one stops working, every session ends, a lock is lifted", async () => {
    const school = await codeSchool(prisma);
    await prisma.member.update({
      where: { id: school.memberId },
      data: { failedLoginCount: 6, lockedUntil: new Date(Date.now() + 30 * 60_000), mustChangePassword: true },
    });
    const before = await prisma.member.findUniqueOrThrow({ where: { id: school.memberId } });
    const scope = await visitor(school);

    const { ticket } = await requestPasswordReset(scope, { account: school.memberAccount, contact: display(school.memberPhone) });
    const code = await latestOutboxCode(prisma, school, school.memberPhone);
    await expect(
      resetForgottenPassword(scope, { ticket, code, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).resolves.toEqual({ account: school.memberAccount });

    const after = await prisma.member.findUniqueOrThrow({ where: { id: school.memberId } });
    expect(await verifyPassword(after.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash!, "Correct-Horse-42")).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null, mustChangePassword: false });
    const audit = await prisma.auditLog.findFirst({ where: { tenantId: school.tenantId, action: "member.password.reset" } });
    expect(audit).toMatchObject({ actorKind: "member", actorId: school.memberId, target: school.memberAccount });
    // The code is used up: the same code cannot set another password.
    expect(
      (await refusal(resetForgottenPassword(scope, { ticket, code, newPassword: "Another-Pass-1", confirmPassword: "Another-Pass-1" })))
        .code,
    ).toBe("CODE_ALREADY_USED");
  });

  it("answers a wrong pair like a right one and sends nothing: the same tries left, the same wait before asking again", async () => {
    const school = await codeSchool(prisma);
    const other = await makeTenant(prisma);
    const scope = await visitor(school);
    // The account with someone else's phone (another school's member's).
    const wrong = await requestPasswordReset(scope, { account: school.memberAccount, contact: display(other.memberPhone) });
    const right = await requestPasswordReset(scope, { account: school.memberAccount, contact: display(school.memberPhone) });
    expect(await prisma.outboxMessage.count({ where: { destination: other.memberPhone } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { destination: school.memberPhone } })).toBe(1);
    expect(Object.keys(wrong.issued).sort()).toEqual(Object.keys(right.issued).sort());
    expect(wrong.issued.ttlMinutes).toBe(right.issued.ttlMinutes);

    const attempt = (ticket: string) =>
      refusal(resetForgottenPassword(scope, { ticket, code: "000000", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    const [wrongTry, rightTry] = [await attempt(wrong.ticket), await attempt(right.ticket)];
    expect(wrongTry.code).toBe("CODE_WRONG");
    expect(rightTry.code).toBe("CODE_WRONG");
    expect(wrongTry.vars).toEqual(rightTry.vars);

    const again = (contact: string) => refusal(requestPasswordReset(scope, { account: school.memberAccount, contact }));
    const [wrongAgain, rightAgain] = [await again(display(other.memberPhone)), await again(display(school.memberPhone))];
    expect(wrongAgain.code).toBe("CODE_RESEND_TOO_SOON");
    expect(rightAgain.code).toBe("CODE_RESEND_TOO_SOON");
  });

  it("an unknown account is answered like a known one, and its code never resets anybody", async () => {
    const school = await codeSchool(prisma);
    const scope = await visitor(school);
    const { ticket, issued } = await requestPasswordReset(scope, { account: "S-nobody-here", contact: "13712345678" });
    expect(issued.ttlMinutes).toBeGreaterThan(0);
    expect(openResetTicket(school.tenantId, ticket)).toMatchObject({ account: "S-nobody-here", masked: "137****5678" });
    expect(await prisma.outboxMessage.count({ where: { destination: "+8613712345678" } })).toBe(0);
  });

  it("refuses a member of the school's CAS: their password is the school's, and nothing is sent", async () => {
    const school = await codeSchool(prisma);
    await prisma.identityKind.updateMany({ where: { tenantId: school.tenantId }, data: { providerKind: "CAS" } });
    const scope = await visitor(school);
    await requestPasswordReset(scope, { account: school.memberAccount, contact: display(school.memberPhone) });
    expect(await prisma.outboxMessage.count({ where: { destination: school.memberPhone } })).toBe(0);
  });

  it("opens a ticket only at the school that sealed it, and refuses a password that breaks the rules before any code is tried", async () => {
    const school = await codeSchool(prisma);
    const other = await codeSchool(prisma);
    const { ticket } = await requestPasswordReset(await visitor(school), {
      account: school.memberAccount,
      contact: display(school.memberPhone),
    });
    expect(
      (
        await refusal(
          resetForgottenPassword(await visitor(other), {
            ticket,
            code: "123456",
            newPassword: NEW_PASSWORD,
            confirmPassword: NEW_PASSWORD,
          }),
        )
      ).code,
    ).toBe("RESET_TICKET_EXPIRED");
    expect(() => openResetTicket(school.tenantId, ticket, Date.now() + 31 * 60_000)).toThrow("RESET_TICKET_EXPIRED");
    await expect(
      resetForgottenPassword(await visitor(school), { ticket, code: "123456", newPassword: "short", confirmPassword: "short" }),
    ).rejects.toThrow();
    const code = await prisma.verificationCode.findFirstOrThrow({ where: { tenantId: school.tenantId, destination: school.memberPhone } });
    expect(code.attempts).toBe(0);
  });
});

describe("忘记密码's limits", () => {
  it("stops hashing new passwords for a phone after 10 tries in a quarter-hour, even once its code is spent", async () => {
    const school = await codeSchool(prisma);
    const scope = await visitor(school);
    const { ticket } = await requestPasswordReset(scope, { account: school.memberAccount, contact: display(school.memberPhone) });
    const tries: string[] = [];
    for (let i = 0; i < 11; i++) {
      tries.push(
        (await refusal(resetForgottenPassword(scope, { ticket, code: "000000", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })))
          .code,
      );
    }
    expect(tries.slice(0, 10)).not.toContain("RATE_LIMITED");
    expect(tries.at(-1)).toBe("RATE_LIMITED");
  });

  it("finds an address the list holds with capitals", async () => {
    const school = await codeSchool(prisma);
    await prisma.member.update({ where: { id: school.memberId }, data: { email: `Li.Si+${school.tenantId.slice(0, 6)}@Example.EDU.cn` } });
    const scope = await visitor(school);
    const address = `li.si+${school.tenantId.slice(0, 6)}@example.edu.cn`;
    await requestPasswordReset(scope, { account: school.memberAccount, contact: address.toUpperCase() });
    expect(await prisma.outboxMessage.count({ where: { destination: address } })).toBe(1);
  });
});

describe("the 忘记密码 routes, as a browser without script posts them", () => {
  const post = (host: string, path: string, fields: Record<string, string>, origin = `http://${host}`) =>
    new Request(`http://${host}${path}`, {
      method: "POST",
      headers: { host, origin, "content-type": "application/x-www-form-urlencoded", "x-client-address": "203.0.113.60" },
      body: new URLSearchParams(fields),
    });

  it("goes from the form to the code's page to the login page with 303s, and refuses another site's post", async () => {
    const school = await codeSchool(prisma);
    const sent = await send(
      post(school.host, "/forgot-password/send", { account: school.memberAccount, contact: display(school.memberPhone) }),
    );
    expect(sent.status).toBe(303);
    const location = new URL(sent.headers.get("location")!, `http://${school.host}`);
    expect(location.pathname).toBe("/forgot-password/reset");
    expect(location.search).not.toContain(display(school.memberPhone));
    const ticket = location.searchParams.get("t")!;

    const bad = await confirm(
      post(school.host, "/forgot-password/confirm", { ticket, code: "123456", newPassword: "abc", confirmPassword: "abc" }),
    );
    expect(new URL(bad.headers.get("location")!, "http://x").searchParams.get("rule")).toBe("password.rule.length");

    const code = await latestOutboxCode(prisma, school, school.memberPhone);
    const forged = await confirm(
      post(
        school.host,
        "/forgot-password/confirm",
        { ticket, code, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        "http://evil.example",
      ),
    );
    expect(new URL(forged.headers.get("location")!, "http://x").searchParams.get("error")).toBe("CROSS_SITE_REFUSED");

    const done = await confirm(
      post(school.host, "/forgot-password/confirm", { ticket, code, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/login?reset=1");
    const member = await prisma.member.findUniqueOrThrow({ where: { id: school.memberId } });
    expect(await verifyPassword(member.passwordHash!, NEW_PASSWORD)).toBe(true);
  });
});
