// A vendor without a second factor: the first sign-in with the password leads to
// the enrolment page (QR code and key, on a 375 px phone), a code of the new
// authenticator stores it, and from then on sign-in needs that code.
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { totpCode } from "../../src/server/auth/totp";
import { scrollWidth, signIn, signInError } from "./helpers";
import { rootUrl } from "./hosts";

const PASSWORD = "Enrol-Me-2026";

/** A vendor account with a password and no authenticator, made in the e2e database. */
async function makeUnenrolledVendor(): Promise<string> {
  const username = `e2e-vendor-${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "VendorAdmin" (id, username, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())`,
      [username, "端到端运营", await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 })],
    );
  } finally {
    await client.end();
  }
  return username;
}

test("a vendor's first sign-in enrols an authenticator on a 375 px phone; after that the code is required", async ({ page }) => {
  const username = await makeUnenrolledVendor();
  await signIn(page, rootUrl("/vendor/login"), username, PASSWORD);
  await expect(page).toHaveURL(rootUrl("/vendor/enrol"));
  // Only enrolment (and signing out) opens until it is done.
  await page.goto(rootUrl("/vendor"));
  await expect(page).toHaveURL(rootUrl("/vendor/enrol"));

  await expect(page.getByRole("heading", { name: "绑定身份验证器" })).toBeVisible();
  const qr = page.getByTestId("enrol-qr");
  await expect(qr.locator("svg")).toBeVisible();
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThan(150);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
  const secret = (await page.getByTestId("enrol-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const form = page.getByTestId("enrol-form");
  await form.locator('input[name="code"]').fill(totpCode(secret, Date.now() - 120_000));
  await form.getByRole("button", { name: "完成绑定" }).click();
  await expect(form.getByRole("alert")).toContainText("验证码不正确");

  await form.locator('input[name="code"]').fill(totpCode(secret));
  await form.getByRole("button", { name: "完成绑定" }).click();
  await expect(page).toHaveURL(rootUrl("/vendor/login?enrolled=1"));
  await expect(page.getByRole("status")).toContainText("身份验证器已绑定");

  // The password alone no longer opens the console; password and the next code do.
  await signIn(page, rootUrl("/vendor/login?enrolled=1"), username, PASSWORD);
  await expect(signInError(page)).toContainText("账号或密码错误");
  await page.locator('input[name="totp"]').fill(totpCode(secret, Date.now() + 30_000));
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(rootUrl("/vendor"));
  await expect(page.getByTestId("tenant-list")).toBeVisible();
});
