// Who delivers a code. The platform operator chooses in the environment (SMS_PROVIDER,
// EMAIL_PROVIDER; src/env.ts), never a school's admin: the product never calls an
// address a tenant typed.
import type { Locale } from "~/i18n/locale";
import type { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import type { CodePurpose } from "../purposes";

export type CodeMessage = {
  purpose: CodePurpose;
  code: string;
  ttlMinutes: number;
  /** The school's name as the member knows it. */
  school: string;
  /** The language the member asked in (the outbox writes the text in it; a provider's template has its own). */
  locale: Locale;
};
export type SmsMessage = CodeMessage & { phone: string };
export type EmailMessage = CodeMessage & { email: string };

export interface SmsProvider {
  readonly name: "outbox" | "tencent";
  /** A phone this provider cannot reach, known before any code is made or counted; null when it can. */
  cannotReach(phone: string): AppError | null;
  sendSms(scope: TenantScope, message: SmsMessage): Promise<void>;
}

export interface EmailProvider {
  readonly name: "outbox" | "smtp";
  sendEmail(scope: TenantScope, message: EmailMessage): Promise<void>;
}

export type CodeProviders = { sms: SmsProvider | null; email: EmailProvider | null };

/**
 * A send that failed. `outcome` says whether the message surely did not go ("not-sent":
 * the provider refused it) or might have ("unknown": a timeout, a broken answer), in
 * which case the code stays usable. `refusal` is our own message; a provider's text is
 * never shown (nor logged: it may quote the number).
 */
export class DeliveryError extends Error {
  constructor(
    readonly refusal: AppError,
    readonly outcome: "not-sent" | "unknown",
    /** The provider's error code, for the operator's log (e.g. "LimitExceeded.PhoneNumberDailyLimit"). */
    readonly providerCode: string | null,
  ) {
    super(`Code delivery failed (${outcome}${providerCode ? `: ${providerCode}` : ""})`);
    this.name = "DeliveryError";
  }
}
