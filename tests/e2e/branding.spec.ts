// 品牌 in the back office, at 1280 px and 375 px: the IT admin uploads the school's logo and picks its
// colours (a colour too light for white text is refused with its ratio), sees them on the phone
// preview and on a member page, and downloads the A4 poster as a PDF whose text names the school
// and the steps in both languages.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import QRCode from "qrcode";
import { openConsoleNav } from "./console";
import { FACTORY_PASSWORD, makeSchool, signInThroughApi } from "./factories";
import { loadedImageWidth, scrollWidth } from "./helpers";
import { tenantUrl } from "./hosts";

const MAROON = "rgb(139, 26, 26)";

for (const width of [1280, 375]) {
  test(`the IT admin brands the school and downloads its poster at ${width} px`, async ({ page }) => {
    const school = await makeSchool();
    await page.setViewportSize({ width, height: 900 });
    await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
    await page.goto(tenantUrl(school.slug, "/admin"));
    await openConsoleNav(page);
    await page.getByTestId("branding-link").click();
    await expect(page.getByRole("heading", { level: 1, name: "品牌" })).toBeVisible();

    // The logo, as a PNG file the admin picks.
    await page
      .getByTestId("logo-file")
      .setInputFiles({ name: "校徽.png", mimeType: "image/png", buffer: await QRCode.toBuffer("校徽", { width: 96 }) });
    await page.getByRole("button", { name: "上传 Logo" }).click();
    await expect(page.getByTestId("branding-logo-saved")).toHaveText("Logo 已保存。");
    await expect(page.getByTestId("preview-logo")).toBeVisible();
    expect(await loadedImageWidth(page.getByTestId("preview-logo"))).toBeGreaterThan(0);

    // A colour white text is unreadable on is refused, saying why; a readable one is saved and previewed.
    const colours = page.getByTestId("branding-colours");
    await colours.locator('input[name="primaryColor"]').fill("#ffcc00");
    await colours.getByRole("button", { name: "保存" }).click();
    await expect(colours.getByRole("alert")).toContainText("对比度");
    await colours.locator('input[name="primaryColor"]').fill("#8b1a1a");
    await colours.locator('input[name="accentColor"]').fill("#1f6f43");
    await colours.getByRole("button", { name: "保存" }).click();
    await expect(colours.getByRole("status")).toHaveText("颜色已保存。");
    await expect(page.getByTestId("preview-bar")).toHaveCSS("background-color", MAROON);
    await expect(page.getByTestId("preview-button")).toHaveCSS("background-color", MAROON);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(width);

    // A member page in the school's colours, with its logo.
    await page.goto(tenantUrl(school.slug, "/login"));
    await expect(page.locator("header").first()).toHaveCSS("background-color", MAROON);
    await expect(page.getByTestId("school-logo")).toBeVisible();
    expect(await loadedImageWidth(page.getByTestId("school-logo"))).toBeGreaterThan(0);

    // The poster, downloaded from the QR page, names the school and the steps in both languages.
    await page.goto(tenantUrl(school.slug, "/admin/qr"));
    const download = page.waitForEvent("download");
    await page.getByTestId("download-poster").click();
    const pdf = await readFile(await (await download).path());
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, " ");
    for (const words of [
      school.name,
      `Test School ${school.slug.slice(3)}`,
      "扫码",
      "统一身份认证登录",
      "绑定手机号",
      "关注企业微信",
      "Bind your phone",
      "Follow WeCom",
    ]) {
      expect(text, words).toContain(words);
    }
  });
}
