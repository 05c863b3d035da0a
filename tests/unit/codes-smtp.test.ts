// How SMTP_URL becomes nodemailer's options (TLS wherever the server is not this machine), and
// how the mail server's failures become the member's refusal: an SMTP answer or a connection
// never made says surely nothing went; a connection lost afterwards may have delivered it.
import { describe, expect, it } from "vitest";
import { smtpRefusal, smtpTransportOptions } from "~/server/codes/providers/smtp-email";

describe("SMTP_URL", () => {
  it("smtps:// is TLS from the start on 465, the percent-encoded user and password decoded", () => {
    expect(smtpTransportOptions("smtps://mailer%40campus:p%40ss%2Fw@smtp.example.com")).toMatchObject({
      host: "smtp.example.com",
      port: 465,
      secure: true,
      auth: { user: "mailer@campus", pass: "p@ss/w" },
      logger: false,
    });
  });

  it("smtp:// must upgrade with STARTTLS, on 587 by default, unless the server is on this machine", () => {
    expect(smtpTransportOptions("smtp://u:p@smtp.example.com")).toMatchObject({ port: 587, secure: false, requireTLS: true });
    expect(smtpTransportOptions("smtp://127.0.0.1:25")).toMatchObject({ port: 25, requireTLS: false, auth: undefined });
    expect(smtpTransportOptions("smtp://[::1]:2525")).toMatchObject({ host: "::1", requireTLS: false });
  });

  it("gives up on a silent server within seconds", () => {
    expect(smtpTransportOptions("smtps://u:p@smtp.example.com")).toMatchObject({
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 10_000,
    });
  });
});

describe("the mail server's failures", () => {
  it("a bad mailbox or domain (5.1.x at RCPT TO) tells the member to check the address", () => {
    expect(smtpRefusal({ code: "EENVELOPE", command: "RCPT TO", responseCode: 550, response: "550 5.1.1 <x@y>: User unknown" })).toEqual({
      error: "CODE_EMAIL_UNREACHABLE",
      outcome: "not-sent",
    });
  });

  it("any other answer, a refused relay included, is a failure that surely sent nothing", () => {
    expect(smtpRefusal({ code: "EENVELOPE", command: "RCPT TO", responseCode: 554, response: "554 5.7.1 Relay access denied" })).toEqual({
      error: "CODE_DELIVERY_FAILED",
      outcome: "not-sent",
    });
    expect(smtpRefusal({ code: "EMESSAGE", command: "DATA", responseCode: 451, response: "451 4.3.0 Try later" })).toEqual({
      error: "CODE_DELIVERY_FAILED",
      outcome: "not-sent",
    });
    expect(smtpRefusal({ code: "EAUTH", command: "AUTH PLAIN", responseCode: 535, response: "535 5.7.8 bad" }).outcome).toBe("not-sent");
  });

  it("a server down or unknown sent nothing; one that went silent or dropped the line may have", () => {
    expect(smtpRefusal({ code: "ESOCKET", syscall: "connect", command: "CONN" }).outcome).toBe("not-sent");
    expect(smtpRefusal({ code: "EDNS", syscall: "getaddrinfo" }).outcome).toBe("not-sent");
    expect(smtpRefusal({ code: "ETIMEDOUT", command: "CONN" })).toEqual({ error: "CODE_DELIVERY_FAILED", outcome: "unknown" });
    expect(smtpRefusal({ code: "ECONNECTION", command: "CONN" }).outcome).toBe("unknown");
  });
});
