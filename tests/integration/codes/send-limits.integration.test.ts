// Who may spend whose limits (issue 15): another member's requests never block the member binding
// a phone; a member has a handful of phones a day; a campus NAT's students are not one client, an
// IPv6 /64 is; and the school's and the platform's daily budgets stop SMS pumping, with the
// consoles told at half.
import { afterAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { platformCodeBudget, schoolBudgetKey, schoolCodeBudget } from "~/server/codes/budgets";
import { chinaDay } from "~/server/codes/china-day";
import { destinationTag } from "~/server/codes/code-hash";
import { issueCode } from "~/server/codes/issue-code";
import { MEMBER_VALUES_PER_DAY } from "~/server/codes/member-values";
import { codePolicy } from "~/server/codes/policy";
import { countSend } from "~/server/codes/send-limits";
import { encryptionKey } from "~/server/crypto/keys";
import { testPlatform, testPrisma } from "../support";
import { bindPhone, codeSchool, freshPhone, refusedWith, waitOutResend, type CodeSchool } from "./codes-kit";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

/** `count` more members of the school, as ids. */
async function members(school: CodeSchool, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  const kind = await prisma.identityKind.findFirstOrThrow({ where: { tenantId: school.tenantId }, select: { id: true } });
  await prisma.member.createMany({
    data: ids.map((id, i) => ({
      id,
      tenantId: school.tenantId,
      account: `N${i}-${id.slice(0, 8)}`,
      name: `同学${i}`,
      identityKindId: kind.id,
    })),
  });
  return ids;
}

/** Sets how many messages the school has sent today, as if its members had asked for them. */
async function schoolHasSent(client: PrismaClient, school: CodeSchool, hits: number): Promise<void> {
  const { day, secondsLeft } = chinaDay(new Date());
  await client.$executeRawUnsafe(
    `INSERT INTO "RateLimit" (key, "windowStart", hits, "expiresAt") VALUES ($1, now(), $2, now() + make_interval(secs => $3))
     ON CONFLICT (key) DO UPDATE SET hits = $2`,
    schoolBudgetKey(school.tenantId, day),
    hits,
    secondsLeft,
  );
}

describe("another member's requests", () => {
  it("do not keep a member's new phone in its resend interval", async () => {
    const school = await codeSchool(prisma);
    const [other] = await members(school, 1);
    const phone = freshPhone();
    await issueCode(school.scope, bindPhone(school, phone, { memberId: other }));
    // The member who binds the phone asks a moment later: their own interval, not the other's.
    await expect(issueCode(school.scope, bindPhone(school, phone))).resolves.toMatchObject({ channel: "SMS" });
    await refusedWith(issueCode(school.scope, bindPhone(school, phone)), "CODE_RESEND_TOO_SOON");
  });

  it("do not spend a member's codes of the day to that phone", async () => {
    const school = await codeSchool(prisma, { dailyCapPerDestination: 2 });
    const [other] = await members(school, 1);
    const phone = freshPhone();
    for (let i = 0; i < 2; i++) {
      await issueCode(school.scope, bindPhone(school, phone, { memberId: other }));
      await waitOutResend(prisma, school);
    }
    await refusedWith(issueCode(school.scope, bindPhone(school, phone, { memberId: other })), "CODE_DAILY_LIMIT");
    await expect(issueCode(school.scope, bindPhone(school, phone))).resolves.toMatchObject({ channel: "SMS" });
  });
});

describe("a member's budget of phones a day", () => {
  it(`sends to ${MEMBER_VALUES_PER_DAY} different phones, then refuses a new one (saying why) but not those already tried`, async () => {
    const school = await codeSchool(prisma);
    const phones = Array.from({ length: MEMBER_VALUES_PER_DAY }, () => freshPhone());
    for (const phone of phones) await issueCode(school.scope, bindPhone(school, phone));
    const error = await refusedWith(issueCode(school.scope, bindPhone(school, freshPhone())), "MEMBER_DAILY_VALUES_LIMIT");
    expect(error.messageIn("zh-CN")).toContain(`您今天已尝试了 ${MEMBER_VALUES_PER_DAY} 个不同的手机号或邮箱`);
    expect(error.messageIn("en")).toContain("until tomorrow");
    await waitOutResend(prisma, school);
    await expect(issueCode(school.scope, bindPhone(school, phones[0]!))).resolves.toBeDefined();
    // Another member of the school has a budget of their own.
    const [other] = await members(school, 1);
    await expect(issueCode(school.scope, bindPhone(school, freshPhone(), { memberId: other }))).resolves.toBeDefined();
  });
});

describe("client addresses", () => {
  it("students behind one campus NAT address (twice the old cap of 30) all get their codes with the default policy", async () => {
    const school = await codeSchool(prisma);
    const students = await members(school, 60);
    for (const memberId of students) {
      await issueCode(school.scope, bindPhone(school, freshPhone(), { memberId, ip: "203.0.113.50" }));
    }
    expect(await prisma.verificationCode.count({ where: { tenantId: school.tenantId, ip: "203.0.113.50" } })).toBe(60);
  });

  it("an IPv6 client is its /64: a new address inside it is not a new budget", async () => {
    const school = await codeSchool(prisma, { dailyCapPerAddress: 2 });
    const anonymous = (ip: string) => bindPhone(school, freshPhone(), { purpose: "RESET_PASSWORD", memberId: undefined, ip });
    await issueCode(school.scope, anonymous("2001:db8:77:1::1"));
    await issueCode(school.scope, anonymous("2001:db8:77:1:abcd::2"));
    await refusedWith(issueCode(school.scope, anonymous("2001:db8:77:1:ffff:ffff:ffff:fff3")), "CODE_ADDRESS_DAILY_LIMIT");
    await expect(issueCode(school.scope, anonymous("2001:db8:77:2::1"))).resolves.toBeDefined();
  });
});

describe("the school's daily budget of messages", () => {
  it("is shown to the back office at half, and at the whole stops every member with what to do", async () => {
    const school = await codeSchool(prisma);
    await prisma.codePolicy.update({ where: { tenantId: school.tenantId }, data: { dailyBudget: 100 } });
    await issueCode(school.scope, bindPhone(school, freshPhone()));
    expect((await schoolCodeBudget(school.scope)).school).toEqual({ sent: 1, budget: 100, level: "ok" });

    await schoolHasSent(prisma, school, 50);
    expect((await schoolCodeBudget(school.scope)).school).toEqual({ sent: 50, budget: 100, level: "warning" });
    const vendor = await platformCodeBudget(testPlatform(prisma, crypto.randomUUID()));
    expect(vendor.schools).toContainEqual(expect.objectContaining({ tenantId: school.tenantId, sent: 50, level: "warning" }));

    await schoolHasSent(prisma, school, 99);
    const [last, next] = await members(school, 2);
    await issueCode(school.scope, bindPhone(school, freshPhone(), { memberId: last }));
    const error = await refusedWith(
      issueCode(school.scope, bindPhone(school, freshPhone(), { memberId: next })),
      "CODE_SCHOOL_BUDGET_SPENT",
    );
    expect(error.messageIn("zh-CN")).toContain("请明天再试");
    expect(error.messageIn("zh-CN")).toContain("联系学校管理员");
    expect((await schoolCodeBudget(school.scope)).school).toEqual({ sent: 100, budget: 100, level: "spent" });
  });

  it("is the school's own: another school's members still get codes", async () => {
    const spent = await codeSchool(prisma);
    await prisma.codePolicy.update({ where: { tenantId: spent.tenantId }, data: { dailyBudget: 100 } });
    await schoolHasSent(prisma, spent, 100);
    await refusedWith(issueCode(spent.scope, bindPhone(spent, freshPhone())), "CODE_SCHOOL_BUDGET_SPENT");
    const other = await codeSchool(prisma);
    await expect(issueCode(other.scope, bindPhone(other, freshPhone()))).resolves.toBeDefined();
  });
});

describe("the platform's daily budget of messages", () => {
  it("stops every school once the platform's messages of the day are spent, and nothing is counted", async () => {
    const school = await codeSchool(prisma);
    // Today's platform count is at least this one message; a budget of one is spent by it.
    await issueCode(school.scope, bindPhone(school, freshPhone()));
    const before = (await schoolCodeBudget(school.scope)).school.sent;
    const policy = await codePolicy(school.scope);
    const send = {
      purpose: "BIND_PHONE" as const,
      tag: destinationTag(encryptionKey(), school.tenantId, freshPhone()),
      memberId: null,
      ip: null,
    };
    const error = await refusedWith(countSend(school.scope, policy, send, 1), "CODE_PLATFORM_BUDGET_SPENT");
    expect(error.messageIn("zh-CN")).toContain("请明天再试");
    expect((await schoolCodeBudget(school.scope)).school.sent).toBe(before);
  });
});
