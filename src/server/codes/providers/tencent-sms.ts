// Tencent Cloud SMS, SendSms of API version 2021-01-11 (sms.tencentcloudapi.com), signed
// with TC3-HMAC-SHA256. One number per request, in E.164 (a foreign "00" number the
// member typed is already +… by then); the template's parameters are the code and its
// lifetime in minutes. The answer is parsed with zod and mapped to our own messages:
// Tencent's text is never shown, and never logged (it may quote the number).
import { z } from "zod";
import { serverEnv, type ServerEnv } from "~/env";
import { AppError, type AppErrorCode } from "~/server/errors";
import { maskDestination } from "../destination";
import { DeliveryError, type SmsProvider } from "./provider";
import { signTc3 } from "./tencent-signing";

export const TENCENT_SMS_HOST = "sms.tencentcloudapi.com";
const SERVICE = "sms";
const ACTION = "SendSms";
const VERSION = "2021-01-11";
const CONTENT_TYPE = "application/json; charset=utf-8";
/** Long enough for Tencent on a slow day, short enough that a member is not left waiting on a dead request. */
export const TENCENT_SMS_TIMEOUT_MS = 5000;
/** Its answers are a few hundred bytes; anything much larger is not Tencent's. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export type TencentSmsConfig = {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  /** The 国际/港澳台 template for numbers outside the mainland; null: those numbers are refused before sending. */
  intlTemplateId: string | null;
  region: string;
};

export function tencentSmsConfig(env: ServerEnv = serverEnv()): TencentSmsConfig {
  const { TENCENT_SMS_SECRET_ID, TENCENT_SMS_SECRET_KEY, TENCENT_SMS_SDK_APP_ID, TENCENT_SMS_SIGN_NAME, TENCENT_SMS_TEMPLATE_ID } = env;
  // src/env.ts already refuses SMS_PROVIDER=tencent without them; this keeps the types honest.
  if (!TENCENT_SMS_SECRET_ID || !TENCENT_SMS_SECRET_KEY || !TENCENT_SMS_SDK_APP_ID || !TENCENT_SMS_SIGN_NAME || !TENCENT_SMS_TEMPLATE_ID) {
    throw new Error("SMS_PROVIDER=tencent needs every TENCENT_SMS_* setting (see src/env.ts).");
  }
  return {
    secretId: TENCENT_SMS_SECRET_ID,
    secretKey: TENCENT_SMS_SECRET_KEY,
    sdkAppId: TENCENT_SMS_SDK_APP_ID,
    signName: TENCENT_SMS_SIGN_NAME,
    templateId: TENCENT_SMS_TEMPLATE_ID,
    intlTemplateId: env.TENCENT_SMS_INTL_TEMPLATE_ID ?? null,
    region: env.TENCENT_SMS_REGION,
  };
}

const isMainland = (phone: string) => phone.startsWith("+86");

/** The request SendSms is sent as: its URL, headers and body. Pure, for the unit tests. */
export function sendSmsRequest(
  config: TencentSmsConfig,
  message: { phone: string; code: string; ttlMinutes: number },
  timestamp: number,
): { url: string; headers: Record<string, string>; body: string } {
  const mainland = isMainland(message.phone);
  const templateId = mainland ? config.templateId : config.intlTemplateId;
  if (!templateId) throw new Error("No Tencent template for numbers outside the mainland (TENCENT_SMS_INTL_TEMPLATE_ID).");
  const body = JSON.stringify({
    PhoneNumberSet: [message.phone],
    SmsSdkAppId: config.sdkAppId,
    TemplateId: templateId,
    // Tencent requires the signature for mainland numbers and ignores it for others.
    ...(mainland ? { SignName: config.signName } : {}),
    TemplateParamSet: [message.code, String(message.ttlMinutes)],
  });
  const signed = signTc3({
    secretId: config.secretId,
    secretKey: config.secretKey,
    service: SERVICE,
    // The action is signed too (as the current example does), so a signature cannot be replayed for another action.
    signedHeaders: { "content-type": CONTENT_TYPE, host: TENCENT_SMS_HOST, "x-tc-action": ACTION },
    timestamp,
    payload: body,
  });
  return {
    url: `https://${TENCENT_SMS_HOST}/`,
    headers: {
      Authorization: signed.authorization,
      "Content-Type": CONTENT_TYPE,
      "X-TC-Action": ACTION,
      "X-TC-Timestamp": String(timestamp),
      "X-TC-Version": VERSION,
      "X-TC-Region": config.region,
    },
    body,
  };
}

const tencentAnswer = z.object({
  Response: z.object({
    RequestId: z.string().max(100),
    Error: z.object({ Code: z.string().max(100), Message: z.string() }).optional(),
    SendStatusSet: z.array(z.object({ PhoneNumber: z.string(), Code: z.string().max(100), SerialNo: z.string().optional() })).optional(),
  }),
});

/**
 * Tencent's error code (the request's Error.Code, or the number's SendStatusSet[].Code) as our
 * refusal. Most say surely nothing went; the few that do not are treated as "unknown".
 */
export function tencentRefusal(code: string): { error: AppErrorCode; outcome: "not-sent" | "unknown" } {
  switch (code) {
    case "LimitExceeded.PhoneNumberDailyLimit":
    case "LimitExceeded.PhoneNumberSameContentDailyLimit":
      return { error: "CODE_DAILY_LIMIT", outcome: "not-sent" };
    case "LimitExceeded.PhoneNumberOneHourLimit":
    case "LimitExceeded.PhoneNumberThirtySecondLimit":
    case "LimitExceeded.DeliveryFrequencyLimit":
      return { error: "CODE_PHONE_TOO_FREQUENT", outcome: "not-sent" };
    case "InvalidParameterValue.IncorrectPhoneNumber":
    case "InvalidParameterValue.PhoneNumberFormatError":
    case "InvalidParameterValue.NoSuchPhoneNumber":
      return { error: "CODE_PHONE_UNREACHABLE", outcome: "not-sent" };
    case "FailedOperation.PhoneNumberInBlacklist":
    case "FailedOperation.PhoneNumberOnBlacklist":
      return { error: "CODE_PHONE_BLOCKED", outcome: "not-sent" };
    case "UnsupportedOperation.UnsupportedRegion":
    case "UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber":
      return { error: "CODE_FOREIGN_PHONE_UNSUPPORTED", outcome: "not-sent" };
    case "InternalError.Timeout":
    case "InternalError.RequestTimeException":
      // Tencent itself did not finish: the message may yet go out.
      return { error: "CODE_DELIVERY_FAILED", outcome: "unknown" };
    default:
      // Balance, template, signature, credentials, Tencent's own failures: the operator's to fix, the member can only retry later.
      return { error: "CODE_DELIVERY_FAILED", outcome: "not-sent" };
  }
}

export type TencentSmsDeps = {
  fetch?: typeof fetch;
  /** Seconds since the epoch (X-TC-Timestamp; Tencent refuses one more than five minutes off). */
  now?: () => number;
  timeoutMs?: number;
};

export function tencentSmsProvider(config: TencentSmsConfig, deps: TencentSmsDeps = {}): SmsProvider {
  const send = deps.fetch ?? fetch;
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const timeoutMs = deps.timeoutMs ?? TENCENT_SMS_TIMEOUT_MS;
  return {
    name: "tencent",
    cannotReach: (phone) => (isMainland(phone) || config.intlTemplateId ? null : new AppError("CODE_FOREIGN_PHONE_UNSUPPORTED")),
    async sendSms(scope, message) {
      const request = sendSmsRequest(config, message, now());
      const log = scope.log.child({ provider: "tencent", to: maskDestination(message.phone) });
      let text: string;
      try {
        const response = await send(request.url, {
          method: "POST",
          headers: request.headers,
          body: request.body,
          // Tencent never redirects an API call; following one would hand the signed request elsewhere.
          redirect: "error",
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
        if (!response.ok) {
          log.error({ status: response.status }, "codes.sms.tencent.http_error");
          throw new DeliveryError(new AppError("CODE_DELIVERY_FAILED"), response.status >= 500 ? "unknown" : "not-sent", null);
        }
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        // A timeout or a dropped connection: Tencent may have sent it.
        log.error({ err: error }, "codes.sms.tencent.unreachable");
        throw new DeliveryError(new AppError("CODE_DELIVERY_FAILED"), "unknown", null);
      }
      const answer = parseAnswer(text);
      if (!answer) {
        log.error("codes.sms.tencent.unreadable_answer");
        throw new DeliveryError(new AppError("CODE_DELIVERY_FAILED"), "unknown", null);
      }
      const { RequestId: requestId, Error: failure, SendStatusSet: statuses } = answer.Response;
      const status = statuses?.find((s) => s.PhoneNumber === message.phone) ?? statuses?.[0];
      const tencentCode = failure?.Code ?? status?.Code ?? null;
      if (tencentCode === "Ok") {
        log.info({ requestId, serialNo: status?.SerialNo }, "codes.sms.tencent.sent");
        return;
      }
      // Neither an error nor a status for our number: Tencent's answer does not say what happened.
      const refusal = tencentCode ? tencentRefusal(tencentCode) : { error: "CODE_DELIVERY_FAILED" as const, outcome: "unknown" as const };
      log.warn({ requestId, tencentCode }, "codes.sms.tencent.refused");
      throw new DeliveryError(new AppError(refusal.error), refusal.outcome, tencentCode);
    },
  };
}

function parseAnswer(text: string): z.infer<typeof tencentAnswer> | null {
  if (text.length > MAX_RESPONSE_BYTES) return null;
  try {
    const parsed = tencentAnswer.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
