// 更换手机号 (issue 18 §1; UCAS FAQ 4(2), 10; UESTC FAQ 3) inside the simulated WeChat at 375 px, by a
// member who followed (so WeCom ignores the school's change of their mobile, reference §7.5):
// - the old WeChat still works: from 个人中心, with the page's scripts blocked, the new phone, a wrong
//   code refused, the right one; the result page says WeCom kept the old number and how the member
//   changes it in the WeCom app; once the job ran the follow is untouched and WeCom still has the old
//   number; once the member changed it in WeCom, the directory and WeCom agree.
// - the old WeChat is lost: the result page's one action is 解绑微信; after it the WeChat of the new
//   phone scans, signs in, binds the new phone and follows; the directory and WeCom agree.
import { expect, test, type Page } from "@playwright/test";
import { tenantUrl } from "./hosts";
import {
  corpIdOf,
  directoryAndWecomPhones,
  expectDirectoryAgreesWithWecom,
  followWithAnotherWechat,
  freshMainlandPhone,
  outboxCode,
  WECHAT_USER_AGENT,
  wecomStatusOf,
  wecomSyncSettled,
  followThroughJourney,
} from "./journey-kit";

test.use({ userAgent: WECHAT_USER_AGENT });

/** 个人中心 → 更换手机号 → the new phone → its code → the result page. */
async function changePhone(page: Page, newPhone: string, { wrongCodeFirst }: { wrongCodeFirst: boolean }): Promise<void> {
  await page.goto(tenantUrl("ucas", "/me"));
  await expect(page.getByTestId("change-phone-link")).toHaveText("更换手机号 ›");
  await page.getByTestId("change-phone-link").click();
  await expect(page).toHaveURL(tenantUrl("ucas", "/me/phone"));
  await page.getByTestId("phone-change-value").fill(newPhone);
  await page.getByTestId("phone-change-send").click();
  await expect(page.getByTestId("phone-change-sent")).toContainText(`验证码已发送至 ${newPhone}`);
  const code = await outboxCode(newPhone);
  if (wrongCodeFirst) {
    await page.getByTestId("phone-change-code").fill(code === "000000" ? "111111" : "000000");
    await page.getByTestId("phone-change-confirm").click();
    await expect(page.getByTestId("phone-change-refused")).toContainText("验证码错误");
    await expect(page.getByTestId("phone-change-to")).toHaveText(`更换为：${newPhone}`);
  }
  await page.getByTestId("phone-change-code").fill(code);
  await page.getByTestId("phone-change-confirm").click();
  await expect(page).toHaveURL(tenantUrl("ucas", "/me/phone/done"));
  await expect(page.getByTestId("phone-changed")).toHaveText(`手机号已更换为 ${newPhone}`);
  // Activated in WeCom: never told WeCom changed; told what each case means.
  await expect(page.getByTestId("phone-change-wecom")).toContainText("企业微信中的手机号没有改");
}

test.describe("更换手机号 from 个人中心", () => {
  test("the old WeChat still works: with scripts blocked the phone changes; the follow stays, and WeCom agrees once the member changed it there", async ({
    page,
    browser,
  }) => {
    const { member, wechat, phone } = await followThroughJourney(page, browser);
    const newPhone = freshMainlandPhone();
    const blocked = await browser.newContext({ userAgent: WECHAT_USER_AGENT, javaScriptEnabled: false });
    try {
      await blocked.addCookies(await page.context().cookies());
      const noScript = await blocked.newPage();
      await changePhone(noScript, newPhone, { wrongCodeFirst: true });
      const works = noScript.getByTestId("phone-change-old-works");
      await expect(works).toContainText("关注不受影响");
      await expect(works).toContainText("企业微信APP→聊天列表左上角三条杠→右下角设置→账号与安全→手机号→更换手机号");
      await expect(noScript.getByTestId("phone-change-old-lost")).toContainText("无法登录");
    } finally {
      await blocked.close();
    }

    // Once the job ran: the directory has the new phone; WeCom ignored it, so the old one and the follow stay.
    await wecomSyncSettled(member.id);
    expect(await directoryAndWecomPhones("ucas", member.account)).toEqual({ directory: newPhone, wecom: phone });
    expect((await wechat.view(corpIdOf("ucas"))).relation).toBe("member");
    expect(await wecomStatusOf("ucas", member.account)).toBe(1);
    await page.goto(tenantUrl("ucas", "/me"));
    await expect(page.getByText(newPhone)).toBeVisible();

    // The member changes it in the WeCom app, as the page said: the directory and WeCom agree, the follow stays.
    await wechat.changeOwnMobile(corpIdOf("ucas"), newPhone);
    await expectDirectoryAgreesWithWecom("ucas", member.id);
    expect((await wechat.view(corpIdOf("ucas"))).relation).toBe("member");
  });

  test("the old WeChat is lost: 解绑微信 is the one action; then the new phone's WeChat follows with the new phone", async ({
    page,
    browser,
  }) => {
    // Two journeys through WeCom in one test: more than the minute one journey is given.
    test.slow();
    const { member, wechat, link } = await followThroughJourney(page, browser);
    const newPhone = freshMainlandPhone();
    await changePhone(page, newPhone, { wrongCodeFirst: false });
    await expect(page.getByTestId("phone-change-old-lost")).toContainText("请先解绑微信");
    await page.getByTestId("phone-change-unbind").click();
    await expect(page).toHaveURL(tenantUrl("ucas", "/me/unbind"));
    await expect(page.getByTestId("unbind-explained")).toContainText(`您绑定的手机号 ${newPhone} 从本账号移除`);
    await page.getByTestId("unbind-confirm").click();
    await expect(page).toHaveURL(tenantUrl("ucas", "/unbound"));

    // The old WeChat is let go once the job ran: neither the directory nor WeCom has the member in WeCom.
    await expectDirectoryAgreesWithWecom("ucas", member.id);
    expect((await wechat.view(corpIdOf("ucas"))).relation).toBe("none");

    // The new phone's WeChat scans, signs in, binds the new phone (code) and follows at once.
    await followWithAnotherWechat(page, "ucas", member, link, newPhone);
    await expectDirectoryAgreesWithWecom("ucas", member.id);
  });
});
