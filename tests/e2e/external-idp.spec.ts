import { expect, test } from "@playwright/test";
import { tenantUrl } from "./hosts";

test.describe("schools that sign members in through their own unified login", () => {
  test("the CAS school sues shows the school's unified login notice instead of a password form", async ({ page }) => {
    await page.goto(tenantUrl("sues", "/login"));
    const notice = page.getByTestId("external-idp");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("本校使用学校统一身份认证系统登录（CAS）");
    await expect(page.getByText("上海工程技术大学")).toBeVisible();
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
    await expect(page.locator('input[name="identifier"]')).toHaveCount(0);
  });

  test("the OIDC school demo shows the same notice naming OIDC", async ({ page }) => {
    await page.goto(tenantUrl("demo", "/login"));
    await expect(page.getByTestId("external-idp")).toContainText("（OIDC）");
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
  });

  test("the notice is in English after switching language", async ({ page }) => {
    await page.goto(tenantUrl("sues", "/login"));
    await page.getByTestId("locale-switch").click();
    await expect(page.getByTestId("external-idp")).toContainText("This school signs you in through its own unified login (CAS)");
  });
});
