// Schools that sign members in through their own unified login (统一身份认证): the sign-in goes
// straight to the school's CAS or OIDC page (a page with one button would be a tap for nothing) (the simulators npm test starts and the demo
// wiring connects), and lands signed in; 【不是我，换个账号】 ends the session here and at the school,
// and the school asks for an account again — no clearing WeChat's cache.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, MEMBER_PASSWORD, signIn } from "./helpers";
import { tenantUrl } from "./hosts";

/** The school's login form: the CAS simulator's (#username / #password) and the OIDC simulator's alike. */
async function signInAtSchool(page: Page, account: string) {
  await page.locator('input[name="username"]').fill(account);
  await page.locator('input[name="password"]').fill(MEMBER_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
}

test.describe("unified login through the school's CAS (sues, Wisedu IDS) and OIDC (demo)", () => {
  test("a SUES student's sign-in goes straight to the CAS page and lands signed in", async ({ page }) => {
    await page.goto(tenantUrl("sues", "/login"));
    await expect(page).toHaveURL(/\/sues\/authserver\/login\?service=/);
    await expect(page.getByText("上海工程技术大学统一身份认证").first()).toBeVisible();
    await signInAtSchool(page, "2024001");
    await expect(page).toHaveURL(tenantUrl("sues", "/me"));
    // The ticket never stays in the address bar.
    expect(page.url()).not.toContain("ticket=");
    await expect(page.getByTestId("signed-in-as")).toHaveText("当前登录：2024001 张三");
    await expect(page.getByTestId("member-name")).toHaveText("张三");
    // The password is the school's, changed at the school: 个人中心 offers no 修改密码 here.
    await expect(page.getByRole("link", { name: /修改密码/ })).toHaveCount(0);
  });

  test("the demo school's student signs in on the OIDC page and lands signed in", async ({ page }) => {
    // The demo's provider answers with a form post from its own site (127.0.0.1, another site than
    // demo.localhost): the browser brings none of the school's SameSite=Lax cookies with it.
    const callbacks: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/identity/oidc/callback")) callbacks.push(`${r.method()} ${new URL(r.url()).search}`);
    });
    await page.goto(tenantUrl("demo", "/login"));
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
    await signInAtSchool(page, "2024003");
    await expect(page).toHaveURL(tenantUrl("demo", "/me"));
    expect(callbacks).toEqual(["POST ", expect.stringMatching(/^GET \?posted=[0-9a-f-]{36}$/)]);
    await expect(page.getByTestId("signed-in-as")).toContainText("2024003");
    await expect(page.getByTestId("signed-in-as")).toContainText("Emma Wilson");
  });

  test("【不是我，换个账号】 at a CAS school ends both sessions, and the school asks for the account again", async ({ page }) => {
    await page.goto(tenantUrl("imut", "/login"));
    await signInAtSchool(page, "2024002");
    await expect(page).toHaveURL(tenantUrl("imut", "/me"));
    await expect(page.getByTestId("signed-in-as")).toContainText("2024002");

    await page.getByTestId("switch-account").click();
    // Through the school's /logout and back to our login page.
    await expect(page).toHaveURL(tenantUrl("imut", "/login"));
    await expect(page.getByTestId("switched-account")).toBeVisible();
    await page.goto(tenantUrl("imut", "/me"));
    // Signed out: the login, with the way back to the page asked for.
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fme$/);
    // The school asks for an account again rather than signing 2024002 straight back in.
    await page.getByTestId("sso-button").click();
    await expect(page).toHaveURL(/\/imut\/cas\/login\?/);
    await expect(page.locator('input[name="username"]')).toBeVisible();
    await signInAtSchool(page, "T1001");
    await expect(page).toHaveURL(tenantUrl("imut", "/me"));
    await expect(page.getByTestId("signed-in-as")).toHaveText("当前登录：T1001 王老师");
  });

  test("【不是我，换个账号】 at the OIDC school ends the provider's session too", async ({ page }) => {
    await page.goto(tenantUrl("demo", "/login"));
    await signInAtSchool(page, "2024001");
    await expect(page).toHaveURL(tenantUrl("demo", "/me"));
    await page.getByTestId("switch-account").click();
    // The provider confirms its logout (RP-Initiated Logout), then returns to the school's login page.
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(tenantUrl("demo", "/login"));
    await page.getByTestId("sso-button").click();
    await expect(page.locator('input[name="username"]')).toBeVisible();
  });

  test("a failed school login comes back to the button and its hint, in English after switching language, at 375 px", async ({ page }) => {
    // Back from the school with a failure, the page stays (and does not send the member round again).
    await page.goto(tenantUrl("uestc", "/login?sso=failed"));
    await expect(page.getByTestId("sso-button")).toHaveText("统一身份认证登录");
    await page.getByTestId("locale-switch").click();
    await expect(page.getByTestId("sso-button")).toHaveText("Unified login");
    await expect(page.getByTestId("sso-login")).toContainText("unified login page");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });

  test("the IT office sees the school's CAS settings, what to register, and 【测试连接】 passing", async ({ page }) => {
    await signIn(page, tenantUrl("uestc", "/admin/login"), ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(tenantUrl("uestc", "/admin"));
    await page.goto(tenantUrl("uestc", "/admin/identity"));
    await expect(page.locator('select[name="kind"]')).toHaveValue("CAS");
    await expect(page.locator('input[name="casBaseUrl"]')).toHaveValue(/\/uestc\/authserver$/);
    await expect(page.getByTestId("identity-registration")).toContainText(tenantUrl("uestc", "/api/identity/cas/callback"));
    await page.getByRole("button", { name: "测试连接" }).click();
    await expect(page.getByTestId("identity-test-message")).toContainText("连接正常");
    await expect(page.locator('[data-check="validation"]')).toHaveAttribute("data-status", "passed");
    // An address the platform must not call is refused when saved, saying what to type instead.
    await page.locator('input[name="casBaseUrl"]').fill("https://10.0.0.8/authserver");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId("identity-saved")).toContainText("不能直接填写 IP 地址");
  });
});
