// The development outbox pages of demo mode: a member reads the "sent" code on the
// school's /dev/outbox at phone width, and the school's admins see the same in /admin/outbox.
// The message is written as the outbox provider writes it (an OutboxMessage row): no member
// page asks for a code yet.
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { ADMIN, scrollWidth, signIn } from "./helpers";
import { rootUrl, tenantUrl } from "./hosts";

async function sendToOutbox(slug: string, text: string, destination: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "OutboxMessage" (id, "tenantId", channel, destination, purpose, text)
       SELECT $1::uuid, id, 'SMS', $2, 'BIND_PHONE', $3 FROM "Tenant" WHERE slug = $4`,
      [randomUUID(), destination, text, slug],
    );
  } finally {
    await client.end();
  }
}

test.describe("development outbox", () => {
  const code = String(100000 + (randomBytes(3).readUIntBE(0, 3) % 900000));
  const phone = `+86139${String(randomBytes(4).readUInt32BE(0) % 1e8).padStart(8, "0")}`;
  const text = `【示范大学】您的验证码为 ${code}，5 分钟内有效。您正在绑定手机号，请勿将验证码告诉他人；如非本人操作，请忽略本短信。`;

  test.beforeAll(async () => {
    await sendToOutbox("demo", text, phone);
  });

  test("shows the school's sent codes, newest first, on a 375 px phone, in Chinese and English", async ({ page }) => {
    const response = await page.goto(tenantUrl("demo", "/dev/outbox"));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("开发发件箱");
    const first = page.getByTestId("outbox-message").first();
    await expect(first).toContainText(text);
    await expect(first).toContainText(`发给 ${phone.slice(3)}`);
    await expect(first).toContainText("短信 · 绑定手机号");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);

    await page.getByTestId("locale-switch").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Development outbox");
    await expect(page.getByTestId("outbox-message").first()).toContainText("Text message · Bind phone");
    await page.getByTestId("locale-switch").click();
  });

  test("shows another school nothing of this school's outbox", async ({ page }) => {
    await page.goto(tenantUrl("ucas", "/dev/outbox"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("开发发件箱");
    await expect(page.getByText(text)).toHaveCount(0);
  });

  test("is not a page of the root domain", async ({ page }) => {
    const response = await page.goto(rootUrl("/dev/outbox"));
    expect(response?.status()).toBe(404);
  });

  test("the school's admin reads the same codes in the back office, after signing in", async ({ page }) => {
    await page.goto(tenantUrl("demo", "/admin/outbox"));
    await expect(page).toHaveURL(/\/admin\/login$/);
    await signIn(page, tenantUrl("demo", "/admin/login"), ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(tenantUrl("demo", "/admin/outbox"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("验证码发件箱");
    await expect(page.getByTestId("outbox-message").first()).toContainText(text);
  });
});
