// 忘记密码 at 375 px with the page's scripts blocked, as a student inside WeChat: the login page's
// link, the account and the phone the school's list holds, the code from the (development) outbox,
// a refused weak password and then a good one; then the sign-in with the new password, not the old. A wrong
// phone reads the same as the right one and sends nothing.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeMember, makeSchool, type E2eSchool } from "./factories";
import { tenantUrl } from "./hosts";
import { freshMainlandPhone, outboxCode } from "./journey-kit";

const NEW_PASSWORD = "Found-Again-2026";

test.describe("忘记密码 with the page's scripts blocked", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
  let school: E2eSchool;
  test.beforeAll(async () => {
    school = await makeSchool();
  });

  test("a code to the bound phone sets a new password, and the member signs in with it", async ({ page, browser }) => {
    const phone = freshMainlandPhone();
    const member = await makeMember(school, { phone });
    await page.goto(tenantUrl(school.slug, "/login"));
    await page.getByTestId("forgot-link").click();
    await page.getByTestId("forgot-account").fill(member.account);
    await page.getByTestId("forgot-contact").fill(phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByTestId("forgot-sent")).toContainText(
      `如果账号 ${member.account} 的手机号或邮箱是 ${phone.slice(0, 3)}****${phone.slice(7)}`,
    );
    expect(page.url()).not.toContain(phone);

    const code = await outboxCode(phone);
    await page.getByTestId("forgot-code").fill(code);
    await page.getByTestId("forgot-newPassword").fill("short");
    await page.getByTestId("forgot-confirmPassword").fill("short");
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByTestId("forgot-error")).toHaveText("新密码不符合要求：长度 8–64 位。验证码仍然有效，请重新输入。");

    await page.getByTestId("forgot-code").fill(code);
    await page.getByTestId("forgot-newPassword").fill(NEW_PASSWORD);
    await page.getByTestId("forgot-confirmPassword").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByTestId("password-reset")).toContainText("密码已重置");

    // Signing in takes next-auth's script (issue 20): in a page that runs it, the old password is refused and the new one opens 个人中心.
    const withScript = await browser.newContext({ javaScriptEnabled: true });
    const signIn = await withScript.newPage();
    const tryPassword = async (password: string) => {
      await signIn.goto(tenantUrl(school.slug, "/login"));
      await signIn.getByPlaceholder("请输入账号").fill(member.account);
      await signIn.getByPlaceholder("请输入密码").fill(password);
      await signIn.getByRole("button", { name: "登录" }).click();
    };
    await tryPassword(FACTORY_PASSWORD);
    await expect(signIn.getByRole("alert")).toBeVisible();
    await tryPassword(NEW_PASSWORD);
    await expect(signIn.getByTestId("member-name")).toHaveText(member.name);
    await withScript.close();
  });

  test("a phone that is not the account's reads the same and no code is sent; a wrong code says the tries left", async ({ page }) => {
    const member = await makeMember(school, { phone: freshMainlandPhone() });
    const stranger = freshMainlandPhone();
    await page.goto(tenantUrl(school.slug, "/forgot-password"));
    await page.getByTestId("forgot-account").fill(member.account);
    await page.getByTestId("forgot-contact").fill(stranger);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByTestId("forgot-sent")).toContainText(`如果账号 ${member.account} 的手机号或邮箱是`);
    await expect(outboxCode(stranger)).rejects.toThrow();

    await page.getByTestId("forgot-code").fill("123456");
    await page.getByTestId("forgot-newPassword").fill(NEW_PASSWORD);
    await page.getByTestId("forgot-confirmPassword").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByTestId("forgot-error")).toContainText("验证码错误，还可尝试");
  });
});
