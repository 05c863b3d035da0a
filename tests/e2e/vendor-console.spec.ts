import { expect, test, type Page } from "@playwright/test";
import { makeVendor, type E2eVendor } from "./factories";
import { signIn, signInAsVendor } from "./helpers";
import { rootUrl, tenantUrl } from "./hosts";

const DEMO_SLUGS = ["ucas", "sues", "imut", "uestc", "xawl", "demo"];

/** The outcome message of the 开通新学校 form: role "status" on success, "alert" on failure. */
function createOutcome(page: Page, role: "status" | "alert") {
  return page.getByTestId("create-tenant").getByRole(role);
}

/** Fills the 开通新学校 form and submits it. */
async function createTenant(page: Page, fields: { slug: string; name: string; nameEn: string }): Promise<void> {
  const form = page.getByTestId("create-tenant");
  await form.locator('input[name="slug"]').fill(fields.slug);
  await form.locator('input[name="name"]').fill(fields.name);
  await form.locator('input[name="nameEn"]').fill(fields.nameEn);
  await form.locator('select[name="idpKind"]').selectOption("BUILTIN");
  await form.getByRole("button", { name: "开通新学校" }).click();
}

test.describe("vendor console", () => {
  // Each test signs in a vendor of its own: workers never compete for one authenticator's codes.
  let vendor: E2eVendor;
  test.beforeEach(async () => {
    vendor = await makeVendor();
  });

  test("the right password without the authenticator's code opens nothing", async ({ page }) => {
    await page.goto(rootUrl("/vendor/login"));
    await expect(page.getByText("动态验证码")).toBeVisible();
    await signIn(page, rootUrl("/vendor/login"), vendor.username, vendor.password);
    await expect(page.locator("form").getByRole("alert")).toContainText("账号或密码错误");
    await expect(page).toHaveURL(rootUrl("/vendor/login"));
  });

  test("lists the six demo schools after signing in on the root host", async ({ page }) => {
    await signInAsVendor(page, vendor);
    const list = page.getByTestId("tenant-list");
    for (const slug of DEMO_SLUGS) await expect(list.getByTestId(`tenant-${slug}`)).toBeVisible();
    await expect(list.getByTestId("tenant-ucas")).toContainText("中国科学院大学");
    // npm test sets no VENDOR_ALLOWED_ADDRESSES: every console page says the console answers any address.
    await expect(page.getByTestId("vendor-open-to-all")).toContainText("未设置 VENDOR_ALLOWED_ADDRESSES");
  });

  test("a new school, once set up, is listed and serves its home page; suspending and resuming it closes and reopens that page", async ({
    page,
    context,
  }) => {
    const slug = `e2e${Date.now().toString(36)}`;
    const name = `测试大学${slug}`;
    await signInAsVendor(page, vendor);

    await createTenant(page, { slug, name, nameEn: `Test University ${slug}` });
    await expect(createOutcome(page, "status")).toHaveText(`已开通 ${slug}`);
    const entry = page.getByTestId(`tenant-${slug}`);
    await expect(entry).toContainText(name);
    await expect(entry.getByTestId("tenant-status")).toHaveText("运行中");

    const school = await context.newPage();
    await school.goto(tenantUrl(slug));
    await expect(school.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(school.getByRole("link", { name: "开始认证" })).toBeVisible();

    await entry.getByRole("button", { name: "暂停" }).click();
    await expect(entry.getByTestId("tenant-status")).toHaveText("已暂停");
    const suspended = await school.goto(tenantUrl(slug));
    expect(suspended?.status()).toBe(404);
    await expect(school.getByRole("heading", { name: "该学校尚未开通" }).first()).toBeVisible();
    await expect(school.getByText("该学校的服务已暂停")).toBeVisible();
    await expect(school.getByText(name)).toHaveCount(0);

    await entry.getByRole("button", { name: "恢复" }).click();
    await expect(entry.getByTestId("tenant-status")).toHaveText("运行中");
    const resumed = await school.goto(tenantUrl(slug));
    expect(resumed?.status()).toBe(200);
    await expect(school.getByRole("heading", { level: 1 })).toHaveText(name);
  });

  test("a new school's first IT admin is invited by link, sets a password, and lands on 开通向导 (1280 px, then 375 px)", async ({
    page,
    browser,
  }) => {
    const slug = `e2e${Date.now().toString(36)}i`;
    await signInAsVendor(page, vendor);
    await createTenant(page, { slug, name: `邀请大学${slug}`, nameEn: `Invite University ${slug}` });
    await expect(createOutcome(page, "status")).toHaveText(`已开通 ${slug}`);
    await page.getByTestId(`school-admins-${slug}`).click();
    const invite = page.getByTestId("invite-admin");
    await invite.locator('input[name="username"]').fill("xxzx.wang");
    await invite.locator('input[name="name"]').fill("王老师");
    await invite.getByRole("button", { name: "生成邀请链接" }).click();
    const link = await page.getByTestId("invite-link").inputValue();
    expect(link.startsWith(tenantUrl(slug, "/admin/invite/"))).toBe(true);

    const phone = await browser.newContext({ viewport: { width: 375, height: 740 } });
    try {
      const admin = await phone.newPage();
      await admin.goto(link);
      await expect(admin.getByTestId("invited-as")).toContainText("xxzx.wang");
      await admin.locator('input[name="password"]').fill("Xinxi2026");
      await admin.locator('input[name="confirmPassword"]').fill("Xinxi2026");
      await admin.getByRole("button", { name: "设置密码" }).click();
      await expect(admin.getByTestId("invite-done")).toContainText("密码已设置");
      await admin.getByRole("link", { name: "去登录" }).click();
      await signIn(admin, tenantUrl(slug, "/admin/login"), "xxzx.wang", "Xinxi2026");
      await expect(admin).toHaveURL(tenantUrl(slug, "/admin"));
      await admin.goto(tenantUrl(slug, "/admin/go-live"));
      await expect(admin.getByRole("heading", { level: 1, name: "开通向导" })).toBeVisible();
      // The link was for one use.
      await admin.goto(link);
      await expect(admin.getByTestId("invite-invalid")).toBeVisible();
    } finally {
      await phone.close();
    }
  });

  test("a school's own domain: refused when it is not a name, then the CNAME to add, and a check that says it does not point here yet", async ({
    page,
  }) => {
    const slug = `e2e${Date.now().toString(36)}d`;
    await signInAsVendor(page, vendor);
    await createTenant(page, { slug, name: `域名大学${slug}`, nameEn: `Domain University ${slug}` });
    await expect(createOutcome(page, "status")).toHaveText(`已开通 ${slug}`);
    await page.getByTestId(`school-domains-${slug}`).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("自定义域名");
    const form = page.getByTestId("add-domain");
    await form.locator('input[name="domain"]').fill("192.0.2.7");
    await form.getByRole("button", { name: "添加域名" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    const domain = `wx.${slug}.edu.cn`;
    await form.locator('input[name="domain"]').fill(domain);
    await form.getByRole("button", { name: "添加域名" }).click();
    await expect(form.getByRole("status")).toContainText(`已添加 ${domain}`);
    const row = page.getByTestId(`domain-${domain}`);
    await expect(row).toContainText(`${domain}.  CNAME  ${slug}.localhost.`);
    await expect(row).toContainText("尚未检查解析");
    // No DNS holds this name: the check says so, and what to do.
    await row.getByRole("button", { name: "检查解析" }).click();
    await expect(row.getByTestId("domain-check")).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
    await expect(row).toContainText("尚未指向平台");
  });

  test("setting up a school whose slug is taken says it already exists and changes nothing", async ({ page }) => {
    await signInAsVendor(page, vendor);
    await createTenant(page, { slug: "ucas", name: "重复的学校", nameEn: "" });
    await expect(createOutcome(page, "alert")).toContainText("已存在");
    await expect(createOutcome(page, "status")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("tenant-ucas")).toContainText("中国科学院大学");
    await expect(page.getByText("重复的学校")).toHaveCount(0);
  });

  test("the operator sets a new school's unified login to its CAS, and the school's login page offers it", async ({ page, context }) => {
    await signInAsVendor(page, vendor);
    // A school already on CAS: its settings as the operator sees them, and 【测试连接】 passing.
    await page.getByTestId("tenant-uestc").getByRole("link", { name: "统一身份认证" }).click();
    await expect(page.locator('select[name="kind"]')).toHaveValue("CAS");
    const casBaseUrl = await page.locator('input[name="casBaseUrl"]').inputValue();
    expect(casBaseUrl).toMatch(/\/uestc\/authserver$/);
    await page.getByRole("button", { name: "测试连接" }).click();
    await expect(page.getByTestId("identity-test-message")).toContainText("连接正常");

    const slug = `e2e${Date.now().toString(36)}`;
    await page.goto(rootUrl("/vendor"));
    await createTenant(page, { slug, name: `统一认证大学${slug}`, nameEn: "" });
    await expect(createOutcome(page, "status")).toHaveText(`已开通 ${slug}`);
    await page.getByTestId(`tenant-${slug}`).getByRole("link", { name: "统一身份认证" }).click();
    await expect(page.locator('select[name="kind"]')).toHaveValue("BUILTIN");
    await expect(page.locator('input[name="casBaseUrl"]')).toHaveValue("");
    await page.locator('select[name="kind"]').selectOption("CAS");
    await page.locator('input[name="casBaseUrl"]').fill(casBaseUrl);
    // The school's own 找回密码 page: a web address, never a script. The refusal keeps what was typed.
    await page.locator('input[name="passwordResetUrl"]').fill("javascript:alert(1)");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#passwordResetUrl-errors")).toContainText("请填写 http:// 或 https:// 开头的网址");
    await expect(page.locator('select[name="kind"]')).toHaveValue("CAS");
    await expect(page.locator('input[name="casBaseUrl"]')).toHaveValue(casBaseUrl);
    await page.locator('input[name="passwordResetUrl"]').fill("https://ids.example.edu.cn/retrieve-password");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId("identity-saved")).toHaveText("已保存。");

    const school = await context.newPage();
    // A member who forgot the password is sent to the school's page for it.
    await school.goto(tenantUrl(slug, "/forgot-password"));
    await expect(school.getByTestId("forgot-at-school")).toBeVisible();
    await expect(school.getByTestId("school-reset-link")).toHaveAttribute("href", "https://ids.example.edu.cn/retrieve-password");
    // The school's sign-in now goes to the CAS the operator typed, asking for a ticket for this school's own callback (and this login's).
    await school.goto(tenantUrl(slug, "/login"));
    await expect(school).toHaveURL((url) => url.href.startsWith(`${casBaseUrl}/login?`));
    expect(new URL(school.url()).searchParams.get("service")).toMatch(
      new RegExp(`^${tenantUrl(slug, "/api/identity/cas/callback").replace(/[.?]/g, "\\$&")}\\?login=[\\w-]+$`),
    );
  });

  test("vendor credentials open nothing on a school's host", async ({ page }) => {
    const response = await page.goto(tenantUrl("ucas", "/vendor/login"));
    expect(response?.status()).toBe(404);
    await expect(page.locator('input[name="password"]')).toHaveCount(0);

    // Posting the vendor's credentials straight to the school host's sign-in endpoint makes no session.
    const session = await page.evaluate(async ({ username, password }) => {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/callback/vendor", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, identifier: username, password, json: "true" }),
      });
      return (await (await fetch("/api/auth/session")).json()) as Record<string, unknown>;
    }, vendor);
    expect(session).toEqual({});
    const vendorPage = await page.goto(tenantUrl("ucas", "/vendor"));
    expect(vendorPage?.status()).toBe(404);
  });
});
