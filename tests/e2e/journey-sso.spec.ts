// The manuals of the schools whose members sign in through their own unified login, followed
// step by step inside the simulated WeChat: SUES (上海工程技术大学, Wisedu IDS) on both of its
// follow paths, IMUT (内蒙古工业大学, Apereo CAS, assistant app 微校园助手) and the demo school's
// OIDC provider. Each test owns the demo accounts it uses (the school's server knows only the demo
// directory) and binds a phone no other test uses, so the specs run side by side.
import { expect, test, type Page } from "@playwright/test";
import { MEMBER_PASSWORD } from "./helpers";
import { tenantUrl } from "./hosts";
import {
  corpIdOf,
  freshMainlandPhone,
  longPressFollowQr,
  outboxCode,
  registrationLink,
  scanIntoWechat,
  smsCode,
  Taps,
  WECHAT_USER_AGENT,
  wechatUser,
} from "./journey-kit";

test.use({ userAgent: WECHAT_USER_AGENT });

/** Where the scan leads a school of one identity kind: the school's own login page (CAS or OIDC), with nothing to tap on the way; there the account and its password. */
async function signInAtSchool(page: Page, slug: string, account: string, schoolLogin: RegExp): Promise<void> {
  await expect(page).toHaveURL(schoolLogin);
  await page.locator('input[name="username"]').fill(account);
  await page.locator('input[name="password"]').fill(MEMBER_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/bind-phone"));
  await expect(page.getByTestId("signed-in-bar")).toContainText(account);
}

/** A member without a phone in the directory binds `phone`: 「当前没有绑定手机号」, the number, its SMS code, 【下一步】. */
async function bindNewPhone(page: Page, phone: string): Promise<void> {
  await expect(page.getByTestId("current-phone")).toContainText("当前没有绑定手机号");
  await expect(page.getByText("务必使用微信绑定的手机号")).toBeVisible();
  await page.locator('input[name="value"]').fill(phone);
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("status")).toContainText(`验证码已发送至 ${phone}`);
  await page.locator('input[name="code"]').fill(await outboxCode(phone));
  await page.getByRole("button", { name: "下一步" }).click();
}

test.describe("SUES (CAS, Wisedu IDS at /authserver): the manual's 1.3", () => {
  // 赵六 2020101 of sues belongs to this test alone.
  test("步骤 2–5 without verification: the WeChat's phone is the one bound, so following succeeds at once", async ({ page, browser }) => {
    const phone = freshMainlandPhone();
    const wechat = await wechatUser(phone);
    await scanIntoWechat(page, wechat, await registrationLink(browser, "sues"));
    await expect(page.getByRole("heading", { name: "上海工程技术大学" })).toBeVisible();
    await signInAtSchool(page, "sues", "2020101", /\/sues\/authserver\/login\?service=/);
    await bindNewPhone(page, phone);

    const followed = await longPressFollowQr(page, new Taps(), wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
    await expect(page.getByTestId("apps")).toContainText("消息中心");
  });

  // 赵六's other identity S2024101 (directory phone 13800000006) belongs to this test alone.
  test("关注身份验证: a WeChat bound to another phone follows unidentified, then verifies the bound phone by SMS code", async ({
    page,
    browser,
  }) => {
    const bound = "13800000006";
    const wechat = await wechatUser(freshMainlandPhone());
    await scanIntoWechat(page, wechat, await registrationLink(browser, "sues"));
    await signInAtSchool(page, "sues", "S2024101", /\/sues\/authserver\/login\?service=/);
    // 「您当前的手机号」 from the school's directory (SUES 1.3 步骤3 注).
    await expect(page.getByTestId("current-phone")).toContainText("您当前的手机号");
    await expect(page.getByTestId("current-phone")).toContainText(bound);
    await page.getByRole("button", { name: "下一步" }).click();

    const followed = await longPressFollowQr(page, new Taps(), wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "needs_verification" } });
    await expect(page.getByTestId("verify-steps")).toContainText("进入【企业小助手】，选择【关注身份验证】");
    await expect(page.getByTestId("verify-steps")).toContainText(`填写手机号 ${bound}`);
    // 2.3: another number than the bound one is refused by WeCom, in its words.
    expect(await wechat.startVerification(corpIdOf("sues"), freshMainlandPhone())).toBe("该手机号不存在于企业通讯录中");
    expect(await wechat.startVerification(corpIdOf("sues"), bound)).toBeNull();
    expect(await wechat.confirmVerification(corpIdOf("sues"), bound, await smsCode(bound))).toMatchObject({ result: "followed" });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  });
});

test.describe("IMUT (CAS, Apereo at /cas; assistant app 微校园助手): the manual's 一、3 (二)", () => {
  // 赵六 2020101 of imut belongs to this test alone.
  test("a number not bound to this WeChat: ① 填写手机号 → ② 长按关注 → ③ 【微校园助手】【关注身份验证】 → ④⑤ code → ⑥ 完成", async ({
    page,
    browser,
  }) => {
    const phone = freshMainlandPhone();
    const wechat = await wechatUser(freshMainlandPhone());
    await scanIntoWechat(page, wechat, await registrationLink(browser, "imut"));
    await signInAtSchool(page, "imut", "2020101", /\/imut\/cas\/login\?service=/);
    await bindNewPhone(page, phone);

    const followed = await longPressFollowQr(page, new Taps(), wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "needs_verification" } });
    await expect(page.getByTestId("verify-steps")).toContainText("进入【微校园助手】，选择【关注身份验证】");
    // The phone was confirmed by our code at ①: WeCom's own code for it is announced as another one.
    await expect(page.getByTestId("second-code-why")).toContainText("这里的验证码由企业微信另行发送");
    // ④ the phone must be the one of step ①.
    expect(await wechat.startVerification(corpIdOf("imut"), phone)).toBeNull();
    expect(await wechat.confirmVerification(corpIdOf("imut"), phone, await smsCode(phone))).toMatchObject({ result: "followed" });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  });
});

test.describe("the demo school (OIDC)", () => {
  // 李四 2024002 of demo belongs to this test alone.
  test("signs in at the school's OpenID provider, binds a phone and follows at once", async ({ page, browser }) => {
    const phone = freshMainlandPhone();
    const wechat = await wechatUser(phone);
    await scanIntoWechat(page, wechat, await registrationLink(browser, "demo"));
    await signInAtSchool(page, "demo", "2024002", /127\.0\.0\.1:\d+\/interaction\//);
    await bindNewPhone(page, phone);

    const followed = await longPressFollowQr(page, new Taps(), wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  });
});
