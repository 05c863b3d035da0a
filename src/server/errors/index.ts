// One domain error type. Each code maps, in this one place, to a tRPC code, an
// HTTP status and a message in both languages that says what to do next.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";
import { format, pick, type Bilingual, type Locale } from "~/i18n/locale";
import { ERROR_CATALOG } from "./catalog";

export { ERROR_CATALOG };

export type AppErrorCode = keyof typeof ERROR_CATALOG;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "AppError";
  }

  messageIn(locale: Locale): string {
    return errorMessage(this.code, locale, this.vars);
  }
}

export function errorMessage(code: AppErrorCode, locale: Locale, vars: Record<string, string | number> = {}): string {
  return format(pick(locale, ERROR_CATALOG[code].message), vars);
}

/** Prisma's unique violation (P2002) as an "already exists" error naming the field. */
export function fromUniqueViolation(error: unknown, fieldNames: Record<string, Bilingual>, locale: Locale): AppError | null {
  if (!(error instanceof Error) || (error as { code?: string }).code !== "P2002") return null;
  const fields = uniqueViolationFields((error as { meta?: UniqueViolationMeta }).meta);
  const field = fields.find((f) => f !== "tenantId") ?? fields[0] ?? "";
  const label = fieldNames[field];
  return new AppError("ALREADY_EXISTS", { field: label ? pick(locale, label) : field });
}

type UniqueViolationMeta = {
  target?: unknown;
  modelName?: string;
  driverAdapterError?: { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } };
};

/** Unique indexes on expressions, written by hand in migrations: the columns they stand for. */
const EXPRESSION_INDEXES: Record<string, string[]> = {
  // ("tenantId", lower(account)): accounts are unique per school whatever their case.
  Member_tenantId_account_ci_key: ["tenantId", "account"],
  // ("tenantId", lower(btrim(email))) WHERE email IS NOT NULL: one member per directory e-mail address.
  Member_tenantId_email_ci_key: ["tenantId", "email"],
};

/** The columns of the violated constraint, from whichever form the driver reported. */
function uniqueViolationFields(meta: UniqueViolationMeta | undefined): string[] {
  const byName = [meta?.target, meta?.driverAdapterError?.cause?.constraint?.index].find(
    (name): name is string => typeof name === "string" && name in EXPRESSION_INDEXES,
  );
  if (byName) return EXPRESSION_INDEXES[byName]!;
  if (Array.isArray(meta?.target)) return meta.target as string[];
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields.map((f) => f.replace(/"/g, ""));
  // Prisma names unique indexes "<Table>_<col>_<col>_key".
  const index = cause?.constraint?.index;
  const table = cause?.table ?? meta?.modelName;
  if (index && table && index.startsWith(`${table}_`) && index.endsWith("_key")) {
    return index.slice(table.length + 1, -"_key".length).split("_");
  }
  return [];
}

/**
 * Any failure as the catalogue error a user is shown: the one normaliser behind
 * the tRPC formatter, form actions, the sign-in bridge and the job worker. An
 * AppError is itself; a tRPC error is its cause or its transport code (an
 * unknown procedure, a wrong method, bad JSON, a batch too long are the
 * client's fault and stay 4xx); invalid input is INVALID_INPUT; anything else,
 * whose text must never reach a user, is INTERNAL.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError("INVALID_INPUT");
  if (error instanceof TRPCError) {
    if (error.cause instanceof AppError || error.cause instanceof ZodError) return toAppError(error.cause);
    if (error.code === "PAYLOAD_TOO_LARGE") return new AppError("PAYLOAD_TOO_LARGE", { kib: 1024 });
    if (error.code === "TOO_MANY_REQUESTS") return new AppError("RATE_LIMITED", { seconds: 60 });
    return new AppError(TRPC_CODE_ERRORS[error.code] ?? "INTERNAL");
  }
  return new AppError("INTERNAL");
}

const TRPC_CODE_ERRORS: Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>> = {
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_REQUEST: "INVALID_INPUT",
  PARSE_ERROR: "INVALID_INPUT",
  UNPROCESSABLE_CONTENT: "INVALID_INPUT",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

/** The fields at fault, as zod's flattened errors, when the failure is invalid input. */
export function fieldErrorsOf(error: unknown): Record<string, string[] | undefined> | undefined {
  const cause = error instanceof TRPCError ? error.cause : error;
  return cause instanceof ZodError ? cause.flatten().fieldErrors : undefined;
}
