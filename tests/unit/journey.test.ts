// The pure parts of the member journey: the signed QR links, the school addresses, which step a
// member is at, WeChat's browser, the CSP nonce, the login path of an identity kind and the
// 二次验证 result page's.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nonceOf } from "~/server/http/csp-nonce";
import { loginPath, verifyResultPath } from "~/server/journey/journey-paths";
import { journeyStep, type JourneyFacts } from "~/server/journey/journey-step";
import { isWechatBrowser } from "~/server/journey/user-agent";
import { readQrToken, signQrToken } from "~/server/qr/registration-link";
import { schoolOrigin } from "~/server/qr/school-url";

const key = randomBytes(32);

describe("the registration QR code's signed link", () => {
  it("names its school and purpose, and reads back only with the platform's key", () => {
    const tenantId = randomUUID();
    const token = signQrToken(key, tenantId, "register");
    expect(token).toMatch(/^1\.r\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    expect(readQrToken(key, token)).toEqual({ kind: "valid", tenantId, purpose: "register" });
    expect(readQrToken(randomBytes(32), token)).toEqual({ kind: "invalid" });
  });

  it("cannot be turned into another school's link by editing it", () => {
    const a = signQrToken(key, randomUUID(), "register");
    const b = signQrToken(key, randomUUID(), "register");
    const [version, letter, , macA] = a.split(".");
    const tenantB = b.split(".")[2];
    expect(readQrToken(key, [version, letter, tenantB, macA].join("."))).toEqual({ kind: "invalid" });
  });

  it("refuses garbage, truncations and unknown purposes", () => {
    const token = signQrToken(key, randomUUID(), "register");
    for (const bad of [
      "",
      "1",
      token.slice(0, -1),
      `${token}.x`,
      token.replace("1.r.", "2.r."),
      token.replace("1.r.", "1.z."),
      "x".repeat(200),
    ])
      expect(readQrToken(key, bad)).toEqual({ kind: "invalid" });
  });
});

describe("school addresses", () => {
  const parts = { secure: false, requestHost: "ucas.localhost:3000", platformDomain: "localhost" };
  it("puts another school on the platform domain, on the request's port", () => {
    expect(schoolOrigin("sues", parts)).toBe("http://sues.localhost:3000");
    expect(schoolOrigin("sues", { secure: true, requestHost: "ucas.campus.example.com", platformDomain: "campus.example.com" })).toBe(
      "https://sues.campus.example.com",
    );
  });
});

describe("where a member is in the journey", () => {
  const phone = "+8613800000001";
  const facts = (extra: Partial<JourneyFacts>): JourneyFacts => ({
    phone,
    email: null,
    binding: { channel: "PHONE", value: phone },
    wecom: null,
    syncJob: null,
    ...extra,
  });
  const written = { state: "NOT_ACTIVATED", writtenAt: new Date(), mobile: "13800000001", email: null };

  it("binds first, until a binding names the directory's phone", () => {
    expect(journeyStep(facts({ binding: null }))).toBe("bind");
    // An admin changed the phone since: the old binding no longer counts.
    expect(journeyStep(facts({ phone: "+8613900000009" }))).toBe("bind");
  });

  it("waits for the sync until WeCom holds the bound phone, and says when it failed", () => {
    expect(journeyStep(facts({ syncJob: { state: "QUEUED" } }))).toBe("syncing");
    expect(journeyStep(facts({ wecom: { ...written, mobile: "13900000009" }, syncJob: { state: "ACTIVE" } }))).toBe("syncing");
    expect(journeyStep(facts({ syncJob: { state: "FAILED" } }))).toBe("syncFailed");
  });

  it("asks to follow once WeCom holds the phone, and is done once WeCom says the member follows", () => {
    expect(journeyStep(facts({ wecom: written, syncJob: { state: "DONE" } }))).toBe("follow");
    expect(journeyStep(facts({ wecom: { ...written, state: "ACTIVATED" } }))).toBe("done");
    // However they got there (an admin's sync, an earlier journey): done.
    expect(journeyStep(facts({ binding: null, wecom: { ...written, state: "ACTIVATED" } }))).toBe("done");
  });

  it("starts over at binding after 解绑微信, while WeCom's last word is still 已关注 and its removal is queued", () => {
    const releasing = { ...written, state: "ACTIVATED", rejoinConsentAt: new Date() };
    expect(journeyStep(facts({ binding: null, phone: null, wecom: releasing }))).toBe("bind");
    // Bound again before the removal ran: WeCom still has to end the old follow first.
    expect(journeyStep(facts({ wecom: releasing, syncJob: { state: "QUEUED" } }))).not.toBe("done");
  });

  it("follows an e-mail binding by the address WeCom holds", () => {
    const email = { channel: "EMAIL" as const, value: "emma@example.com" };
    expect(journeyStep(facts({ email: "Emma@Example.com", binding: email, wecom: { ...written, email: "emma@example.com" } }))).toBe(
      "follow",
    );
    expect(journeyStep(facts({ email: "emma@example.com", binding: email, wecom: { ...written, email: null } }))).toBe("syncing");
  });
});

describe("the journey's small parts", () => {
  it("recognises WeChat's in-app browser (and WeCom's, which says MicroMessenger too)", () => {
    expect(isWechatBrowser("Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI")).toBe(true);
    expect(isWechatBrowser("Mozilla/5.0 (Linux; Android 14) Chrome/126 MQQBrowser/6.2 TBS/046 MicroMessenger/8.0.49 wxwork/4.1")).toBe(
      true,
    );
    expect(isWechatBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126 Safari/537.36")).toBe(false);
    expect(isWechatBrowser(null)).toBe(false);
  });

  it("finds the script nonce in the request's CSP", () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-AbC+/9==' 'strict-dynamic'")).toBe("AbC+/9==");
    expect(nonceOf("default-src 'self'")).toBeUndefined();
  });

  it("sends an identity kind to the login with the way back to the bind page", () => {
    expect(loginPath("candidate")).toBe("/login?kind=candidate&returnTo=%2Fbind-phone");
    expect(loginPath(null, "/verify?code=x")).toBe("/login?returnTo=%2Fverify%3Fcode%3Dx");
  });

  it("sends a refused 二次验证 to its result page with the wait its message names", () => {
    expect(verifyResultPath({ code: "SECOND_VERIFICATION_EXPIRED", vars: {} })).toBe("/verify/result?error=SECOND_VERIFICATION_EXPIRED");
    expect(verifyResultPath({ code: "RATE_LIMITED", vars: { seconds: 421, other: "x" } })).toBe(
      "/verify/result?error=RATE_LIMITED&seconds=421",
    );
  });
});
