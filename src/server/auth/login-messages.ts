import { type Locale, pick } from "~/i18n/locale";
import { ERROR_CATALOG, type AppErrorCode } from "~/server/errors";

/** The sign-in failures a login form may show, as templates in one language. */
export function loginMessages(locale: Locale): Record<string, string> {
  const codes: AppErrorCode[] = [
    "BAD_CREDENTIALS",
    "BAD_CREDENTIALS_REMAINING",
    "ACCOUNT_LOCKED",
    "RATE_LIMITED",
    "SERVER_BUSY",
    "LOGIN_NOT_BUILTIN",
    "TENANT_UNAVAILABLE",
    "FORBIDDEN",
    "INTERNAL",
    "VENDOR_ADDRESS_NOT_ALLOWED",
  ];
  return Object.fromEntries(codes.map((code) => [code, pick(locale, ERROR_CATALOG[code].message)]));
}
