// 解绑微信 (issue 18 §1; UCAS FAQ 3/11, XAU §3, IMUT 二) inside the simulated WeChat at 375 px: a
// member who followed finds 解绑 from 个人中心 (next to 退出登录, which says what it does and does
// not do), reads what happens, confirms once, and is signed out; once the job ran the simulated
// WeCom no longer has the member and the WeChat no longer follows; scanning the registration QR again
// starts at sign-in and then at binding, never at a stale 「关注成功」. The same confirmation works
// with the page's scripts blocked.
import { expect, test } from "@playwright/test";
import { tenantUrl } from "./hosts";
import {
  corpIdOf,
  expectDirectoryAgreesWithWecom,
  followWithAnotherWechat,
  freshMainlandPhone,
  scanIntoWechat,
  type TestMember,
  WECHAT_USER_AGENT,
  type wechatUser,
  signInOnForm,
  followThroughJourney,
} from "./journey-kit";

test.use({ userAgent: WECHAT_USER_AGENT });

type Wechat = Awaited<ReturnType<typeof wechatUser>>;

/** Once the app's job worker ran the removal: neither the directory nor WeCom has the member in WeCom, and the WeChat sees nothing of the school. */
async function expectReleasedInWecom(member: TestMember, wechat: Wechat): Promise<void> {
  await expectDirectoryAgreesWithWecom("ucas", member.id);
  expect(await wechat.view(corpIdOf("ucas"))).toMatchObject({ relation: "none", apps: [] });
}

test.describe("解绑微信 from 个人中心", () => {
  test("with the page's scripts blocked, 确认解绑 is a plain form post that unbinds and signs out", async ({ page, browser }) => {
    const { member, wechat } = await followThroughJourney(page, browser);
    const blocked = await browser.newContext({ userAgent: WECHAT_USER_AGENT, javaScriptEnabled: false });
    try {
      await blocked.addCookies(await page.context().cookies());
      const noScript = await blocked.newPage();
      await noScript.goto(tenantUrl("ucas", "/me"));
      await noScript.getByTestId("unbind-link").click();
      await expect(noScript).toHaveURL(tenantUrl("ucas", "/me/unbind"));
      await noScript.getByTestId("unbind-confirm").click();
      await expect(noScript).toHaveURL(tenantUrl("ucas", "/unbound"));
      await expect(noScript.getByTestId("unbound")).toContainText("您已解绑微信");
      // Every session ended, the scripted page's too.
      await page.goto(tenantUrl("ucas", "/me"));
      await expect(page).toHaveURL(/\/login\?/);
    } finally {
      await blocked.close();
    }
    await expectReleasedInWecom(member, wechat);
  });

  test("a member who followed: 个人中心 → 解绑微信 → 确认解绑 → signed out; WeCom lets the WeChat go; a rescan starts at sign-in", async ({
    page,
    browser,
  }) => {
    // Two journeys through WeCom in one test: more than the minute one journey is given.
    test.slow();
    const { member, wechat, link, phone } = await followThroughJourney(page, browser);

    // From 「关注成功」 to 个人中心's 解绑微信, with 退出登录 said apart from it (the UCAS manual's 退出登录 is our 解绑).
    await expect(page.getByTestId("unbind-link")).toHaveText("解绑微信");
    await page.goto(tenantUrl("ucas", "/me"));
    await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    await expect(page.getByTestId("sign-out-means")).toHaveText(
      "【退出登录】只退出本网页的登录：您仍在学校企业微信中，微信照常收到学校的消息。",
    );
    await expect(page.getByTestId("unbind-means")).toContainText("要退出学校企业微信（有的使用手册也叫“退出登录”）");
    await page.getByTestId("unbind-link").click();

    await expect(page).toHaveURL(tenantUrl("ucas", "/me/unbind"));
    const explained = page.getByTestId("unbind-explained");
    await expect(explained).toContainText("您的微信退出「中国科学院大学」企业微信");
    await expect(explained).toContainText("您可以用另一个微信关注");
    await expect(explained).toContainText(`您绑定的手机号 ${phone} 从本账号移除`);
    await expect(explained).toContainText("所有设备上的登录都会退出");
    await page.getByTestId("unbind-confirm").click();

    await expect(page).toHaveURL(tenantUrl("ucas", "/unbound"));
    await expect(page.getByTestId("unbound")).toContainText("您已解绑微信，并已在所有设备上退出登录");
    // Signed out: 个人中心 asks for the sign-in again.
    await page.goto(tenantUrl("ucas", "/me"));
    await expect(page).toHaveURL(/\/login\?/);

    await expectReleasedInWecom(member, wechat);

    // Scanning the registration QR again: the sign-in (one identity kind: nothing to choose), then binding — not 「关注成功」.
    await scanIntoWechat(page, wechat, link);
    await expect(page.getByRole("heading", { name: "统一身份认证" })).toBeVisible();
    await signInOnForm(page, member);
    await expect(page).toHaveURL(/\/bind-phone$/);
    // The phone left the account with the unbinding: nothing is offered as «yours» any more.
    await expect(page.locator('input[name="value"]')).toHaveValue("");
  });

  test("更换绑定的微信 with the page's scripts blocked: both ways said; 解绑微信 here, then another WeChat follows; the directory and WeCom agree", async ({
    page,
    browser,
  }) => {
    // Two journeys through WeCom in one test: more than the minute one journey is given.
    test.slow();
    const { member, wechat, link } = await followThroughJourney(page, browser);
    const blocked = await browser.newContext({ userAgent: WECHAT_USER_AGENT, javaScriptEnabled: false });
    try {
      await blocked.addCookies(await page.context().cookies());
      const noScript = await blocked.newPage();
      await noScript.goto(tenantUrl("ucas", "/me"));
      await expect(noScript.getByTestId("change-wechat-link")).toHaveText("更换绑定的微信 ›");
      await noScript.getByTestId("change-wechat-link").click();
      await expect(noScript).toHaveURL(tenantUrl("ucas", "/me/wechat"));
      // The WeCom app's own way (UESTC FAQ 4), where only WeCom can do it.
      await expect(noScript.getByTestId("change-wechat-in-app")).toContainText(
        "企业微信APP→聊天列表左上角三条杠→右下角设置→账号与安全→微信→更换微信",
      );
      // In WeChat the product does it: 解绑微信 here, even with the old WeChat lost (UCAS FAQ 10), then follow with the other.
      const inWechat = noScript.getByTestId("change-wechat-in-wechat");
      await expect(inWechat).toContainText("原来的微信无法登录（如手机号已注销）也可以这样做");
      await expect(inWechat).toContainText("用新的微信扫描学校的注册二维码");
      await inWechat.getByTestId("change-wechat-unbind").click();
      await expect(noScript).toHaveURL(tenantUrl("ucas", "/me/unbind"));
      await noScript.getByTestId("unbind-confirm").click();
      await expect(noScript).toHaveURL(tenantUrl("ucas", "/unbound"));
    } finally {
      await blocked.close();
    }
    await expectReleasedInWecom(member, wechat);

    // The other WeChat (bound to another phone) scans, signs in, binds its phone by code and follows.
    await followWithAnotherWechat(page, "ucas", member, link, freshMainlandPhone());
    expect((await wechat.view(corpIdOf("ucas"))).relation).toBe("none");
    await expectDirectoryAgreesWithWecom("ucas", member.id);
  });
});
