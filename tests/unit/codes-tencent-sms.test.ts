import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { DeliveryError } from "~/server/codes/providers/provider";
import { signTc3 } from "~/server/codes/providers/tencent-signing";
import { sendSmsRequest, tencentRefusal, tencentSmsProvider, type TencentSmsConfig } from "~/server/codes/providers/tencent-sms";
import { AppError } from "~/server/errors";
import { createLogger } from "~/server/log";
import type { TenantScope } from "~/server/scope";

const config: TencentSmsConfig = {
  secretId: "AKIDtestTESTtestTESTtestTESTtest1234",
  secretKey: "testSecretKeyTESTtestSECRETkey12",
  sdkAppId: "1400006666",
  signName: "示范大学",
  templateId: "1110",
  intlTemplateId: "2220",
  region: "ap-guangzhou",
};
const message = { phone: "+8613800000001", code: "042917", ttlMinutes: 5 };
const TIMESTAMP = 1_764_000_000;

/** A scope whose log lines are kept, for the only thing the provider uses of it. */
function logScope() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  const scope = { log: createLogger({ level: "debug", destination }) } as unknown as TenantScope;
  return { scope, lines };
}

const answer = (response: object, status = 200) =>
  new Response(JSON.stringify({ Response: { RequestId: "req-1", ...response } }), { status });
const smsMessage = { ...message, purpose: "BIND_PHONE" as const, school: "示范大学", locale: "zh-CN" as const };

async function refusalOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("SendSms request", () => {
  it("posts JSON to sms.tencentcloudapi.com with the number in E.164, the app, signature, template and [code, minutes]", () => {
    const request = sendSmsRequest(config, message, TIMESTAMP);
    expect(request.url).toBe("https://sms.tencentcloudapi.com/");
    expect(JSON.parse(request.body)).toEqual({
      PhoneNumberSet: ["+8613800000001"],
      SmsSdkAppId: "1400006666",
      TemplateId: "1110",
      SignName: "示范大学",
      TemplateParamSet: ["042917", "5"],
    });
    expect(request.headers).toMatchObject({
      "Content-Type": "application/json; charset=utf-8",
      "X-TC-Action": "SendSms",
      "X-TC-Version": "2021-01-11",
      "X-TC-Region": "ap-guangzhou",
      "X-TC-Timestamp": String(TIMESTAMP),
    });
  });

  it("signs exactly the body it sends, the action included", () => {
    const request = sendSmsRequest(config, message, TIMESTAMP);
    const expected = signTc3({
      secretId: config.secretId,
      secretKey: config.secretKey,
      service: "sms",
      signedHeaders: { "content-type": "application/json; charset=utf-8", host: "sms.tencentcloudapi.com", "x-tc-action": "SendSms" },
      timestamp: TIMESTAMP,
      payload: request.body,
    });
    expect(request.headers.Authorization).toBe(expected.authorization);
    expect(request.headers.Authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKID\w+\/\d{4}-\d\d-\d\d\/sms\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers.Authorization).not.toContain(config.secretKey);
  });

  it("sends a foreign number (typed with 00) in E.164 with the international template and no signature", () => {
    const request = sendSmsRequest(config, { ...message, phone: "+85291234567" }, TIMESTAMP);
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body.PhoneNumberSet).toEqual(["+85291234567"]);
    expect(body.TemplateId).toBe("2220");
    expect(body).not.toHaveProperty("SignName");
  });

  it("refuses a foreign number up front when there is no international template", () => {
    const provider = tencentSmsProvider({ ...config, intlTemplateId: null });
    expect(provider.cannotReach("+85291234567")).toEqual(new AppError("CODE_FOREIGN_PHONE_UNSUPPORTED"));
    expect(provider.cannotReach("+8613800000001")).toBeNull();
    expect(tencentSmsProvider(config).cannotReach("+85291234567")).toBeNull();
  });
});

describe("Tencent's answers, as our own messages", () => {
  it.each([
    ["LimitExceeded.PhoneNumberDailyLimit", "CODE_DAILY_LIMIT"],
    ["LimitExceeded.PhoneNumberSameContentDailyLimit", "CODE_DAILY_LIMIT"],
    ["LimitExceeded.PhoneNumberOneHourLimit", "CODE_PHONE_TOO_FREQUENT"],
    ["LimitExceeded.PhoneNumberThirtySecondLimit", "CODE_PHONE_TOO_FREQUENT"],
    ["InvalidParameterValue.IncorrectPhoneNumber", "CODE_PHONE_UNREACHABLE"],
    ["FailedOperation.PhoneNumberInBlacklist", "CODE_PHONE_BLOCKED"],
    ["UnsupportedOperation.UnsupportedRegion", "CODE_FOREIGN_PHONE_UNSUPPORTED"],
    ["FailedOperation.InsufficientBalanceInSmsPackage", "CODE_DELIVERY_FAILED"],
    ["FailedOperation.TemplateIncorrectOrUnapproved", "CODE_DELIVERY_FAILED"],
    ["AuthFailure.SignatureFailure", "CODE_DELIVERY_FAILED"],
    ["SomethingTencentAddsLater", "CODE_DELIVERY_FAILED"],
  ])("%s → %s, nothing sent", (code, error) => {
    expect(tencentRefusal(code)).toEqual({ error, outcome: "not-sent" });
  });

  it("treats Tencent's own timeout as a message that may still arrive", () => {
    expect(tencentRefusal("InternalError.Timeout").outcome).toBe("unknown");
  });
});

describe("tencentSmsProvider", () => {
  it("sends once, with a bounded timeout and no redirects, and is done on SendStatusSet Code Ok", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(
        answer({ SendStatusSet: [{ PhoneNumber: "+8613800000001", Code: "Ok", Message: "send success", SerialNo: "2028:1" }] }),
      ),
    );
    const { scope, lines } = logScope();
    await tencentSmsProvider(config, { fetch, now: () => TIMESTAMP }).sendSms(scope, smsMessage);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("https://sms.tencentcloudapi.com/");
    expect(init).toMatchObject({ method: "POST", redirect: "error" });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(lines.join("")).toContain("codes.sms.tencent.sent");
  });

  it("refuses with our message, never Tencent's text, when the number's status is an error", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(
        answer({
          SendStatusSet: [
            {
              PhoneNumber: "+8613800000001",
              Code: "LimitExceeded.PhoneNumberDailyLimit",
              Message: "the number of sms messages sent from a single mobile number every day exceeds the upper limit",
            },
          ],
        }),
      ),
    );
    const { scope, lines } = logScope();
    const error = await refusalOf(tencentSmsProvider(config, { fetch }).sendSms(scope, smsMessage));
    expect(error.refusal.code).toBe("CODE_DAILY_LIMIT");
    expect(error.outcome).toBe("not-sent");
    expect(error.providerCode).toBe("LimitExceeded.PhoneNumberDailyLimit");
    expect(error.refusal.messageIn("zh-CN")).toBe("今日获取验证码次数已达上限，请明天再试。");
    expect(lines.join("")).not.toContain("exceeds the upper limit");
  });

  it("refuses with our message when the whole request is refused (Response.Error)", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(answer({ Error: { Code: "AuthFailure.SecretIdNotFound", Message: "The SecretId is not found" } })),
    );
    const error = await refusalOf(tencentSmsProvider(config, { fetch }).sendSms(logScope().scope, smsMessage));
    expect(error.refusal.code).toBe("CODE_DELIVERY_FAILED");
    expect(error.outcome).toBe("not-sent");
  });

  it("says the outcome is unknown when Tencent does not answer in time", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error))),
    );
    const started = Date.now();
    const error = await refusalOf(tencentSmsProvider(config, { fetch, timeoutMs: 50 }).sendSms(logScope().scope, smsMessage));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.outcome).toBe("unknown");
    expect(error.refusal.code).toBe("CODE_DELIVERY_FAILED");
  });

  it("says the outcome is unknown for an answer that is not Tencent's shape, or a server error", async () => {
    for (const response of [
      new Response("<html>bad gateway</html>", { status: 200 }),
      new Response(JSON.stringify({ Response: { RequestId: "r" } }), { status: 200 }),
      new Response("", { status: 502 }),
    ]) {
      const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(response));
      expect((await refusalOf(tencentSmsProvider(config, { fetch }).sendSms(logScope().scope, smsMessage))).outcome).toBe("unknown");
    }
  });

  it("never writes the code or the secret key into its log lines", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(answer({ SendStatusSet: [{ PhoneNumber: "+8613800000001", Code: "FailedOperation.PhoneNumberInBlacklist" }] })),
    );
    const { scope, lines } = logScope();
    await refusalOf(tencentSmsProvider(config, { fetch }).sendSms(scope, smsMessage));
    const log = lines.join("");
    expect(log).toContain("codes.sms.tencent.refused");
    for (const secret of ["042917", config.secretKey, "13800000001"]) expect(log).not.toContain(secret);
  });
});
