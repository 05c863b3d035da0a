import { expect, test } from "@playwright/test";
import { rootUrl, tenantUrl } from "./hosts";

test.describe("hosts and areas that do not exist", () => {
  test("an unknown school's host says 该学校尚未开通 with HTTP 404", async ({ page }) => {
    const response = await page.goto(tenantUrl("nosuchschool"));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "该学校尚未开通" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "开始认证" })).toHaveCount(0);
  });

  test("an unknown school's sign-in page is 404 too, with no form", async ({ page }) => {
    const response = await page.goto(tenantUrl("nosuchschool", "/login"));
    expect(response?.status()).toBe(404);
    await expect(page.getByText("该学校尚未开通").first()).toBeVisible();
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
  });

  test("the school back office does not exist on the root host", async ({ page }) => {
    for (const path of ["/admin", "/admin/login"]) {
      const response = await page.goto(rootUrl(path));
      expect(response?.status()).toBe(404);
      await expect(page.getByText("页面不存在").first()).toBeVisible();
      await expect(page.locator('input[name="password"]')).toHaveCount(0);
    }
  });

  test("the vendor console does not exist on a school's host", async ({ page }) => {
    for (const path of ["/vendor", "/vendor/login"]) {
      const response = await page.goto(tenantUrl("ucas", path));
      expect(response?.status()).toBe(404);
      await expect(page.getByText("页面不存在").first()).toBeVisible();
      await expect(page.locator('input[name="password"]')).toHaveCount(0);
    }
  });
});
