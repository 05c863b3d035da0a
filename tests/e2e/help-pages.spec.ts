// 帮助 (issue 18 §4): the IT admin writes a help page in the back office, previews it (rendered on
// the server, typed HTML shown as text) and saves it with the school's contacts; a student at 375 px
// with the page's scripts blocked finds it by typing 「缓存」 into the search and reads it; nothing the
// page's author typed runs; and an error page of the journey shows the school's contacts and the help.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeSchool, signInThroughApi } from "./factories";
import { tenantUrl } from "./hosts";

const BODY = [
  "## 清除微信缓存",
  "",
  "1. 打开 **我 → 设置 → 通用 → 存储空间**",
  "2. 点击 清理缓存",
  "",
  "<script>window.__helpScriptRan = true; alert('x')</script>",
  "",
  "[危险链接](javascript:alert(1)) <img src=x onerror=alert(1)>",
].join("\n");

test("an admin writes a page with a preview; a student finds it by search with scripts blocked; an error page shows the contacts", async ({
  page,
  browser,
}) => {
  const school = await makeSchool();
  await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
  await page.goto(tenantUrl(school.slug, "/admin/help"));
  await expect(page.getByRole("heading", { level: 1, name: "帮助页面" })).toBeVisible();

  const contacts = page.getByTestId("help-contacts-form");
  await contacts.locator('input[name="phone"]').fill("0471-6576286");
  await contacts.locator('input[name="email"]').fill("help@school.edu.cn");
  await contacts.locator('input[name="hoursZh"]').fill("工作日 8:00–17:30");
  await contacts.getByRole("button", { name: "保存" }).click();
  await expect(contacts.getByRole("status")).toHaveText("已保存。");

  await page.getByTestId("help-new").click();
  const editor = page.getByTestId("help-editor");
  await editor.locator('input[name="slug"]').fill("wechat-cache");
  await editor.locator('input[name="titleZh"]').fill("页面打不开：清除微信缓存");
  await editor.locator('textarea[name="bodyZh"]').fill(BODY);
  await editor.getByTestId("help-preview").click();
  const preview = page.getByTestId("help-preview-pane");
  await expect(preview.getByRole("heading", { name: "清除微信缓存" })).toBeVisible();
  // Typed HTML is shown as the text it is; the javascript: link is not a link.
  await expect(preview).toContainText("<script>window.__helpScriptRan = true;");
  await expect(preview.getByRole("link")).toHaveCount(0);
  // The preview saved nothing, and kept what was typed.
  await expect(editor.locator('textarea[name="bodyZh"]')).toHaveValue(BODY);
  await editor.getByTestId("help-save").click();
  await expect(page.getByTestId("help-saved")).toBeVisible();
  await expect(page.getByTestId("help-row-wechat-cache")).toContainText("页面打不开：清除微信缓存");

  // A student, scripts blocked, 375 px.
  const blocked = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
  const student = await blocked.newPage();
  await student.goto(tenantUrl(school.slug, "/help"));
  await student.getByRole("searchbox").fill("缓存");
  await student.getByRole("button", { name: "搜索" }).click();
  await expect(student).toHaveURL(/\/help\?q=%E7%BC%93%E5%AD%98$/);
  await expect(student.getByTestId("help-results-count")).toHaveText("“缓存”的搜索结果：1 篇");
  await student.getByRole("link", { name: "页面打不开：清除微信缓存" }).click();
  await expect(student).toHaveURL(/\/help\/wechat-cache$/);
  await expect(student.getByTestId("help-article").getByRole("heading", { name: "清除微信缓存" })).toBeVisible();
  await expect(student.getByTestId("contacts-phone")).toHaveText("0471-6576286");
  expect(await student.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await blocked.close();

  // With scripts on, nothing the author typed runs.
  const reader = await browser.newPage();
  const dialogs: string[] = [];
  reader.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await reader.goto(tenantUrl(school.slug, "/help/wechat-cache"));
  await expect(reader.getByTestId("help-article")).toContainText("<img src=x onerror=alert(1)>");
  expect(await reader.evaluate(() => (window as unknown as { __helpScriptRan?: boolean }).__helpScriptRan)).toBeUndefined();
  expect(await reader.getByTestId("help-article").locator("script, img, iframe").count()).toBe(0);
  expect(dialogs).toEqual([]);

  // A journey error page ends with whom to ask and the help pages.
  await reader.goto(tenantUrl(school.slug, "/verify/result?error=NOT_FOUND"));
  const card = reader.getByTestId("school-contacts");
  await expect(card.getByTestId("contacts-phone")).toHaveText("0471-6576286");
  await expect(card.getByTestId("contacts-email")).toHaveText("help@school.edu.cn");
  await expect(card.getByTestId("contacts-hours")).toHaveText("工作日 8:00–17:30");
  await card.getByTestId("contacts-help-link").click();
  await expect(reader).toHaveURL(/\/help$/);
  await expect(reader.getByRole("link", { name: "页面打不开：清除微信缓存" })).toBeVisible();
  await reader.close();
});
