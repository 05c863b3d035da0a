// Shared steps of the e2e specs: signing in through the real forms, and the
// demo accounts they use (src/server/seed/demo-tenants.ts).
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { totpCode, totpStep } from "../../src/server/auth/totp";
import { rootUrl, tenantUrl } from "./hosts";

export const MEMBER_PASSWORD = "Passw0rd!";
export const ADMIN = { username: "admin", password: "Admin@2026" };
export const HELPDESK = { username: "helpdesk", password: "Helpdesk@2026" };

const lastStepUsed = new Map<string, number>();
/**
 * A code of the secret the server has not seen yet. A code is accepted once, so
 * two sign-ins within one 30-second step take the next step's code (the server
 * accepts one step ahead), and a third waits for the clock. Each test signs in a
 * vendor of its own (factories.ts), so workers never compete for a code.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = totpStep();
    const step = Math.max(now, (lastStepUsed.get(secret) ?? 0) + 1);
    if (step <= now + 1) {
      lastStepUsed.set(secret, step);
      return totpCode(secret, step * 30_000 + 1_000);
    }
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * 30_000 - Date.now() + 100));
  }
}

/** Opens a sign-in page at `url` and submits the form; the caller checks the outcome. */
export async function signIn(page: Page, url: string, account: string, password: string): Promise<void> {
  if (page.url() !== url) await page.goto(url);
  await submitCredentials(page, account, password);
}

/** Fills and submits the sign-in form already on screen. */
export async function submitCredentials(page: Page, account: string, password: string): Promise<void> {
  await page.locator('input[name="identifier"]').fill(account);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** The message the sign-in form shows after a failed attempt (not Next's empty route announcer). */
export function signInError(page: Page) {
  return page.locator("form").getByRole("alert");
}

/** The horizontal extent of the page; more than the viewport means the user can scroll sideways. */
/**
 * The width of an <img> once it has loaded: visible is not loaded, so this waits
 * for the image to decode, and fails if it cannot (a broken image).
 */
export function loadedImageWidth(image: Locator): Promise<number> {
  return image.evaluate(async (img) => {
    await (img as HTMLImageElement).decode();
    return (img as HTMLImageElement).naturalWidth;
  });
}

export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}

/**
 * Signs a ucas-style member in with the right password in a throwaway browser
 * context, which clears earlier wrong tries; when the account is locked, the
 * school's helpdesk unlocks it first. Lets a spec start from a clean account
 * whatever an earlier, interrupted run left behind.
 */
export async function startFromCleanAccount(browser: Browser, slug: string, account: string, password: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, tenantUrl(slug, "/login"), account, password);
    const outcome = await Promise.race([
      page.waitForURL(/\/me$/).then(() => "signed-in" as const),
      signInError(page)
        .waitFor()
        .then(() => "refused" as const),
    ]);
    if (outcome === "refused") {
      await unlockAsHelpdesk(page, slug, account);
      await page.context().clearCookies();
      await signIn(page, tenantUrl(slug, "/login"), account, password);
      await expect(page).toHaveURL(/\/me$/);
    }
  } finally {
    await context.close();
  }
}

/** The row of one member in the back office's member table. */
export function memberRow(page: Page, account: string) {
  return page
    .getByTestId("member-table")
    .locator("tbody tr")
    .filter({ has: page.getByText(account, { exact: true }) });
}

/** Signs the helpdesk in at the school's back office and finds the member by account. */
export async function findMemberAsHelpdesk(page: Page, slug: string, account: string) {
  await signIn(page, tenantUrl(slug, "/admin/login"), HELPDESK.username, HELPDESK.password);
  await expect(page).toHaveURL(tenantUrl(slug, "/admin"));
  // The member table is the directory's page in the console's navigation.
  await page.goto(tenantUrl(slug, "/admin/members"));
  await page.locator('input[name="q"]').fill(account);
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/admin\/members\?q=/);
  const row = memberRow(page, account);
  await expect(row).toHaveCount(1);
  return row;
}

async function unlockAsHelpdesk(page: Page, slug: string, account: string): Promise<void> {
  const row = await findMemberAsHelpdesk(page, slug, account);
  await row.getByRole("button", { name: "解锁" }).click();
  await expect(row).toContainText("正常");
}

/** Account, password and a code of the vendor's authenticator, through the sign-in form. */
export async function signInAsVendor(page: Page, vendor: { username: string; password: string; totpSecret: string }): Promise<void> {
  await page.goto(rootUrl("/vendor/login"));
  await page.locator('input[name="totp"]').fill(await freshTotpCode(vendor.totpSecret));
  await signIn(page, rootUrl("/vendor/login"), vendor.username, vendor.password);
  await expect(page).toHaveURL(rootUrl("/vendor"));
}
