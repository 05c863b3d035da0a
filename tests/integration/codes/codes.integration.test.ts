// Issuing and checking verification codes against the real PostgreSQL: the policy's
// limits hold for every instance at once, only a keyed hash is stored, and each refusal
// is the catalogue's message that says what to do next.
import { afterAll, describe, expect, it } from "vitest";
import { issueCode } from "~/server/codes/issue-code";
import { outboxProvider } from "~/server/codes/providers/outbox";
import { DeliveryError, type CodeProviders, type SmsProvider } from "~/server/codes/providers/provider";
import { tencentSmsProvider } from "~/server/codes/providers/tencent-sms";
import { verifyCode, verifyCodeAndApply } from "~/server/codes/verify-code";
import { AppError } from "~/server/errors";
import { testPrisma } from "../support";
import { bindPhone, codeSchool, freshPhone, latestOutboxCode, refusal, refusedWith, sendAndRead, waitOutResend } from "./codes-kit";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(code.length, "0");

describe("issuing and checking a code", () => {
  it("sends six digits to the phone and accepts them once", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const issued = await issueCode(school.scope, bindPhone(school, phone));
    expect(issued).toMatchObject({ channel: "SMS", resendAfterSeconds: 60, ttlMinutes: 5 });
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(290_000);
    const code = await latestOutboxCode(prisma, school, phone);
    expect(code).toMatch(/^\d{6}$/);

    await expect(verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code })).resolves.toEqual(
      {
        codeId: issued.codeId,
        purpose: "BIND_PHONE",
        destination: phone,
        memberId: school.memberId,
      },
    );
    const again = await refusedWith(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code }),
      "CODE_ALREADY_USED",
    );
    expect(again.messageIn("zh-CN")).toBe("该验证码已使用过，如需再次验证请重新获取。");
  });

  it("accepts the code typed with full-width digits or spaces, as pasted from a message", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const typed = `${code.slice(0, 3)} ${[...code.slice(3)].map((d) => String.fromCharCode(0xff10 + Number(d))).join("")}`;
    await expect(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: typed }),
    ).resolves.toMatchObject({
      destination: phone,
    });
  });

  it("keeps the text in the outbox row, which is the delivery, in the member's language and with the school's name", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { tenantId: school.tenantId, destination: phone } });
    expect(row).toMatchObject({ channel: "SMS", purpose: "BIND_PHONE" });
    expect(row.text).toContain(code);
    expect(row.text).toContain(`【${school.scope.tenant.name}】`);
    expect(row.text).toContain("5 分钟内有效");
    expect(row.text).toContain("绑定手机号");
  });

  it("stores no plaintext code anywhere in the VerificationCode table, only its keyed hash", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { codeId, code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT (to_jsonb(v) - 'destination')::text AS row FROM "VerificationCode" v WHERE "tenantId" = $1::uuid`,
      school.tenantId,
    );
    expect(rows.length).toBe(1);
    expect(rows[0]!.row).not.toContain(code);
    const stored = await prisma.verificationCode.findUniqueOrThrow({ where: { id: codeId } });
    expect(stored.codeHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Nor can the database be told to keep one: the hash column takes only the hash's form.
    await expect(prisma.verificationCode.update({ where: { id: codeId }, data: { codeHash: code } })).rejects.toThrow();
  });

  it("never writes the code into a log line", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    await refusal(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: wrongCode(code) }),
    );
    await verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code });
    const log = school.logLines.join("");
    expect(log).toContain("codes.issued");
    expect(log).toContain("codes.verified");
    expect(log).not.toContain(code);
    expect(log).not.toContain(phone.slice(3));
  });

  it("sends a code to an e-mail address in lower case, and accepts it for that address whatever the case typed", async () => {
    const school = await codeSchool(prisma);
    const email = `Emma.${Math.random().toString(36).slice(2, 8)}@Example.EDU.cn`;
    await issueCode(school.scope, {
      purpose: "ACTIVATE_EMAIL",
      channel: "EMAIL",
      destination: email,
      memberId: school.memberId,
      ip: "203.0.113.7",
    });
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { tenantId: school.tenantId, channel: "EMAIL" } });
    expect(row.destination).toBe(email.toLowerCase());
    const code = /验证码为 (\d+)/.exec(row.text)![1]!;
    await expect(
      verifyCode(school.scope, { purpose: "ACTIVATE_EMAIL", destination: email.toUpperCase(), memberId: school.memberId, code }),
    ).resolves.toMatchObject({ destination: email.toLowerCase() });
  });

  it("refuses a purpose through a channel that does not confirm it (a phone is not confirmed by e-mail)", async () => {
    const school = await codeSchool(prisma);
    await expect(
      issueCode(school.scope, {
        purpose: "BIND_PHONE",
        channel: "EMAIL",
        destination: "a@example.edu.cn",
        memberId: school.memberId,
        ip: null,
      }),
    ).rejects.toThrow(/purpose is not confirmed/);
  });
});

describe("wrong codes", () => {
  it("count down the tries left, then lock the code even against the right one", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const attempt = (typed: string) =>
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: typed });
    for (const remaining of [4, 3, 2, 1]) {
      const error = await refusedWith(attempt(wrongCode(code)), "CODE_WRONG");
      expect(error.vars).toEqual({ remaining });
      expect(error.messageIn("zh-CN")).toBe(`验证码错误，还可尝试 ${remaining} 次。请核对最新收到的验证码。`);
    }
    const last = await refusedWith(attempt(wrongCode(code)), "CODE_TOO_MANY_ATTEMPTS");
    expect(last.messageIn("zh-CN")).toBe("验证码错误次数过多，该验证码已失效，请重新获取验证码。");
    expect(last.messageIn("en")).toBe("Too many wrong tries: this code no longer works. Please ask for a new code.");
    await refusedWith(attempt(code), "CODE_TOO_MANY_ATTEMPTS");
    expect((await prisma.verificationCode.findFirstOrThrow({ where: { tenantId: school.tenantId } })).attempts).toBe(5);
  });

  it("tried at the same moment are all counted, and no more than the limit ever are", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code, codeId } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const attempt = () =>
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: wrongCode(code) });

    const pair = await Promise.all([refusal(attempt()), refusal(attempt())]);
    expect(pair.map((e) => e.vars.remaining).sort()).toEqual([3, 4]);
    expect((await prisma.verificationCode.findUniqueOrThrow({ where: { id: codeId } })).attempts).toBe(2);

    const burst = await Promise.all(Array.from({ length: 8 }, () => refusal(attempt())));
    expect((await prisma.verificationCode.findUniqueOrThrow({ where: { id: codeId } })).attempts).toBe(5);
    expect(
      burst
        .filter((e) => e.code === "CODE_WRONG")
        .map((e) => e.vars.remaining)
        .sort(),
    ).toEqual([1, 2]);
    expect(burst.filter((e) => e.code === "CODE_TOO_MANY_ATTEMPTS")).toHaveLength(6);
  });
});

describe("right codes at the same moment", () => {
  it("succeed exactly once", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => (o.reason as AppError).code);
    expect(refused).toEqual(["CODE_ALREADY_USED", "CODE_ALREADY_USED", "CODE_ALREADY_USED", "CODE_ALREADY_USED"]);
  });

  it("commit the change they authorise with the code's use: a failed change leaves the code usable", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const input = { purpose: "BIND_PHONE" as const, destination: phone, memberId: school.memberId, code };
    await expect(
      verifyCodeAndApply(school.scope, input, () => Promise.reject(new AppError("PHONE_BOUND_TO_OTHER_ACCOUNT"))),
    ).rejects.toMatchObject({ code: "PHONE_BOUND_TO_OTHER_ACCOUNT" });
    const bound = await verifyCodeAndApply(school.scope, input, async (tx, verified) =>
      tx.member.update({ where: { id: school.memberId }, data: { phone: verified.destination }, select: { phone: true } }),
    );
    expect(bound.phone).toBe(phone);
  });
});

describe("expiry", () => {
  it("refuses a code past its lifetime and says to ask for a new one", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code, codeId } = await sendAndRead(prisma, school, bindPhone(school, phone));
    // Five minutes and a second later.
    await prisma.verificationCode.update({
      where: { id: codeId },
      data: { createdAt: new Date(Date.now() - 301_000), expiresAt: new Date(Date.now() - 1_000) },
    });
    const error = await refusedWith(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code }),
      "CODE_EXPIRED",
    );
    expect(error.messageIn("zh-CN")).toBe("验证码已过期，请重新获取。");
    // An expired code costs no try.
    expect((await prisma.verificationCode.findUniqueOrThrow({ where: { id: codeId } })).attempts).toBe(0);
  });

  it("keeps the lifetime and tries a code was sent with, whatever the policy says later", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { codeId } = await sendAndRead(prisma, school, bindPhone(school, phone));
    await prisma.codePolicy.update({ where: { tenantId: school.tenantId }, data: { maxAttempts: 1, ttlSeconds: 60 } });
    expect(await prisma.verificationCode.findUniqueOrThrow({ where: { id: codeId } })).toMatchObject({ maxAttempts: 5 });
  });
});

describe("resending", () => {
  it("is refused within the interval, saying how many seconds to wait", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    await issueCode(school.scope, bindPhone(school, phone));
    const error = await refusedWith(issueCode(school.scope, bindPhone(school, phone)), "CODE_RESEND_TOO_SOON");
    expect(Number(error.vars.seconds)).toBeGreaterThan(50);
    expect(Number(error.vars.seconds)).toBeLessThanOrEqual(60);
    expect(error.messageIn("zh-CN")).toBe(`请 ${error.vars.seconds} 秒后再获取验证码。`);
  });

  it("after the interval sends a new code, and the earlier one stops working", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const first = await sendAndRead(prisma, school, bindPhone(school, phone));
    await waitOutResend(prisma, school);
    const second = await sendAndRead(prisma, school, bindPhone(school, phone));
    expect((await prisma.verificationCode.findUniqueOrThrow({ where: { id: first.codeId } })).supersededAt).toBeInstanceOf(Date);
    if (first.code !== second.code) {
      await refusedWith(
        verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: first.code }),
        "CODE_WRONG",
      );
    }
    await expect(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: second.code }),
    ).resolves.toMatchObject({ codeId: second.codeId });
  });

  it("lets only one of two requests at the same moment through, on whichever instance", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const outcomes = await Promise.allSettled([
      issueCode(school.scope, bindPhone(school, phone)),
      issueCode(school.scope, bindPhone(school, phone)),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => (o.reason as AppError).code)).toEqual([
      "CODE_RESEND_TOO_SOON",
    ]);
    expect(await prisma.verificationCode.count({ where: { tenantId: school.tenantId } })).toBe(1);
  });
});

describe("daily caps", () => {
  it("per phone: refused once the day's codes are spent, saying to try tomorrow", async () => {
    const school = await codeSchool(prisma, { dailyCapPerDestination: 2 });
    const phone = freshPhone();
    await issueCode(school.scope, bindPhone(school, phone));
    await waitOutResend(prisma, school);
    await issueCode(school.scope, bindPhone(school, phone));
    await waitOutResend(prisma, school);
    const error = await refusedWith(issueCode(school.scope, bindPhone(school, phone)), "CODE_DAILY_LIMIT");
    expect(error.messageIn("zh-CN")).toBe("今日获取验证码次数已达上限，请明天再试。");
    // The cap is the phone's, whatever the purpose.
    await refusedWith(issueCode(school.scope, bindPhone(school, phone, { purpose: "CHANGE_PHONE" })), "CODE_DAILY_LIMIT");
  });

  it("per phone: requests at the same moment (other purposes, so no resend interval) pass no more than the cap", async () => {
    const school = await codeSchool(prisma, { dailyCapPerDestination: 3 });
    const phone = freshPhone();
    const purposes = ["BIND_PHONE", "CHANGE_PHONE", "ACTIVATE_PHONE", "RESET_PASSWORD"] as const;
    const outcomes = await Promise.allSettled(purposes.map((purpose) => issueCode(school.scope, bindPhone(school, phone, { purpose }))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    expect(((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason as AppError).code).toBe("CODE_DAILY_LIMIT");
  });

  it("per client address: refused once the address's codes are spent, even to other phones", async () => {
    const school = await codeSchool(prisma, { dailyCapPerAddress: 3 });
    // Before sign-in (a forgotten password), where the address is the brake.
    const anonymous = (phone: string, ip: string) => bindPhone(school, phone, { purpose: "RESET_PASSWORD", memberId: undefined, ip });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => issueCode(school.scope, anonymous(freshPhone(), "198.51.100.9"))),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const error = (outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason as AppError;
    expect(error.code).toBe("CODE_ADDRESS_DAILY_LIMIT");
    expect(error.messageIn("zh-CN")).toContain("改用手机流量");
    // Another address of the same school is not affected.
    await expect(issueCode(school.scope, anonymous(freshPhone(), "198.51.100.10"))).resolves.toBeDefined();
  });

  it("a request a later cap refuses leaves the earlier counters as they were", async () => {
    const school = await codeSchool(prisma, { dailyCapPerAddress: 1 });
    const phone = freshPhone();
    await issueCode(school.scope, bindPhone(school, freshPhone(), { ip: "198.51.100.20" }));
    await refusedWith(issueCode(school.scope, bindPhone(school, phone, { ip: "198.51.100.20" })), "CODE_ADDRESS_DAILY_LIMIT");
    // Had the refused request spent the phone's resend interval, this would be CODE_RESEND_TOO_SOON.
    await expect(issueCode(school.scope, bindPhone(school, phone, { ip: "198.51.100.21" }))).resolves.toBeDefined();
  });
});

describe("schools and members", () => {
  it("a code of school A never verifies on school B, not even with A's hash copied over", async () => {
    const a = await codeSchool(prisma);
    const b = await codeSchool(prisma);
    const phone = freshPhone();
    const { code, codeId } = await sendAndRead(prisma, a, bindPhone(a, phone, { memberId: undefined, purpose: "RESET_PASSWORD" }));
    const input = { purpose: "RESET_PASSWORD" as const, destination: phone, code };
    await refusedWith(verifyCode(b.scope, input), "CODE_NOT_REQUESTED");

    const stolen = await prisma.verificationCode.findUniqueOrThrow({ where: { id: codeId } });
    await prisma.verificationCode.create({
      data: { ...stolen, id: crypto.randomUUID(), tenantId: b.tenantId, memberId: null, createdAt: new Date() },
    });
    await refusedWith(verifyCode(b.scope, input), "CODE_WRONG");
    await expect(verifyCode(a.scope, input)).resolves.toMatchObject({ codeId });
  });

  it("a member's code is not another member's, nor a code without a member", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { code } = await sendAndRead(prisma, school, bindPhone(school, phone));
    await refusedWith(verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, code }), "CODE_NOT_REQUESTED");
    await refusedWith(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: crypto.randomUUID(), code }),
      "CODE_NOT_REQUESTED",
    );
    await refusedWith(
      verifyCode(school.scope, { purpose: "CHANGE_PHONE", destination: phone, memberId: school.memberId, code }),
      "CODE_NOT_REQUESTED",
    );
  });

  it("the database keeps one live code per purpose, phone and member, however it is written", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const { codeId } = await sendAndRead(prisma, school, bindPhone(school, phone));
    const live = await prisma.verificationCode.findUniqueOrThrow({ where: { id: codeId } });
    await expect(prisma.verificationCode.create({ data: { ...live, id: crypto.randomUUID() } })).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("foreign numbers", () => {
  // The bind page refuses them first; issueCode refuses them again, so no other caller can send abroad unchecked.
  it("sends nothing abroad for a school that takes no foreign numbers, and only to the countries a school lists", async () => {
    const school = await codeSchool(prisma);
    const refused = await refusedWith(issueCode(school.scope, bindPhone(school, "+85291234567")), "PHONE_FOREIGN_NOT_ALLOWED");
    expect(refused.messageIn("zh-CN")).toContain("只接受大陆手机号");
    await prisma.phonePolicy.update({ where: { tenantId: school.tenantId }, data: { allowForeign: true, allowedCountryCodes: ["852"] } });
    await expect(issueCode(school.scope, bindPhone(school, "+85291234567"))).resolves.toBeDefined();
    const outside = await refusedWith(issueCode(school.scope, bindPhone(school, "+447700900123")), "PHONE_COUNTRY_NOT_ALLOWED");
    expect(outside.messageIn("zh-CN")).toContain("+852");
    expect(await prisma.outboxMessage.count({ where: { tenantId: school.tenantId } })).toBe(1);
  });
});

describe("delivery", () => {
  const refusing = (outcome: "not-sent" | "unknown", sent: string[] = []): CodeProviders => ({
    email: null,
    sms: {
      name: "tencent",
      cannotReach: () => null,
      sendSms: (_scope, message) => {
        sent.push(message.code);
        return Promise.reject(new DeliveryError(new AppError("CODE_PHONE_BLOCKED"), outcome, "FailedOperation.PhoneNumberInBlacklist"));
      },
    } satisfies SmsProvider,
  });

  it("a message the provider refused leaves no usable code, and the member gets the provider's reason as ours", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const sent: string[] = [];
    const error = await refusedWith(issueCode(school.scope, bindPhone(school, phone), refusing("not-sent", sent)), "CODE_PHONE_BLOCKED");
    expect(error.messageIn("en")).toContain("cannot receive text messages");
    await refusedWith(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: sent[0]! }),
      "CODE_NOT_REQUESTED",
    );
  });

  it("a message that may have gone out (a timeout) keeps its code usable and says so", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const sent: string[] = [];
    const error = await refusedWith(
      issueCode(school.scope, bindPhone(school, phone), refusing("unknown", sent)),
      "CODE_DELIVERY_UNCERTAIN",
    );
    expect(error.messageIn("zh-CN")).toBe("验证码可能未能送达：如已收到请直接输入；如未收到，请 60 秒后重新获取。");
    await expect(
      verifyCode(school.scope, { purpose: "BIND_PHONE", destination: phone, memberId: school.memberId, code: sent[0]! }),
    ).resolves.toBeDefined();
  });

  it("with no provider set up, says so and counts nothing", async () => {
    const school = await codeSchool(prisma);
    const phone = freshPhone();
    const error = await refusedWith(
      issueCode(school.scope, bindPhone(school, phone), { sms: null, email: null }),
      "CODE_SMS_NOT_CONFIGURED",
    );
    expect(error.messageIn("zh-CN")).toContain("平台尚未开通短信验证码服务");
    await expect(issueCode(school.scope, bindPhone(school, phone), { sms: outboxProvider, email: null })).resolves.toBeDefined();
  });

  it("sends through Tencent Cloud SMS with a foreign number in E.164 and writes nothing to the outbox", async () => {
    const school = await codeSchool(prisma);
    await prisma.phonePolicy.update({ where: { tenantId: school.tenantId }, data: { allowForeign: true, allowedCountryCodes: ["852"] } });
    const bodies: unknown[] = [];
    const fetch: typeof globalThis.fetch = (_url, init) => {
      bodies.push(JSON.parse(typeof init?.body === "string" ? init.body : "null"));
      return Promise.resolve(
        new Response(JSON.stringify({ Response: { RequestId: "r", SendStatusSet: [{ PhoneNumber: "+85291234567", Code: "Ok" }] } })),
      );
    };
    const tencent = tencentSmsProvider(
      {
        secretId: "AKIDtest0000",
        secretKey: "k".repeat(32),
        sdkAppId: "1400006666",
        signName: "示范大学",
        templateId: "1",
        intlTemplateId: "2",
        region: "ap-guangzhou",
      },
      { fetch },
    );
    // The member typed 0085291234567; the journey hands over +85291234567 (members/phone.ts).
    await issueCode(school.scope, bindPhone(school, "+85291234567"), { sms: tencent, email: null });
    expect(bodies).toEqual([
      {
        PhoneNumberSet: ["+85291234567"],
        SmsSdkAppId: "1400006666",
        TemplateId: "2",
        TemplateParamSet: [expect.stringMatching(/^\d{6}$/), "5"],
      },
    ]);
    expect(await prisma.outboxMessage.count({ where: { tenantId: school.tenantId } })).toBe(0);
  });

  it("a phone the provider cannot reach is refused before anything is counted", async () => {
    const school = await codeSchool(prisma);
    await prisma.phonePolicy.update({ where: { tenantId: school.tenantId }, data: { allowForeign: true, allowedCountryCodes: ["852"] } });
    const tencent = tencentSmsProvider({
      secretId: "AKIDtest0000",
      secretKey: "k".repeat(32),
      sdkAppId: "1400006666",
      signName: "示范大学",
      templateId: "1",
      intlTemplateId: null,
      region: "ap-guangzhou",
    });
    await refusedWith(
      issueCode(school.scope, bindPhone(school, "+85291234567"), { sms: tencent, email: null }),
      "CODE_FOREIGN_PHONE_UNSUPPORTED",
    );
    expect(await prisma.verificationCode.count({ where: { tenantId: school.tenantId } })).toBe(0);
    await expect(issueCode(school.scope, bindPhone(school, "+85291234567"))).resolves.toBeDefined();
  });
});
