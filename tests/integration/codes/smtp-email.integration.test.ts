// E-mail codes through a real SMTP conversation: an SMTP server in this process (smtp-server)
// receives what the product sends through nodemailer, and mailparser reads it back. The code
// arrives to the right address, from SMTP_FROM under the school's name, with the subject and
// text in the member's language; a server that refuses, is down or goes silent gives the
// member the catalogue's refusal, and neither the code nor the password reaches the log.
import { createServer, type Server, type Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { requestPasswordReset } from "~/server/auth/forgot-password";
import { issueCode, type IssueCodeInput } from "~/server/codes/issue-code";
import { smtpEmailProvider } from "~/server/codes/providers/smtp-email";
import { verifyCode } from "~/server/codes/verify-code";
import { tenantScope } from "~/server/scope";
import { testPrisma } from "../support";
import { codeSchool, refusedWith, type CodeSchool } from "./codes-kit";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const USER = "mailer";
const PASSWORD = "s3cret/with:odd@chars";
const FROM = "noreply@campus.example.com";

type Received = { envelopeTo: string[]; mail: ParsedMail };
type Refuse = { at: "rcpt" | "data"; code: number; message: string };

const servers: { close(done: () => void): void }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((done) => server.close(() => done()))));
});

/** An SMTP server on a free port of this machine, asking for the password; `refuse` makes it answer a 4xx/5xx. */
async function smtpServer(refuse?: Refuse): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    // Plain SMTP on this machine (the product requires STARTTLS everywhere else): no TLS to set up here.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER });
      return callback(Object.assign(new Error("Invalid credentials"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (refuse?.at === "rcpt") return callback(Object.assign(new Error(refuse.message), { responseCode: refuse.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refuse?.at === "data") return callback(Object.assign(new Error(refuse.message), { responseCode: refuse.code }));
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  servers.push(server);
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`, received };
}

/** A port nothing listens on: the mail server is down. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/** A server that takes the connection and never greets: it hangs. */
async function silentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  servers.push({
    close: (done) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => done());
    },
  });
  return (server.address() as { port: number }).port;
}

const freshEmail = () => `student${Math.floor(Math.random() * 1e9)}@mail.example.edu.cn`;

function resetByEmail(school: CodeSchool, email: string): IssueCodeInput {
  return { purpose: "RESET_PASSWORD", channel: "EMAIL", destination: email, memberId: school.memberId, ip: "203.0.113.7" };
}

const providersFor = (url: string, timeouts?: { connection: number; greeting: number; socket: number }) => ({
  sms: null,
  email: smtpEmailProvider({ url, from: FROM }, { timeouts }),
});

describe("e-mail codes through SMTP", () => {
  it("delivers the code to the address, from the school, with what it is for and that nobody will ask for it", async () => {
    const school = await codeSchool(prisma);
    const server = await smtpServer();
    const email = freshEmail();
    const issued = await issueCode(school.scope, resetByEmail(school, email), providersFor(server.url));

    expect(server.received).toHaveLength(1);
    const [{ envelopeTo, mail }] = server.received as [Received];
    expect(envelopeTo).toEqual([email]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : null).toEqual([email]);
    expect(mail.from?.value).toEqual([{ address: FROM, name: school.scope.tenant.name }]);
    expect(mail.subject).toBe(`【${school.scope.tenant.name}】验证码：找回密码`);
    expect(mail.subject).not.toMatch(/\d{6}/);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    const code = /验证码为 (\d{6})/.exec(mail.text ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(mail.text?.trim()).toBe(
      `${school.scope.tenant.name}：您的验证码为 ${code}，5 分钟内有效。您正在找回密码。学校老师和任何工作人员都不会向您索要验证码，请勿告诉他人；如非本人操作，请忽略本邮件。`,
    );

    // The code that arrived is the one the product checks; the outbox holds nothing, the log neither the code nor the password.
    await expect(
      verifyCode(school.scope, { purpose: "RESET_PASSWORD", destination: email, memberId: school.memberId, code: code! }),
    ).resolves.toMatchObject({ codeId: issued.codeId });
    expect(await prisma.outboxMessage.count({ where: { tenantId: school.tenantId } })).toBe(0);
    const log = school.logLines.join("");
    expect(log).toContain("codes.email.smtp.sent");
    expect(log).not.toContain(code);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(email);
  });

  it("writes in English, with the school's English name, to a member who reads English", async () => {
    const school = await codeSchool(prisma);
    const server = await smtpServer();
    const email = freshEmail();
    const inEnglish = tenantScope({
      prisma,
      tenant: school.scope.tenant,
      jobs: school.scope.jobs,
      actor: school.scope.actor,
      locale: "en",
    });
    await issueCode(inEnglish, resetByEmail(school, email), providersFor(server.url));
    const { mail } = server.received[0]!;
    const nameEn = school.scope.tenant.nameEn;
    expect(mail.from?.value).toEqual([{ address: FROM, name: nameEn }]);
    expect(mail.subject).toBe(`${nameEn}: your code to reset your password`);
    expect(mail.text?.trim()).toMatch(
      new RegExp(
        `^${nameEn}: your code is \\d{6}, valid for 5 minutes, to reset your password\\. Nobody from the school will ever ask you for it: never share it\\. If this was not you, ignore this e-mail\\.$`,
      ),
    );
  });

  it("the 忘记密码 page's e-mail code goes through SMTP to the account's address", async () => {
    const school = await codeSchool(prisma);
    const email = freshEmail();
    const member = await prisma.member.update({ where: { id: school.memberId }, data: { email }, select: { account: true } });
    const server = await smtpServer();
    await requestPasswordReset(school.scope, { account: member.account, contact: email }, providersFor(server.url));
    expect(server.received.map((r) => r.envelopeTo)).toEqual([[email]]);
    expect(server.received[0]!.mail.text).toContain("您正在找回密码");
  });

  it("an address the mail server says does not exist is refused as such, and the code cannot be used", async () => {
    const school = await codeSchool(prisma);
    const server = await smtpServer({ at: "rcpt", code: 550, message: "5.1.1 Recipient address rejected: User unknown" });
    const email = freshEmail();
    const error = await refusedWith(
      issueCode(school.scope, resetByEmail(school, email), providersFor(server.url)),
      "CODE_EMAIL_UNREACHABLE",
    );
    expect(error.messageIn("zh-CN")).toBe("邮件无法发送到该邮箱（对方邮件服务器回复此地址不存在），请检查邮箱地址是否填写正确。");
    expect(await prisma.verificationCode.count({ where: { tenantId: school.tenantId, destination: email, supersededAt: null } })).toBe(0);
    expect(school.logLines.join("")).toContain('"responseCode":550');
    expect(school.logLines.join("")).not.toContain(email);
  });

  it("a server that refuses the message says the code could not be sent and to ask again later", async () => {
    const school = await codeSchool(prisma);
    const server = await smtpServer({ at: "data", code: 554, message: "5.7.1 Message rejected as spam" });
    const email = freshEmail();
    const error = await refusedWith(issueCode(school.scope, resetByEmail(school, email), providersFor(server.url)), "CODE_DELIVERY_FAILED");
    expect(error.messageIn("zh-CN")).toBe("验证码发送失败，请稍后重新获取；如仍失败请联系学校管理员。");
    expect(server.received).toHaveLength(0);
    expect(await prisma.verificationCode.count({ where: { tenantId: school.tenantId, destination: email, supersededAt: null } })).toBe(0);
  });

  it("a wrong password at the mail server is a refusal, not a crash, and the password is not logged", async () => {
    const school = await codeSchool(prisma);
    const server = await smtpServer();
    const wrong = server.url.replace(encodeURIComponent(PASSWORD), "not-the-password");
    await refusedWith(issueCode(school.scope, resetByEmail(school, freshEmail()), providersFor(wrong)), "CODE_DELIVERY_FAILED");
    const log = school.logLines.join("");
    expect(log).toContain('"smtpError":"EAUTH"');
    expect(log).not.toContain("not-the-password");
  });

  it("a mail server that is down says the code could not be sent", async () => {
    const school = await codeSchool(prisma);
    const url = `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${await closedPort()}`;
    const error = await refusedWith(issueCode(school.scope, resetByEmail(school, freshEmail()), providersFor(url)), "CODE_DELIVERY_FAILED");
    expect(error.messageIn("en")).toBe(
      "The code could not be sent. Please ask for a new one later, or contact your school's IT office if it keeps failing.",
    );
    expect(school.logLines.join("")).not.toContain(PASSWORD);
  });

  it("a mail server that goes silent is given up on within the timeout, and the member told the code may still come", async () => {
    const school = await codeSchool(prisma);
    const url = `smtp://127.0.0.1:${await silentServer()}`;
    const started = Date.now();
    const error = await refusedWith(
      issueCode(school.scope, resetByEmail(school, freshEmail()), providersFor(url, { connection: 500, greeting: 500, socket: 500 })),
      "CODE_DELIVERY_UNCERTAIN",
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.messageIn("zh-CN")).toBe("验证码可能未能送达：如已收到请直接输入；如未收到，请 60 秒后重新获取。");
  });
});
