// 学校设置 in the back office: the lockout rule saved and kept after a reload, an impossible value
// refused on its field with nothing changed, and the foreign-phone rule with its country codes.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeSchool, signInThroughApi } from "./factories";
import { tenantUrl } from "./hosts";

test("the IT admin changes the school's lockout and phone rules", async ({ page }) => {
  const school = await makeSchool();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
  await page.goto(tenantUrl(school.slug, "/admin/settings"));
  await expect(page.getByRole("heading", { level: 1, name: "学校设置" })).toBeVisible();

  const lockout = page.getByTestId("settings-lockout");
  await lockout.locator('input[name="maxAttempts"]').fill("0");
  await lockout.getByRole("button", { name: "保存" }).click();
  await expect(lockout.getByRole("alert")).toBeVisible();
  await page.reload();
  await expect(lockout.locator('input[name="maxAttempts"]')).not.toHaveValue("0");

  await lockout.locator('input[name="maxAttempts"]').fill("3");
  await lockout.locator('input[name="lockMinutes"]').fill("10");
  await lockout.getByRole("button", { name: "保存" }).click();
  await expect(lockout.getByRole("status")).toHaveText("已保存。");

  const phone = page.getByTestId("settings-phone");
  await phone.locator('select[name="allowForeign"]').selectOption("1");
  await phone.locator('input[name="allowedCountryCodes"]').fill("853，852");
  await phone.getByRole("button", { name: "保存" }).click();
  await expect(phone.getByRole("status")).toHaveText("已保存。");

  await page.reload();
  await expect(lockout.locator('input[name="maxAttempts"]')).toHaveValue("3");
  await expect(lockout.locator('input[name="lockMinutes"]')).toHaveValue("10");
  await expect(phone.locator('select[name="allowForeign"]')).toHaveValue("1");
  await expect(phone.locator('input[name="allowedCountryCodes"]')).toHaveValue("852, 853");
});
