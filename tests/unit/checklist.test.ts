// One Checklist for every check the server runs (【测试连接】 of WeCom and of the unified login):
// each state said in words in the page's language, and a failed check's steps shown with it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Checklist } from "~/components/ui/checklist";
import { translator } from "~/i18n/messages";
import { checklist, type Check } from "~/server/checks/check";

const failed: Check = {
  id: "app",
  status: "failed",
  title: "Assistant app",
  detail: "The app is switched off.",
  steps: ["Switch it on under App Management.", "Then press Test connection again."],
};
const passed: Check = { id: "appSecret", status: "passed", title: "Corp ID and app secret", detail: "WeCom accepted them.", steps: [] };
const skipped: Check = {
  id: "visibleRange",
  status: "skipped",
  title: "Visible range",
  detail: "Not checked: fix the app first.",
  steps: [],
};

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const render = (checks: Check[], locale: "zh-CN" | "en") =>
  renderToStaticMarkup(createElement(Checklist, { checks, heading: "wecom.diagnosis", t: translator(locale), testId: "diagnosis" }));

describe("Checklist", () => {
  it("says each check's state in words of the page's language, not by colour alone", () => {
    const zh = text(render([passed, failed, skipped], "zh-CN"));
    expect(zh).toContain("通过");
    expect(zh).toContain("未通过");
    expect(zh).toContain("未检查");
    const en = text(render([passed, failed, skipped], "en"));
    expect(en).toMatch(/✓ Passed Corp ID and app secret/);
    expect(en).toMatch(/✗ Failed Assistant app/);
    expect(en).toMatch(/– Not checked Visible range/);
  });

  it("shows a failed check's steps, in order, under what was found, and the page's heading", () => {
    const html = render([failed], "en");
    expect(text(html)).toMatch(
      /What was checked.*The app is switched off\. Switch it on under App Management\. Then press Test connection again\./,
    );
    expect(html).toContain('aria-label="What to do"');
    expect(html).toContain('data-check="app" data-status="failed"');
  });
});

describe("checklist", () => {
  const allClear = "Connected.";
  it("answers with the first failure in the reader's language, or the all-clear", () => {
    expect(checklist([passed, failed], { allClear, warnings: "matter", locale: "en" })).toMatchObject({
      ok: false,
      message: "Assistant app: The app is switched off.",
    });
    expect(checklist([passed, failed], { allClear, warnings: "matter", locale: "zh-CN" }).message).toBe(
      "Assistant app：The app is switched off.",
    );
    expect(checklist([passed], { allClear, warnings: "matter", locale: "en" })).toMatchObject({ ok: true, message: allClear });
  });

  it("lets an informative warning stand, while a warning that matters is the answer", () => {
    const warning: Check = { ...passed, id: "client", status: "warning", detail: "Only a real sign-in proves it." };
    expect(checklist([passed, warning], { allClear, warnings: "informative", locale: "en" })).toMatchObject({
      ok: true,
      message: allClear,
    });
    expect(checklist([passed, warning], { allClear, warnings: "matter", locale: "en" })).toMatchObject({
      ok: false,
      message: "Corp ID and app secret: Only a real sign-in proves it.",
    });
  });
});
