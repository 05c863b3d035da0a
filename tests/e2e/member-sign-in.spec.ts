import { expect, test } from "@playwright/test";
import { MEMBER_PASSWORD, signIn, signInError, startFromCleanAccount, submitCredentials } from "./helpers";
import { tenantUrl } from "./hosts";

// Accounts of this spec only: 2024001 张三 and 2024002 李四 of ucas.
test.describe("member sign-in (ucas)", () => {
  test("a wrong password shows how many tries are left, then the right one opens 个人中心 without a phone for 李四", async ({
    page,
    browser,
  }) => {
    await startFromCleanAccount(browser, "ucas", "2024002", MEMBER_PASSWORD);

    await signIn(page, tenantUrl("ucas", "/login"), "2024002", "wrong-password");
    await expect(signInError(page)).toHaveText("账号或密码错误，还可尝试 5 次。");
    await expect(page).toHaveURL(tenantUrl("ucas", "/login"));
    // ucas has no initial-password rule: its login page says nothing of one (xawl's does, journey-main.spec.ts).
    await expect(page.getByTestId("initial-password-hint")).toHaveCount(0);

    await submitCredentials(page, "2024002", MEMBER_PASSWORD);
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("李四");
    await expect(page.getByText("当前没有绑定手机号")).toBeVisible();
  });

  test("a password submitted before the page's scripts have loaded never lands in an address", async ({ page }) => {
    const secret = "Before-Scripts-Secret-1";
    const addresses: string[] = [];
    page.on("request", (request) => addresses.push(request.url()));
    await page.route(/\/_next\/static\/.+\.js(\?|$)/, (route) => route.abort());
    await page.goto(tenantUrl("ucas", "/login"));
    await page.locator('input[name="identifier"]').fill("2024999");
    await page.locator('input[name="password"]').fill(secret);
    const submitted = page.waitForEvent("framenavigated");
    await page.locator('form button[type="submit"]').click();
    await submitted;
    await expect(page.locator('input[name="password"]')).toBeVisible();
    expect(page.url()).not.toContain(secret);
    expect(addresses.filter((address) => address.includes(secret))).toEqual([]);
  });

  test("an unknown account is refused exactly like a real one, so the answer does not tell whether it exists", async ({ page }) => {
    await signIn(page, tenantUrl("ucas", "/login"), `no-such-${Date.now()}`, MEMBER_PASSWORD);
    await expect(signInError(page)).toHaveText("账号或密码错误，还可尝试 5 次。");
    await expect(page).toHaveURL(tenantUrl("ucas", "/login"));
  });

  test("张三 sees his own account and phone number on 个人中心", async ({ page }) => {
    await signIn(page, tenantUrl("ucas", "/login"), "2024001", MEMBER_PASSWORD);
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("张三");
    await expect(page.getByText("13800000001")).toBeVisible();
    await expect(page.getByText("2024001", { exact: true })).toBeVisible();
    await expect(page.getByText("当前没有绑定手机号")).toHaveCount(0);
    // The built-in directory keeps his password: he may change it here.
    await expect(page.getByRole("link", { name: /修改密码/ })).toBeVisible();
  });

  test("signing out returns to the home page and 个人中心 then asks to sign in again", async ({ page }) => {
    await signIn(page, tenantUrl("ucas", "/login"), "2024001", MEMBER_PASSWORD);
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(tenantUrl("ucas"));
    await expect(page.getByRole("link", { name: "开始认证" })).toBeVisible();

    await page.goto(tenantUrl("ucas", "/me"));
    await expect(page).toHaveURL(tenantUrl("ucas", "/login?returnTo=%2Fme"));
    await expect(page.locator('input[name="password"]')).toBeVisible();
  });

  test("a session made on ucas does not sign the member in on xawl", async ({ page, context }) => {
    await signIn(page, tenantUrl("ucas", "/login"), "2024001", MEMBER_PASSWORD);
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));

    await page.goto(tenantUrl("xawl", "/me"));
    await expect(page).toHaveURL(tenantUrl("xawl", "/login?returnTo=%2Fme"));

    // Even the ucas session cookie itself, carried over to xawl's host, is refused there.
    const ucasCookies = await context.cookies(tenantUrl("ucas"));
    const session = ucasCookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    await context.addCookies([{ name: session!.name, value: session!.value, url: tenantUrl("xawl") }]);
    await page.goto(tenantUrl("xawl", "/me"));
    await expect(page).toHaveURL(tenantUrl("xawl", "/login?returnTo=%2Fme"));
    await expect(page.getByTestId("member-name")).toHaveCount(0);

    // …while it still works on ucas.
    await page.goto(tenantUrl("ucas", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("张三");
  });
});
