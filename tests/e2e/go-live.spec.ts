// 开通向导 in the back office: a new school sees each step as the product finds it, and a step done
// elsewhere in the back office (downloading the registration code) shows as done when it comes
// back. At 1280 px and at 375 px.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeSchool, signInThroughApi } from "./factories";
import { tenantUrl } from "./hosts";

for (const width of [1280, 375]) {
  test(`the go-live checklist finds a download of the code at ${width} px`, async ({ page }) => {
    const school = await makeSchool();
    await page.setViewportSize({ width, height: 900 });
    await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
    await page.goto(tenantUrl(school.slug, "/admin/go-live"));
    await expect(page.getByRole("heading", { level: 1, name: "开通向导" })).toBeVisible();
    const qr = page.getByTestId("go-live").locator('[data-check="qr"]');
    await expect(qr).toHaveAttribute("data-status", "failed");
    await expect(page.getByTestId("go-live-progress")).toContainText("步");
    await qr.getByRole("link", { name: /二维码页面/ }).click();
    await expect(page).toHaveURL(tenantUrl(school.slug, "/admin/qr"));
    const download = page.waitForEvent("download");
    await page.getByTestId("download-png").click();
    await download;
    await page.goto(tenantUrl(school.slug, "/admin/go-live"));
    await expect(qr).toHaveAttribute("data-status", "passed");
    await expect(qr).toContainText("已下载注册二维码");
  });
}
