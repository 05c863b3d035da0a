// The console frame's navigation in the specs: on a phone (the specs' 375 px) it is folded behind
// 【菜单】 and opens with a tap; beside the content (768 px and up) it is open already.
import { expect, type Page } from "@playwright/test";

export async function openConsoleNav(page: Page): Promise<void> {
  const nav = page.getByTestId("console-nav");
  await expect(nav).toBeAttached();
  const summary = nav.locator("summary");
  if ((await summary.isVisible()) && !(await nav.evaluate((details) => (details as HTMLDetailsElement).open))) await summary.click();
  await expect(nav.getByRole("navigation")).toBeVisible();
}
