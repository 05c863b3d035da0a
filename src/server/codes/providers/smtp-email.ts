// E-mail codes through the operator's mail server (SMTP, with nodemailer): one plain-text
// message per code, its subject and body from message-text.ts in the member's language,
// from SMTP_FROM with the school's name as the sender's name. The server's answer is mapped
// to our own refusals: its text is never shown, and never logged (it may quote the address),
// nor is the code or the server's password.
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import { serverEnv, type ServerEnv } from "~/env";
import { AppError, type AppErrorCode } from "~/server/errors";
import { maskDestination } from "../destination";
import { emailSubject, emailText } from "./message-text";
import { DeliveryError, type EmailProvider } from "./provider";

export type SmtpConfig = {
  /** smtps://user:password@host:465 or smtp://user:password@host:587 (src/env.ts SMTP_URL). */
  url: string;
  /** The sender's address (SMTP_FROM). */
  from: string;
};

/**
 * How long a member may wait on the mail server, per phase: reaching it, its greeting, and any
 * silence afterwards. A healthy relay answers each in well under a second.
 */
export const SMTP_TIMEOUTS_MS = { connection: 5000, greeting: 5000, socket: 10_000 } as const;

export function smtpConfig(env: ServerEnv = serverEnv()): SmtpConfig {
  // src/env.ts already refuses EMAIL_PROVIDER=smtp without them; this keeps the types honest.
  if (!env.SMTP_URL || !env.SMTP_FROM) throw new Error("EMAIL_PROVIDER=smtp needs SMTP_URL and SMTP_FROM (see src/env.ts).");
  return { url: env.SMTP_URL, from: env.SMTP_FROM };
}

/** A relay on this machine may speak plain SMTP; anywhere else the password and the codes travel over TLS only. */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
}

/** The transport's options for SMTP_URL: implicit TLS for smtps://, STARTTLS required for smtp:// off this machine. */
export function smtpTransportOptions(url: string, timeouts: { connection: number; greeting: number; socket: number } = SMTP_TIMEOUTS_MS) {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  // An IPv6 literal comes bracketed in a URL and must not be when connecting.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  return {
    host,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !isLoopback(host),
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: timeouts.connection,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
    dnsTimeout: timeouts.connection,
    // nodemailer's own logger would print the conversation, the address and the message with its code.
    logger: false,
    debug: false,
    // Only the text given here is sent: nothing read from a file or fetched from a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** What nodemailer's errors carry that is safe to read (never `response` or `message`, which may quote the address). */
type SmtpFailure = { code?: unknown; responseCode?: unknown; command?: unknown; response?: unknown; syscall?: unknown };

/**
 * The mail server's failure as our refusal. An SMTP answer (4xx, 5xx) or a connection never made
 * says surely nothing went; a connection lost or silent afterwards may have been after the message
 * was accepted ("unknown": the code stays usable).
 */
export function smtpRefusal(error: unknown): { error: AppErrorCode; outcome: "not-sent" | "unknown" } {
  const failure = (error ?? {}) as SmtpFailure;
  if (typeof failure.responseCode === "number") {
    // RFC 3463: 5.1.x is a bad destination address (5.1.1 no such mailbox, 5.1.2 no such domain…).
    const enhanced = typeof failure.response === "string" ? /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(failure.response)?.[1] : undefined;
    if (failure.command === "RCPT TO" && enhanced?.startsWith("5.1.")) return { error: "CODE_EMAIL_UNREACHABLE", outcome: "not-sent" };
    return { error: "CODE_DELIVERY_FAILED", outcome: "not-sent" };
  }
  if (failure.syscall === "connect" || failure.syscall === "getaddrinfo") return { error: "CODE_DELIVERY_FAILED", outcome: "not-sent" };
  if (failure.code === "ETIMEDOUT" || failure.code === "ESOCKET" || failure.code === "ECONNECTION") {
    return { error: "CODE_DELIVERY_FAILED", outcome: "unknown" };
  }
  // EAUTH, ETLS, EDNS, EENVELOPE, EMESSAGE…: refused before the message was handed over.
  return { error: "CODE_DELIVERY_FAILED", outcome: "not-sent" };
}

export type SmtpDeps = { timeouts?: { connection: number; greeting: number; socket: number } };

export function smtpEmailProvider(config: SmtpConfig, deps: SmtpDeps = {}): EmailProvider {
  const transport = nodemailer.createTransport(smtpTransportOptions(config.url, deps.timeouts));
  return {
    name: "smtp",
    async sendEmail(scope, message) {
      const log = scope.log.child({ provider: "smtp", to: maskDestination(message.email) });
      try {
        const info = await transport.sendMail({
          from: { name: message.school, address: config.from },
          to: message.email,
          subject: emailSubject(message),
          text: emailText(message),
          // RFC 3834: no out-of-office reply to a machine's message.
          headers: { "Auto-Submitted": "auto-generated" },
        });
        log.info({ messageId: info.messageId }, "codes.email.smtp.sent");
      } catch (error) {
        const refusal = smtpRefusal(error);
        const failure = (error ?? {}) as SmtpFailure;
        log.warn(
          {
            smtpError: typeof failure.code === "string" ? failure.code : null,
            responseCode: typeof failure.responseCode === "number" ? failure.responseCode : null,
            command: typeof failure.command === "string" ? failure.command : null,
            outcome: refusal.outcome,
          },
          "codes.email.smtp.failed",
        );
        throw new DeliveryError(new AppError(refusal.error), refusal.outcome, typeof failure.code === "string" ? failure.code : null);
      }
    },
  };
}
