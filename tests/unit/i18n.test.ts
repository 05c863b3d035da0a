import { describe, expect, it } from "vitest";
import { chinaClock, chinaDate, chinaTime, format, parseLocale, pick } from "~/i18n/locale";
import { messageKeys, translator, type MessageKey, type Translate } from "~/i18n/messages";
import { AppError, ERROR_CATALOG, errorMessage, type AppErrorCode } from "~/server/errors";

const codes = Object.keys(ERROR_CATALOG) as AppErrorCode[];
const zhT = translator("zh-CN");
const enT = translator("en");

/** The {placeholders} of a template, sorted. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

const keys = messageKeys();

/** The text of a key, or "" when the dictionary has none. */
function text(t: Translate, key: MessageKey): string {
  try {
    return t(key) ?? "";
  } catch {
    return "";
  }
}

describe("UI messages", () => {
  it("finds the page texts to check", () => {
    expect(keys.length).toBeGreaterThan(50);
    expect(keys).toContain("home.start");
  });

  it("has a Chinese and an English text for every key", () => {
    const missing = keys.filter((key) => !text(zhT, key).trim() || !text(enT, key).trim());
    expect(missing).toEqual([]);
  });

  it("uses the same {placeholders} in Chinese and English for every key", () => {
    const mismatched = keys.filter((key) => placeholders(text(zhT, key)).join() !== placeholders(text(enT, key)).join());
    expect(mismatched).toEqual([]);
  });

  it("shows the page texts users see in the right language", () => {
    expect(zhT("home.start")).toBe("开始认证");
    expect(enT("home.start")).toBe("Get started");
    expect(zhT("unavailable.title")).toBe("该学校尚未开通");
    expect(zhT("me.noPhone")).toBe("当前没有绑定手机号");
  });

  it("fills variables into a page text", () => {
    expect(zhT("home.welcome", { name: "中国科学院大学" })).toBe("欢迎加入中国科学院大学企业微信");
    expect(enT("vendor.created", { slug: "e2e" })).toBe("e2e is set up");
  });
});

describe("format / pick / parseLocale", () => {
  it("fills every occurrence of each variable, numbers included", () => {
    expect(format("{a} and {a}, {n} left", { a: "x", n: 0 })).toBe("x and x, 0 left");
  });

  it("leaves a placeholder without a value visible instead of printing undefined", () => {
    expect(format("还可尝试 {remaining} 次", {})).toBe("还可尝试 {remaining} 次");
  });

  it("picks the text of the chosen language", () => {
    expect(pick("en", { zh: "中", en: "en" })).toBe("en");
    expect(pick("zh-CN", { zh: "中", en: "en" })).toBe("中");
  });

  it("falls back to Chinese for an unknown or missing locale", () => {
    expect(parseLocale("en")).toBe("en");
    expect(parseLocale("fr")).toBe("zh-CN");
    expect(parseLocale(undefined)).toBe("zh-CN");
    expect(parseLocale(null)).toBe("zh-CN");
  });
});

describe("error catalogue", () => {
  it.each(codes)("%s has a Chinese and an English message", (code) => {
    const { zh, en } = ERROR_CATALOG[code].message;
    expect(zh.trim().length).toBeGreaterThan(0);
    expect(en.trim().length).toBeGreaterThan(0);
    expect(/[\u4e00-\u9fff]/.test(zh)).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(en)).toBe(false);
  });

  it.each(codes)("%s uses the same {placeholders} in both languages", (code) => {
    const { zh, en } = ERROR_CATALOG[code].message;
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it("fills the remaining tries into the wrong-password message", () => {
    expect(errorMessage("BAD_CREDENTIALS_REMAINING", "zh-CN", { remaining: 5 })).toBe("账号或密码错误，还可尝试 5 次。");
    expect(errorMessage("BAD_CREDENTIALS_REMAINING", "en", { remaining: 5 })).toContain("5 tries left");
  });

  it("gives an AppError's message in the reader's language", () => {
    const error = new AppError("ACCOUNT_LOCKED", { minutes: 30 });
    expect(error.messageIn("zh-CN")).toBe("错误次数已达最大上限，请稍后再试（约 30 分钟后解锁，或联系学校管理员解锁）。");
    expect(error.messageIn("en")).toContain("about 30 minutes");
    expect(error.messageIn("en")).not.toContain("{");
  });
});

describe("times as a school reads them", () => {
  // 2026-09-01 00:30 UTC is 08:30 in China; a page formatted in the server's zone (UTC here) said 00:30.
  const at = new Date("2026-09-01T00:30:00Z");

  it("shows China time whatever the server's zone", () => {
    expect(chinaTime("zh-CN", at)).toBe("2026/9/1 08:30:00");
    expect(chinaClock("zh-CN", at)).toBe("08:30:00");
    expect(chinaTime("en", at)).toBe("9/1/2026, 8:30:00 AM");
  });

  it("gives the day in China, which at 23:30 UTC is already the next one", () => {
    expect(chinaDate("zh-CN", new Date("2026-08-31T23:30:00Z"))).toBe("2026/9/1");
  });
});
