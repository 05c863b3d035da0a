// 账号激活 of a candidate (auth/account-activation.ts, UESTC 附件一): the notice must be read; the identity
// check matches 考生号, 姓名, 证件类型 and 证件号码 against the directory and never says which was wrong
// nor whether the 考生号 exists, checks a resident ID's check digit first, and is throttled per 考生号
// and per ID number (not per address alone); the phone and the e-mail are confirmed by code; the
// password meets the rules and is stored with argon2id in one transaction with the phone, the address,
// the audit row and the WeCom sync; the state opens only at its own school; the routes answer 303s a
// browser without script follows, carrying the state in a cookie.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import {
  ACTIVATION_TTL_MS,
  checkActivationIdentity,
  completeActivation,
  confirmActivationCode,
  openActivation,
  sealActivation,
  sendActivationCode,
  startActivation,
  type ActivationState,
} from "~/server/auth/account-activation";
import { verifyPassword } from "~/server/auth/passwords";
import { encryptionKey } from "~/server/crypto/keys";
import { blindIndex, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { tenantScope, type TenantScope } from "~/server/scope";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { POST as start } from "~/app/(school)/activate/start/route";
import { POST as check } from "~/app/(school)/activate/identity/check/route";
import { POST as send } from "~/app/(school)/activate/send/route";
import { POST as confirm } from "~/app/(school)/activate/confirm/route";
import { POST as finish } from "~/app/(school)/activate/finish/route";
import { refusal, refusedWith } from "./codes/codes-kit";
import { makeTenant, testJobs, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const PASSWORD = "Activated-2026";
/** A resident ID with a right check digit (ISO 7064 MOD 11-2), and the same with a wrong one. */
const ID_NUMBER = "510104200405056780";
const ID_WRONG_CHECK = "510104200405056789";
/** Another well-formed resident ID (right check digit), someone else's. */
const OTHER_ID = "510104200406067895";

type Candidate = { school: TestTenant; id: string; account: string; name: string };

/** A UESTC-like school (its own login CAS) whose 考生 sign in at the built-in directory, with one candidate not activated yet. */
async function candidateSchool(options: { idNumber?: string; password?: string } = {}): Promise<Candidate> {
  const school = await makeTenant(prisma, { idpKind: "CAS" });
  const kind = await prisma.identityKind.create({
    data: { tenantId: school.tenantId, code: "candidate", nameZh: "考生", nameEn: "Candidates", providerKind: "BUILTIN" },
  });
  const id = randomUUID();
  const account = `K2026${randomBytes(3).toString("hex")}`;
  const idNumber = options.idNumber ?? ID_NUMBER;
  await prisma.member.create({
    data: {
      id,
      tenantId: school.tenantId,
      account,
      name: "陈七",
      identityKindId: kind.id,
      idType: "居民身份证",
      idNumberEnc: encryptSecret(idNumber, encryptionKey(), sealContext("Member", "idNumberEnc", id)),
      idNumberHash: blindIndex(idNumber, encryptionKey(), school.tenantId),
      passwordHash: options.password ?? null,
    },
  });
  return { school, id, account, name: "陈七" };
}

/** The school's scope as an anonymous visitor from `ip` (a campus NAT address by default). */
async function visitor(school: TestTenant, ip = "203.0.113.80"): Promise<TenantScope> {
  const tenant = await tenantContextById(prisma, school.tenantId);
  return tenantScope({ prisma, tenant, jobs: testJobs(), actor: { kind: "anonymous", ip } });
}

const started = (school: TestTenant): ActivationState => openActivation(school.tenantId, startActivation(school.tenantId, { read: "on" }));
const rightIdentity = (c: Candidate) => ({ account: c.account, name: c.name, idType: "居民身份证", idNumber: ID_NUMBER });
const freshPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

async function outboxCode(tenantId: string, destination: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { tenantId, destination },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return /验证码为 (\d+)/.exec(message.text)![1]!;
}

/** Through the identity check and both codes: the state of the password step. */
async function upToPassword(
  c: Candidate,
  scope: TenantScope,
  phone = freshPhone(),
  email = `c${randomBytes(3).toString("hex")}@example.com`,
) {
  let state = await checkActivationIdentity(scope, started(c.school), rightIdentity(c));
  state = (await sendActivationCode(scope, state, "PHONE", { value: phone })).state;
  state = await confirmActivationCode(scope, state, "PHONE", { code: await outboxCode(c.school.tenantId, `+86${phone}`) });
  state = (await sendActivationCode(scope, state, "EMAIL", { value: email })).state;
  state = await confirmActivationCode(scope, state, "EMAIL", { code: await outboxCode(c.school.tenantId, email) });
  return { state, phone, email };
}

describe("账号激活, step by step", () => {
  it("activates a candidate: identity, phone code, e-mail code, a password by the rules, written at once with its audit and WeCom sync", async () => {
    const c = await candidateSchool();
    const scope = await visitor(c.school);
    const { state, phone, email } = await upToPassword(c, scope);

    // Nothing is written before the last step.
    expect(await prisma.member.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ passwordHash: null, phone: null, email: null });
    // A password that breaks a rule is refused before anything is hashed or written.
    await expect(completeActivation(scope, state, { newPassword: "onlyletters", confirmPassword: "onlyletters" })).rejects.toThrow(
      "password.rule.mix",
    );
    await expect(completeActivation(scope, state, { newPassword: PASSWORD, confirmPassword: "Other-2026" })).rejects.toThrow(
      "password.rule.confirm",
    );

    const done = await completeActivation(scope, state, { newPassword: PASSWORD, confirmPassword: PASSWORD });
    expect(done).toMatchObject({ memberId: c.id, account: c.account });
    const member = await prisma.member.findUniqueOrThrow({ where: { id: c.id } });
    expect(member.passwordHash!.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(member.passwordHash!, PASSWORD)).toBe(true);
    expect(member).toMatchObject({ phone: `+86${phone}`, phoneDisplay: phone, email, mustChangePassword: false });
    expect(done.sessionVersion).toBe(member.sessionVersion);
    const audit = await prisma.auditLog.findFirst({ where: { tenantId: c.school.tenantId, action: "member.activation.completed" } });
    expect(audit).toMatchObject({ actorKind: "member", actorId: c.id, target: c.account });
    expect(JSON.stringify(audit!.detail)).not.toContain(phone);
    expect(await prisma.wecomJob.count({ where: { tenantId: c.school.tenantId, subject: c.id } })).toBeGreaterThan(0);

    // The state is of no more use: the account is activated.
    await refusedWith(
      completeActivation(scope, state, { newPassword: "Another-2026", confirmPassword: "Another-2026" }),
      "ACTIVATION_ALREADY_DONE",
    );
    expect(await verifyPassword((await prisma.member.findUniqueOrThrow({ where: { id: c.id } })).passwordHash!, PASSWORD)).toBe(true);
  });

  it("refuses to start without 「我已阅读激活须知」, and a state that skips a step, is altered or is older than 30 minutes", async () => {
    const c = await candidateSchool();
    const scope = await visitor(c.school);
    expect(() => startActivation(c.school.tenantId, {})).toThrow("ACTIVATION_NOTICE_UNREAD");
    const state = started(c.school);
    // At the identity step: no code can be asked and no password set.
    await refusedWith(sendActivationCode(scope, state, "PHONE", { value: freshPhone() }), "ACTIVATION_EXPIRED");
    await refusedWith(completeActivation(scope, state, { newPassword: PASSWORD, confirmPassword: PASSWORD }), "ACTIVATION_EXPIRED");
    const sealed = sealActivation(c.school.tenantId, state);
    expect(() => openActivation(c.school.tenantId, `${sealed.slice(0, -2)}AA`)).toThrow("ACTIVATION_EXPIRED");
    expect(() => openActivation(c.school.tenantId, sealed, Date.now() + ACTIVATION_TTL_MS + 1000)).toThrow("ACTIVATION_EXPIRED");
  });

  it("says a wrong code and its tries left, and confirms only the phone the code was sent to", async () => {
    const c = await candidateSchool();
    const scope = await visitor(c.school);
    let state = await checkActivationIdentity(scope, started(c.school), rightIdentity(c));
    state = (await sendActivationCode(scope, state, "PHONE", { value: freshPhone() })).state;
    const wrong = await refusedWith(confirmActivationCode(scope, state, "PHONE", { code: "000000" }), "CODE_WRONG");
    expect(wrong.vars.remaining).toBeGreaterThan(0);
    expect(state.phone?.confirmed).toBe(false);
  });

  it("refuses a phone another member holds before any code is sent", async () => {
    const c = await candidateSchool();
    const scope = await visitor(c.school);
    const state = await checkActivationIdentity(scope, started(c.school), rightIdentity(c));
    const taken = c.school.memberPhone.slice(3);
    await refusedWith(sendActivationCode(scope, state, "PHONE", { value: taken }), "PHONE_ALREADY_EXISTS");
    expect(await prisma.outboxMessage.count({ where: { destination: c.school.memberPhone } })).toBe(0);
  });
});

describe("账号激活's identity check", () => {
  it("answers every wrong combination alike, an unknown 考生号 included, and says nothing about which field", async () => {
    const c = await candidateSchool();
    const scope = await visitor(c.school);
    const tries = [
      { ...rightIdentity(c), name: "陈八" },
      { ...rightIdentity(c), idNumber: OTHER_ID },
      { ...rightIdentity(c), idType: "护照" },
      { ...rightIdentity(c), account: "K2026-nobody" },
    ];
    const answers = [];
    for (const input of tries) answers.push(await refusal(checkActivationIdentity(scope, started(c.school), input)));
    expect(answers.map((a) => a.code)).toEqual(Array(4).fill("ACTIVATION_IDENTITY_MISMATCH"));
    expect(new Set(answers.map((a) => JSON.stringify(a.vars))).size).toBe(1);
    // The name as typed with spaces around it still matches.
    const passed = await checkActivationIdentity(scope, started(c.school), { ...rightIdentity(c), name: " 陈七 " });
    expect(passed).toMatchObject({ memberId: c.id, account: c.account, kind: "candidate" });
  });

  it("checks a resident ID's check digit (GB 11643) with its own message, before the directory and without counting a try", async () => {
    const c = await candidateSchool();
    const scope = await visitor(c.school);
    await refusedWith(
      checkActivationIdentity(scope, started(c.school), { ...rightIdentity(c), idNumber: ID_WRONG_CHECK }),
      "ACTIVATION_ID_CHECK_DIGIT",
    );
    await refusedWith(
      checkActivationIdentity(scope, started(c.school), { ...rightIdentity(c), idNumber: ID_NUMBER.slice(0, 17) }),
      "ACTIVATION_ID_FORMAT",
    );
    expect(await prisma.rateLimit.count({ where: { key: { contains: c.account.toLowerCase() } } })).toBe(0);
    // A passport number is no resident ID: no check digit is asked of it.
    await refusedWith(
      checkActivationIdentity(scope, started(c.school), { ...rightIdentity(c), idType: "护照", idNumber: "E12345678" }),
      "ACTIVATION_IDENTITY_MISMATCH",
    );
  });

  it("stops a 考生号 after 5 wrong tries an hour, the right data too, while others behind the same address go on", async () => {
    const c = await candidateSchool();
    const neighbour = await candidateSchool();
    const scope = await visitor(c.school, "203.0.113.81");
    for (let i = 0; i < 5; i++) {
      await refusedWith(
        checkActivationIdentity(scope, started(c.school), { ...rightIdentity(c), name: `错${i}` }),
        "ACTIVATION_IDENTITY_MISMATCH",
      );
    }
    const limited = await refusedWith(checkActivationIdentity(scope, started(c.school), rightIdentity(c)), "RATE_LIMITED");
    expect(limited.vars.seconds).toBeGreaterThan(0);
    // Campus NAT: the same address is not shut for another candidate of the same school.
    const other = await checkActivationIdentity(
      await visitor(neighbour.school, "203.0.113.81"),
      started(neighbour.school),
      rightIdentity(neighbour),
    );
    expect(other.memberId).toBe(neighbour.id);
  });

  it("stops an ID number tried with 5 wrong 考生号 an hour, whoever's 考生号 comes next", async () => {
    const c = await candidateSchool();
    for (let i = 0; i < 5; i++) {
      const scope = await visitor(c.school, `198.51.100.${10 + i}`);
      await refusedWith(
        checkActivationIdentity(scope, started(c.school), { ...rightIdentity(c), account: `K-guess-${i}` }),
        "ACTIVATION_IDENTITY_MISMATCH",
      );
    }
    await refusedWith(
      checkActivationIdentity(await visitor(c.school, "198.51.100.99"), started(c.school), rightIdentity(c)),
      "RATE_LIMITED",
    );
  });

  it("tells an activated account to sign in, and a member of the school's CAS that there is nothing to activate, only once the identity matched", async () => {
    const activated = await candidateSchool({ password: "$argon2id$v=19$m=19456,t=2,p=1$x$y" });
    const scope = await visitor(activated.school);
    await refusedWith(
      checkActivationIdentity(scope, started(activated.school), { ...rightIdentity(activated), name: "别人" }),
      "ACTIVATION_IDENTITY_MISMATCH",
    );
    await refusedWith(checkActivationIdentity(scope, started(activated.school), rightIdentity(activated)), "ACTIVATION_ALREADY_DONE");

    const cas = await candidateSchool();
    await prisma.identityKind.updateMany({ where: { tenantId: cas.school.tenantId, code: "candidate" }, data: { providerKind: null } });
    await refusedWith(checkActivationIdentity(await visitor(cas.school), started(cas.school), rightIdentity(cas)), "ACTIVATION_NOT_NEEDED");
  });
});

describe("账号激活 between schools", () => {
  it("opens a state only at its own school, and finds a candidate only in their own school's directory", async () => {
    const a = await candidateSchool();
    const b = await candidateSchool();
    const sealed = startActivation(a.school.tenantId, { read: "on" });
    expect(() => openActivation(b.school.tenantId, sealed)).toThrow("ACTIVATION_EXPIRED");
    // A's candidate, typed at B (whose own candidate has the same name and ID number): no such 考生号 there.
    await refusedWith(
      checkActivationIdentity(await visitor(b.school), started(b.school), rightIdentity(a)),
      "ACTIVATION_IDENTITY_MISMATCH",
    );
  });
});

describe("the 账号激活 routes, as a browser without script posts them", () => {
  const post = (host: string, path: string, fields: Record<string, string>, cookie?: string, origin = `http://${host}`) =>
    new Request(`http://${host}${path}`, {
      method: "POST",
      headers: {
        host,
        origin,
        "content-type": "application/x-www-form-urlencoded",
        "x-client-address": "203.0.113.90",
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields),
    });
  /** The activation cookie a 303 set ("name=value"), or null when it cleared it. */
  const cookieOf = (response: Response) => {
    const set = response.headers.getSetCookie().find((c) => c.startsWith("activation="));
    const pair = set?.split(";")[0] ?? "";
    return pair === "activation=" ? null : pair;
  };
  const location = (response: Response) => new URL(response.headers.get("location")!, "http://x");

  it("goes notice → identity → phone → e-mail → password → done with 303s, the state in a cookie, then a session", async () => {
    const c = await candidateSchool();
    const host = c.school.host;
    const unread = await start(post(host, "/activate/start", { kind: "candidate" }));
    expect(unread.status).toBe(303);
    expect(location(unread).pathname).toBe("/activate");
    expect(location(unread).searchParams.get("error")).toBe("ACTIVATION_NOTICE_UNREAD");
    expect(location(unread).searchParams.get("kind")).toBe("candidate");

    const begun = await start(post(host, "/activate/start", { read: "on", kind: "candidate" }));
    expect(location(begun).pathname).toBe("/activate/identity");
    let cookie = cookieOf(begun)!;
    expect(begun.headers.getSetCookie()[0]).toMatch(/HttpOnly; SameSite=Lax/);

    const checked = await check(post(host, "/activate/identity/check", rightIdentity(c), cookie));
    expect(location(checked).pathname).toBe("/activate/phone");
    cookie = cookieOf(checked)!;

    const phone = freshPhone();
    const sent = await send(post(host, "/activate/send", { channel: "phone", value: phone }, cookie));
    expect(location(sent).pathname).toBe("/activate/phone");
    expect(sent.headers.get("location")).not.toContain(phone);
    cookie = cookieOf(sent)!;
    const phoneOk = await confirm(
      post(host, "/activate/confirm", { channel: "phone", code: await outboxCode(c.school.tenantId, `+86${phone}`) }, cookie),
    );
    expect(location(phoneOk).pathname).toBe("/activate/email");
    cookie = cookieOf(phoneOk)!;

    const email = `r${randomBytes(3).toString("hex")}@example.com`;
    cookie = cookieOf(await send(post(host, "/activate/send", { channel: "email", value: email }, cookie)))!;
    const emailOk = await confirm(
      post(host, "/activate/confirm", { channel: "email", code: await outboxCode(c.school.tenantId, email) }, cookie),
    );
    expect(location(emailOk).pathname).toBe("/activate/password");
    cookie = cookieOf(emailOk)!;

    const weak = await finish(post(host, "/activate/finish", { newPassword: "abc", confirmPassword: "abc" }, cookie));
    expect(location(weak).searchParams.get("rule")).toBe("password.rule.length");
    const forged = await finish(
      post(host, "/activate/finish", { newPassword: PASSWORD, confirmPassword: PASSWORD }, cookie, "http://evil.example"),
    );
    expect(location(forged).searchParams.get("error")).toBe("CROSS_SITE_REFUSED");

    const done = await finish(post(host, "/activate/finish", { newPassword: PASSWORD, confirmPassword: PASSWORD }, cookie));
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/activate/done");
    const cookies = done.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
    expect(cookieOf(done)).toBeNull();
    const member = await prisma.member.findUniqueOrThrow({ where: { id: c.id } });
    expect(await verifyPassword(member.passwordHash!, PASSWORD)).toBe(true);
  });

  it("starts over, saying why, when the state is missing or of another school", async () => {
    const a = await candidateSchool();
    const b = await candidateSchool();
    const cookie = cookieOf(await start(post(a.school.host, "/activate/start", { read: "on" })))!;
    for (const answer of [
      await check(post(b.school.host, "/activate/identity/check", rightIdentity(b), cookie)),
      await check(post(a.school.host, "/activate/identity/check", rightIdentity(a))),
    ]) {
      expect(answer.status).toBe(303);
      expect(location(answer).pathname).toBe("/activate");
      expect(location(answer).searchParams.get("error")).toBe("ACTIVATION_EXPIRED");
    }
    expect((await prisma.member.findUniqueOrThrow({ where: { id: b.id } })).passwordHash).toBeNull();
  });
});
