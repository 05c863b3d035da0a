import { expect, test } from "@playwright/test";
import { scrollWidth } from "./helpers";
import { tenantUrl } from "./hosts";

test.describe("tenant home page", () => {
  test("shows the school's name and 开始认证 on a 375 px phone without sideways scrolling", async ({ page }) => {
    const response = await page.goto(tenantUrl("ucas"));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国科学院大学");
    await expect(page.getByTestId("tenant-welcome")).toHaveText("欢迎加入中国科学院大学企业微信");
    await expect(page.getByRole("link", { name: "开始认证" })).toBeVisible();
    expect(page.viewportSize()?.width).toBe(375);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
  });

  test("开始认证 leads where the registration QR code leads, and 【在校师生】 from there to the school's sign-in page", async ({
    page,
  }) => {
    await page.goto(tenantUrl("ucas"));
    await page.getByRole("link", { name: "开始认证" }).click();
    await expect(page).toHaveURL(tenantUrl("ucas", "/join"));
    await page.getByRole("link", { name: "在校师生" }).click();
    await expect(page).toHaveURL(tenantUrl("ucas", "/login?kind=student_staff&returnTo=%2Fbind-phone"));
    await expect(page.locator('input[name="password"]')).toBeVisible();
  });

  test("each identity under 可加入的身份 is a way in: 【在校师生】 opens the school's sign-in for it", async ({ page }) => {
    await page.goto(tenantUrl("ucas"));
    await page.getByTestId("home-identity-student_staff").click();
    await expect(page).toHaveURL(tenantUrl("ucas", "/login?kind=student_staff&returnTo=%2Fbind-phone"));
    await expect(page.locator('input[name="password"]')).toBeVisible();
  });

  test("the language switch turns the page into English and back into Chinese", async ({ page }) => {
    await page.goto(tenantUrl("ucas"));
    const localeSwitch = page.getByTestId("locale-switch");
    await expect(localeSwitch).toHaveText("English");

    await localeSwitch.click();
    await expect(page).toHaveURL(tenantUrl("ucas"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("University of Chinese Academy of Sciences");
    await expect(page.getByRole("link", { name: "Get started" })).toBeVisible();
    await expect(page.getByText("开始认证")).toHaveCount(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);

    // The choice is remembered on the next visit.
    await page.reload();
    await expect(page.getByRole("link", { name: "Get started" })).toBeVisible();

    await page.getByTestId("locale-switch").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国科学院大学");
    await expect(page.getByRole("link", { name: "开始认证" })).toBeVisible();
  });

  test("each school's host shows that school's own name", async ({ page }) => {
    await page.goto(tenantUrl("ucas"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国科学院大学");

    await page.goto(tenantUrl("sues"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("上海工程技术大学");
    await expect(page.getByText("中国科学院大学")).toHaveCount(0);
  });
});
