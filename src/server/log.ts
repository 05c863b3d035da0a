// The structured logger: JSON lines (pino) on stdout, one child per request
// and per job carrying its request id, tenant, actor and path. Nothing in
// src/server writes to the console directly.
//
// What must never reach a log — passwords, codes, tickets, tokens, secrets, ID
// numbers, cookies — is censored by key wherever it sits in a logged object
// (three levels deep), and error objects are logged by the serializer below,
// which keeps the message and stack but none of an error's other fields (a
// driver error may carry the failed query's parameters).
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/** Keys whose values are never logged, wherever they appear. */
export const SENSITIVE_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "passwordHash",
  "secret",
  "appSecret",
  "contactSecret",
  "clientSecret",
  "client_secret",
  "totp",
  "code",
  "codeHash",
  "ticket",
  "token",
  "access_token",
  "id_token",
  "refresh_token",
  "tfa_code",
  "encodingAesKey",
  "aesKey",
  "idNumber",
  "idNumberEnc",
  "cookie",
  "authorization",
  "set-cookie",
] as const;

const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const dot = k.startsWith("[") ? k : `.${k}`;
  return [k, `*${dot}`, `*.*${dot}`];
});

type ErrorLike = { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; cause?: unknown };

/** An error as logged: its class, code, message and stack, and its cause the same way. */
function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 3) return error instanceof Error ? { message: error.message } : String(error);
  const e = error as ErrorLike;
  return {
    type: error.name,
    message: error.message,
    // Not "code": that key is censored (OAuth and SMS codes), and an error's code is worth keeping.
    ...(typeof e.code === "string" || typeof e.code === "number" ? { errorCode: e.code } : {}),
    stack: error.stack,
    ...(e.cause !== undefined ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type Level = (typeof LEVELS)[number];

function levelFromEnv(): Level {
  const value = process.env.LOG_LEVEL;
  return LEVELS.find((level) => level === value) ?? "info";
}

/** A logger with the platform's redaction and error rules, writing to `destination` (stdout by default). */
export function createLogger(options: { level?: Level; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? levelFromEnv(),
      base: { service: "campus-wecom" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

const globalForLog = globalThis as unknown as { rootLogger?: Logger };

/** The process's logger, made on first use. */
export function rootLogger(): Logger {
  globalForLog.rootLogger ??= createLogger();
  return globalForLog.rootLogger;
}

/** Tests point the process's logger at their own stream (and back, with `null`). */
export function replaceRootLogger(logger: Logger | null): void {
  globalForLog.rootLogger = logger ?? undefined;
}

/** What a child logger says about the work it logs. */
export type LogContext = {
  requestId?: string;
  jobId?: string;
  job?: string;
  tenant?: string;
  actor?: string;
  path?: string;
};

export function childLogger(context: LogContext, parent: Logger = rootLogger()): Logger {
  return parent.child(Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)));
}
