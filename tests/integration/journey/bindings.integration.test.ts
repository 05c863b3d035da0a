// Binding a phone (issue 9 §3): each rule of the manuals with its error, the code that confirms a
// new phone, the helpdesk case of 「手机号码已存在」, and the database deciding between two members
// who bind one phone at the same moment.
import { afterAll, describe, expect, it } from "vitest";
import { bindPhone, requestBindingCode } from "~/server/bindings/bind-phone";
import { listHelpdeskCases, resolveHelpdeskCase, sendBindingCaseToHelpdesk } from "~/server/helpdesk/cases";
import { journeyState } from "~/server/journey/journey-state";
import { refusedWith } from "../codes/codes-kit";
import { testPrisma, testScope } from "../support";
import { addMember, freshPhone, jobsOf, journeySchool, outboxCode } from "./journey-kit";
import { MEMBER_VALUES_PER_DAY } from "~/server/codes/member-values";
import { createMember, updateMember } from "~/server/members/manage-members";
import { updatePhonePolicy } from "~/server/members/phone-policy";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const memberRow = (id: string) =>
  prisma.member.findUniqueOrThrow({ where: { id }, select: { phone: true, phoneDisplay: true, email: true, binding: true } });

describe("the bind page's 「您当前的手机号」", () => {
  it("keeps the directory's phone with one 【下一步】: no code, bound, synced to WeCom and watched for the follow", async () => {
    const school = await journeySchool(prisma);
    const scope = await school.as(school.memberId);
    const before = await memberRow(school.memberId);
    await expect(bindPhone(scope, { value: before.phoneDisplay! })).resolves.toEqual({
      status: "bound",
      channel: "PHONE",
      display: before.phoneDisplay,
    });
    const after = await memberRow(school.memberId);
    expect(after.binding).toMatchObject({ channel: "PHONE", value: before.phone, confirmedBy: "DIRECTORY" });
    expect(await prisma.outboxMessage.count({ where: { tenantId: school.tenantId } })).toBe(0);
    expect(await jobsOf(prisma, school.tenantId, school.memberId)).toEqual(
      expect.arrayContaining(["wecom-sync:member.upsert", "wecom-status:member.watch"]),
    );
    expect((await journeyState(scope)).step).toBe("syncing");
  });

  it("confirms a new phone with the SMS code before binding it, and shows it back as typed", async () => {
    const school = await journeySchool(prisma);
    const scope = await school.as(school.memberId);
    const phone = freshPhone();
    const sent = await bindPhone(scope, { value: phone.typed });
    expect(sent).toMatchObject({ status: "codeSent", channel: "PHONE", to: phone.typed, ttlMinutes: 5 });
    // Not bound until the code is in.
    expect((await memberRow(school.memberId)).binding).toBeNull();
    const code = await outboxCode(prisma, school.tenantId, phone.e164);
    await refusedWith(bindPhone(scope, { value: phone.typed, code: code === "000000" ? "111111" : "000000" }), "CODE_WRONG");
    await expect(bindPhone(scope, { value: phone.typed, code })).resolves.toMatchObject({ status: "bound", display: phone.typed });
    const after = await memberRow(school.memberId);
    expect(after).toMatchObject({ phone: phone.e164, phoneDisplay: phone.typed, binding: { value: phone.e164, confirmedBy: "CODE" } });
    // The code is used up with the binding.
    expect(await prisma.verificationCode.count({ where: { tenantId: school.tenantId, consumedAt: { not: null } } })).toBe(1);
  });

  it("takes a foreign number typed with 00 (UCAS FAQ 9): E.164 stored, 00… shown; refused where the school takes mainland numbers only", async () => {
    const school = await journeySchool(prisma, { confirmNewByCode: false, allowForeign: true, allowedCountryCodes: ["852"] });
    const scope = await school.as(school.memberId);
    const foreign = `00852912${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
    await expect(bindPhone(scope, { value: foreign })).resolves.toMatchObject({ status: "bound", display: foreign });
    expect(await memberRow(school.memberId)).toMatchObject({ phone: `+${foreign.slice(2)}`, phoneDisplay: foreign });
    const mainlandOnly = await journeySchool(prisma);
    await refusedWith(bindPhone(await mainlandOnly.as(mainlandOnly.memberId), { value: "0085291234567" }), "PHONE_FOREIGN_NOT_ALLOWED");
    await refusedWith(bindPhone(scope, { value: "1380000" }), "PHONE_INVALID");
    await refusedWith(bindPhone(scope, { value: "12800000000" }), "PHONE_INVALID");
  });

  it("offers an e-mail address instead only where the school allows it, confirmed by an e-mail code", async () => {
    const phoneOnly = await journeySchool(prisma);
    await refusedWith(bindPhone(await phoneOnly.as(phoneOnly.memberId), { value: "me@example.edu.cn" }), "EMAIL_BINDING_NOT_ALLOWED");
    const school = await journeySchool(prisma, { allowEmail: true });
    const scope = await school.as(school.memberId);
    const address = `s${Date.now()}@Example.EDU.cn`;
    await expect(bindPhone(scope, { value: address })).resolves.toMatchObject({ status: "codeSent", channel: "EMAIL" });
    const code = await outboxCode(prisma, school.tenantId, address.toLowerCase());
    await expect(bindPhone(scope, { value: address, code })).resolves.toMatchObject({ status: "bound", channel: "EMAIL" });
    expect(await memberRow(school.memberId)).toMatchObject({ email: address.toLowerCase(), binding: { channel: "EMAIL" } });
    const other = await addMember(prisma, school);
    await refusedWith(bindPhone(await school.as(other.id), { value: address }), "EMAIL_ALREADY_EXISTS");
    await refusedWith(bindPhone(scope, { value: "not-an-address@" }), "EMAIL_INVALID");
  });
});

describe("the manuals' errors, each before any code is sent", () => {
  it("「手机号已绑定其他账号」 (SUES 2.1): another member bound this phone", async () => {
    const school = await journeySchool(prisma);
    const phone = freshPhone();
    await addMember(prisma, school, { phone: phone.e164, bound: true });
    const scope = await school.as(school.memberId);
    await refusedWith(bindPhone(scope, { value: phone.typed }), "PHONE_BOUND_TO_OTHER_ACCOUNT");
    await refusedWith(requestBindingCode(scope, { value: phone.typed }), "PHONE_BOUND_TO_OTHER_ACCOUNT");
    expect(await prisma.outboxMessage.count({ where: { tenantId: school.tenantId } })).toBe(0);
  });

  it("「账号已被其他手机号绑定」 (SUES 2.2): the member already follows with another phone; the same phone still passes", async () => {
    const school = await journeySchool(prisma);
    await prisma.memberWecom.create({
      data: {
        tenantId: school.tenantId,
        memberId: school.memberId,
        state: "ACTIVATED",
        stateAt: new Date(),
        stateSource: "CALLBACK",
        writtenAt: new Date(),
      },
    });
    const scope = await school.as(school.memberId);
    await refusedWith(bindPhone(scope, { value: freshPhone().typed }), "ACCOUNT_BOUND_TO_OTHER_PHONE");
    await expect(bindPhone(scope, { value: school.memberPhone.slice(3) })).resolves.toMatchObject({ status: "bound" });
  });

  it("「手机号码已存在」 (UCAS 13): on someone's directory entry, or on the member's own old account", async () => {
    const school = await journeySchool(prisma);
    const imported = freshPhone();
    await addMember(prisma, school, { phone: imported.e164 });
    const scope = await school.as(school.memberId);
    await refusedWith(bindPhone(scope, { value: imported.typed }), "PHONE_ALREADY_EXISTS");
    // The same person's earlier account (one ID number) bound it: still only an admin may move it.
    await prisma.member.update({ where: { id: school.memberId }, data: { idNumberHash: "same-person" } });
    const old = freshPhone();
    await addMember(prisma, school, { phone: old.e164, bound: true, idNumberHash: "same-person" });
    await refusedWith(bindPhone(scope, { value: old.typed }), "PHONE_ALREADY_EXISTS");
  });

  it("a binding whose phone an admin has since moved no longer counts", async () => {
    const school = await journeySchool(prisma, { confirmNewByCode: false });
    const phone = freshPhone();
    const earlier = await addMember(prisma, school, { phone: phone.e164, bound: true });
    // The admin moves the phone off the earlier account (UCAS 13's fix).
    await prisma.member.update({ where: { id: earlier.id }, data: { phone: null, phoneDisplay: null } });
    await expect(bindPhone(await school.as(school.memberId), { value: phone.typed })).resolves.toMatchObject({ status: "bound" });
    expect(
      await prisma.phoneBinding.findMany({ where: { tenantId: school.tenantId, value: phone.e164 }, select: { memberId: true } }),
    ).toEqual([{ memberId: school.memberId }]);
  });
});

describe("two members binding one phone at once", () => {
  it("exactly one wins, and the other is told the phone is bound to another account", async () => {
    const school = await journeySchool(prisma, { confirmNewByCode: false });
    const phone = freshPhone();
    for (let round = 0; round < 5; round++) {
      const contested = round === 0 ? phone : freshPhone();
      const members = await Promise.all([addMember(prisma, school), addMember(prisma, school), addMember(prisma, school)]);
      const outcomes = await Promise.allSettled(members.map(async (m) => bindPhone(await school.as(m.id), { value: contested.typed })));
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      for (const lost of outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected"))
        expect(lost.reason).toMatchObject({ code: "PHONE_BOUND_TO_OTHER_ACCOUNT" });
      expect(await prisma.member.count({ where: { tenantId: school.tenantId, phone: contested.e164 } })).toBe(1);
      expect(await prisma.phoneBinding.count({ where: { tenantId: school.tenantId, value: contested.e164 } })).toBe(1);
    }
  });

  it("also when both confirm their codes at the same moment", async () => {
    const school = await journeySchool(prisma);
    const phone = freshPhone();
    const members = await Promise.all([addMember(prisma, school), addMember(prisma, school)]);
    const codes: string[] = [];
    for (const m of members) {
      await bindPhone(await school.as(m.id), { value: phone.typed });
      const row = await prisma.outboxMessage.findFirstOrThrow({
        where: { tenantId: school.tenantId, destination: phone.e164 },
        orderBy: { createdAt: "desc" },
      });
      codes.push(/验证码为 (\d+)/.exec(row.text)![1]!);
      // The second member's code is a separate one (per member), so the first stays live.
      await prisma.$executeRawUnsafe(
        `UPDATE "RateLimit" SET "expiresAt" = now() - interval '1 second' WHERE key LIKE $1`,
        `codes:resend:${school.tenantId}:%`,
      );
    }
    const outcomes = await Promise.allSettled(
      members.map(async (m, i) => bindPhone(await school.as(m.id), { value: phone.typed, code: codes[i] })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "PHONE_BOUND_TO_OTHER_ACCOUNT" } });
    // The loser's code was not used up: nothing was bound with it.
    expect(await prisma.verificationCode.count({ where: { tenantId: school.tenantId, consumedAt: { not: null } } })).toBe(1);
  });
});

describe("「手机号码已存在」 → the helpdesk", () => {
  it("records the case with what the product found, once, lists it in the back office and closes it", async () => {
    const school = await journeySchool(prisma);
    const phone = freshPhone();
    const holder = await addMember(prisma, school, { phone: phone.e164 });
    const scope = await school.as(school.memberId);
    await expect(sendBindingCaseToHelpdesk(scope, { value: phone.typed, note: "这是我的手机号" })).resolves.toEqual({ status: "sent" });
    await expect(sendBindingCaseToHelpdesk(scope, { value: phone.typed, note: "" })).resolves.toEqual({ status: "alreadyOpen" });
    const admin = await testScope(prisma, school.tenantId);
    const open = (await listHelpdeskCases(admin, { status: "OPEN", take: 100 })).filter((c) => c.valueDisplay === phone.typed);
    expect(open).toEqual([
      expect.objectContaining({
        kind: "PHONE_ALREADY_EXISTS",
        valueDisplay: phone.typed,
        note: "这是我的手机号",
        findings: {
          refusal: "PHONE_ALREADY_EXISTS",
          holderAccount: holder.account,
          holderSamePerson: false,
          holderBound: false,
          holderWecomState: null,
        },
      }),
    ]);
    expect(open[0]!.member.account).toBe(school.memberAccount);
    await expect(resolveHelpdeskCase(admin, { caseId: open[0]!.id })).resolves.toMatchObject({ status: "RESOLVED" });
    expect((await listHelpdeskCases(admin, { status: "OPEN", take: 100 })).some((c) => c.id === open[0]!.id)).toBe(false);
    const audit = await prisma.auditLog.findMany({
      where: { tenantId: school.tenantId, action: { startsWith: "helpdesk." } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["helpdesk.case.opened", "helpdesk.case.resolved"]);
  });

  it("answers alike whether anyone holds the phone, and tells the helpdesk what it found", async () => {
    const school = await journeySchool(prisma);
    const scope = await school.as(school.memberId);
    const free = freshPhone();
    const held = freshPhone();
    const bound = freshPhone();
    await addMember(prisma, school, { phone: held.e164 });
    const holder = await addMember(prisma, school, { phone: bound.e164, bound: true });
    for (const phone of [free, held, bound]) {
      await expect(sendBindingCaseToHelpdesk(scope, { value: phone.typed, note: "" })).resolves.toEqual({ status: "sent" });
    }
    const admin = await testScope(prisma, school.tenantId);
    const cases = await listHelpdeskCases(admin, { status: "OPEN", take: 100 });
    const findings = (phone: { typed: string }) => cases.find((c) => c.valueDisplay === phone.typed)?.findings;
    expect(findings(free)).toMatchObject({ refusal: null, holderAccount: null });
    expect(findings(bound)).toMatchObject({ refusal: "PHONE_BOUND_TO_OTHER_ACCOUNT", holderAccount: holder.account, holderBound: true });
  });

  it("keeps one school's cases from another's back office", async () => {
    const a = await journeySchool(prisma);
    const b = await journeySchool(prisma);
    const adminOfA = await testScope(prisma, a.tenantId);
    expect((await listHelpdeskCases(adminOfA, { status: "OPEN", take: 200 })).some((c) => c.id === b.helpdeskCaseId)).toBe(false);
    await refusedWith(resolveHelpdeskCase(adminOfA, { caseId: b.helpdeskCaseId }), "NOT_FOUND");
    expect(await prisma.helpdeskCase.findUniqueOrThrow({ where: { id: b.helpdeskCaseId } })).toMatchObject({ status: "OPEN" });
  });
});

describe("foreign numbers (SMS pumping)", () => {
  it("are off for a new school; the member's own directory number is still kept", async () => {
    const school = await journeySchool(prisma, { confirmNewByCode: false });
    const scope = await school.as(school.memberId);
    const error = await refusedWith(bindPhone(scope, { value: "0085291234567" }), "PHONE_FOREIGN_NOT_ALLOWED");
    expect(error.messageIn("zh-CN")).toContain("本校只接受大陆手机号");
    // The directory holds a foreign number for the member: keeping it sends no code.
    const own = `00852912${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
    await prisma.member.update({ where: { id: school.memberId }, data: { phone: `+${own.slice(2)}`, phoneDisplay: own } });
    await expect(bindPhone(scope, { value: own })).resolves.toMatchObject({ status: "bound", display: own });
  });

  it("turned on, come from Hong Kong, Macao and Taiwan unless the school lists others, and a number of another country says which", async () => {
    const school = await journeySchool(prisma);
    const admin = await testScope(prisma, school.tenantId);
    await expect(updatePhonePolicy(admin, { allowForeign: true, requireWechatMatch: false })).resolves.toMatchObject({
      allowForeign: true,
      allowedCountryCodes: ["852", "853", "886"],
    });
    const scope = await school.as(school.memberId);
    await expect(bindPhone(scope, { value: "0085291234567" })).resolves.toMatchObject({ status: "codeSent" });
    const error = await refusedWith(bindPhone(scope, { value: "0012025550123" }), "PHONE_COUNTRY_NOT_ALLOWED");
    expect(error.messageIn("zh-CN")).toContain("+852、+853、+886");
    await updatePhonePolicy(admin, { allowForeign: true, requireWechatMatch: false, allowedCountryCodes: ["852", "+1", "00853"] });
    await expect(bindPhone(scope, { value: "0012025550123" })).resolves.toMatchObject({ status: "codeSent" });
    await expect(
      updatePhonePolicy(admin, { allowForeign: true, requireWechatMatch: false, allowedCountryCodes: ["86"] }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      updatePhonePolicy(admin, { allowForeign: true, requireWechatMatch: false, allowedCountryCodes: ["abc"] }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("the directory is no oracle", () => {
  it(`a member learns whether at most ${MEMBER_VALUES_PER_DAY} phones a day are taken; then every new one is refused alike`, async () => {
    const school = await journeySchool(prisma);
    const scope = await school.as(school.memberId);
    const taken = Array.from({ length: MEMBER_VALUES_PER_DAY + 1 }, () => freshPhone());
    for (const phone of taken) await addMember(prisma, school, { phone: phone.e164 });
    for (const phone of taken.slice(0, MEMBER_VALUES_PER_DAY)) {
      await refusedWith(bindPhone(scope, { value: phone.typed }), "PHONE_ALREADY_EXISTS");
    }
    // The next taken phone and a free one get the same answer: nothing is said about either.
    const limited = await refusedWith(bindPhone(scope, { value: taken.at(-1)!.typed }), "MEMBER_DAILY_VALUES_LIMIT");
    expect(limited.messageIn("zh-CN")).toContain("请明天再试");
    await refusedWith(requestBindingCode(scope, { value: freshPhone().typed }), "MEMBER_DAILY_VALUES_LIMIT");
    await refusedWith(sendBindingCaseToHelpdesk(scope, { value: freshPhone().typed, note: "" }), "MEMBER_DAILY_VALUES_LIMIT");
    // A phone already asked about still gets its answer, and its helpdesk case can still be sent.
    await refusedWith(bindPhone(scope, { value: taken[0]!.typed }), "PHONE_ALREADY_EXISTS");
    await expect(sendBindingCaseToHelpdesk(scope, { value: taken[0]!.typed, note: "" })).resolves.toEqual({ status: "sent" });
    // The member's own directory phone is no lookup: it binds whatever the day's count.
    await expect(bindPhone(scope, { value: school.memberPhone.slice(3) })).resolves.toMatchObject({ status: "bound" });
  });

  it("audits each refusal with the number masked", async () => {
    const school = await journeySchool(prisma);
    const phone = freshPhone();
    await addMember(prisma, school, { phone: phone.e164, bound: true });
    await refusedWith(bindPhone(await school.as(school.memberId), { value: phone.typed }), "PHONE_BOUND_TO_OTHER_ACCOUNT");
    const rows = await prisma.auditLog.findMany({ where: { tenantId: school.tenantId, action: "member.binding.refused" } });
    expect(rows).toEqual([
      expect.objectContaining({
        actorKind: "member",
        actorId: school.memberId,
        ip: "203.0.113.9",
        target: `${phone.typed.slice(0, 3)}****${phone.typed.slice(-4)}`,
        detail: { refusal: "PHONE_BOUND_TO_OTHER_ACCOUNT", channel: "PHONE" },
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(phone.typed);
  });
});

describe("one directory e-mail address per member", () => {
  it("the back office is refused a second member with the same address, whatever its case, naming the field", async () => {
    const school = await journeySchool(prisma);
    const admin = await testScope(prisma, school.tenantId);
    const address = `dup${Date.now()}@example.edu.cn`;
    const fields = { name: "张三", identityKindCode: "student_staff", department: "", phone: "" };
    await createMember(admin, { ...fields, account: `E${Date.now()}a`, email: address });
    const error = await refusedWith(
      createMember(admin, { ...fields, account: `E${Date.now()}b`, email: address.toUpperCase() }),
      "EMAIL_ALREADY_EXISTS",
    );
    expect(error.messageIn("zh-CN")).toContain("邮箱");
    expect(error.messageIn("en")).toContain("email address");
    const other = await addMember(prisma, school);
    await refusedWith(updateMember(admin, { memberId: other.id, email: ` ${address.toUpperCase()} ` }), "EMAIL_ALREADY_EXISTS");
    // The database holds it for every path that writes members; another school may use the address.
    await expect(prisma.member.update({ where: { id: other.id }, data: { email: address.replace("dup", "DUP") } })).rejects.toMatchObject({
      code: "P2002",
    });
    const elsewhere = await journeySchool(prisma);
    await expect(addMember(prisma, elsewhere, { email: address })).resolves.toBeDefined();
  });
});
