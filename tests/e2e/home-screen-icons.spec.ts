import { expect, test } from "@playwright/test";
import { rootUrl, tenantUrl } from "./hosts";

type Manifest = {
  name: string;
  short_name: string;
  display: string;
  theme_color: string;
  start_url: string;
  icons: { src: string; sizes: string; type: string }[];
};

test.describe("the platform's icons and web app manifest", () => {
  test("a school's page links them, and they load at their declared sizes under the page's CSP", async ({ page }) => {
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(tenantUrl("ucas"));
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
    await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/icon.svg");

    // Fetched by the page itself, so the school's host and the CSP are the browser's.
    const { contentType, manifest } = await page.evaluate(async () => {
      const response = await fetch("/manifest.webmanifest");
      return { contentType: response.headers.get("content-type"), manifest: (await response.json()) as Manifest };
    });
    expect(contentType).toContain("application/manifest+json");
    expect(manifest).toMatchObject({ name: "校园企业微信开通平台", display: "standalone", theme_color: "#1d4ed8", start_url: "/" });

    const pngs = [...manifest.icons.filter((icon) => icon.type === "image/png"), { src: "/apple-touch-icon.png", sizes: "180x180" }];
    expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512", "180x180"]));
    for (const icon of [...pngs, { src: "/favicon.ico", sizes: "48x48" }]) {
      const size = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, icon.src);
      expect(size, icon.src).toBe(icon.sizes);
    }
    expect(blocked).toEqual([]);
  });

  test("the vendor console's pages link the same icons", async ({ page }) => {
    await page.goto(rootUrl("/vendor/login"));
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", "/favicon.ico");
  });
});
