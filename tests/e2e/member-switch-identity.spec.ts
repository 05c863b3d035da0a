// 切换身份 (issue 18 §1; UCAS FAQ 12 「若多个学工号的证件号相同，用户可以进入个人中心切换身份，无需解绑
// 微信，重新认证」) inside the simulated WeChat at 375 px: a person with two UCAS entries sharing one ID
// number (本科学号 A, 研究生学号 B) follows as A; 个人中心 offers 切换身份, which lists B (学工号, identity,
// department) and switches with one confirmation, a plain form post that works with the page's scripts
// blocked; the same WeChat then follows as B, never meeting 「手机号码已存在」. Once the jobs ran, the
// product's directory and the simulated WeCom agree: A gone from WeCom, B holding the phone, followed.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { tenantUrl } from "./hosts";
import {
  corpIdOf,
  database,
  expectDirectoryAgreesWithWecom,
  freshMainlandPhone,
  longPressFollowQr,
  makeMember,
  registrationLink,
  scanIntoWechat,
  Taps,
  WECHAT_USER_AGENT,
  wechatUser,
  wecomStatusOf,
  signInOnForm,
} from "./journey-kit";

test.use({ userAgent: WECHAT_USER_AGENT });

const row = (id: string) => database().member.findUniqueOrThrow({ where: { id }, include: { wecom: true, binding: true } });

test.describe("切换身份 from 个人中心", () => {
  test("follow as A, switch to B with the page's scripts blocked, follow as B; the directory and WeCom agree", async ({
    page,
    browser,
  }) => {
    // Two journeys through WeCom in one test: more than the minute one journey is given.
    test.slow();
    const phone = freshMainlandPhone();
    const idNumberHash = randomBytes(32).toString("hex");
    const a = await makeMember("ucas", { phone, idNumberHash });
    const b = await makeMember("ucas", { idNumberHash });
    const wechat = await wechatUser(phone);
    const taps = new Taps();

    // As A: scan, sign in, keep the directory's phone, follow.
    await scanIntoWechat(page, wechat, await registrationLink(browser, "ucas"));
    await signInOnForm(page, a);
    await expect(page).toHaveURL(/\/bind-phone$/);
    await page.getByRole("button", { name: "下一步" }).click();
    expect(await longPressFollowQr(page, taps, wechat)).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
    expect((await wechat.view(corpIdOf("ucas"))).relation).toBe("member");

    // 个人中心 → 切换身份 → 确认切换, with the page's scripts blocked.
    const blocked = await browser.newContext({ userAgent: WECHAT_USER_AGENT, javaScriptEnabled: false });
    try {
      await blocked.addCookies(await page.context().cookies());
      const noScript = await blocked.newPage();
      await noScript.goto(tenantUrl("ucas", "/me"));
      await expect(noScript.getByTestId("member-name")).toHaveText(a.name);
      await noScript.getByTestId("switch-identity-link").click();
      await expect(noScript).toHaveURL(tenantUrl("ucas", "/me/switch"));
      const offered = noScript.getByTestId("switch-identity");
      await expect(offered).toHaveCount(1);
      await expect(offered).toContainText(b.account);
      await expect(offered).toContainText("在校师生 · 端到端测试");
      await expect(offered.locator('input[type="radio"]')).toBeChecked();
      const explained = noScript.getByTestId("switch-explained");
      await expect(explained).toContainText(`您绑定的手机号 ${phone} 从 ${a.account} 移到所选身份`);
      await expect(explained).toContainText(`${a.account} 退出学校企业微信`);
      await noScript.getByTestId("switch-confirm").click();
      // Signed in as B now, on to following.
      await expect(noScript).toHaveURL(tenantUrl("ucas", "/follow"));
      await noScript.goto(tenantUrl("ucas", "/me"));
      await expect(noScript.getByTestId("member-name")).toHaveText(b.name);
      // A's session ended everywhere: the scripted page's cookie is A's and asks for the sign-in.
      await page.goto(tenantUrl("ucas", "/me"));
      await expect(page).toHaveURL(/\/login\?/);
      await page.context().addCookies(await blocked.cookies());
    } finally {
      await blocked.close();
    }

    // The worker released A (the WeChat no longer follows) and then created B with the phone, not yet followed.
    await expect.poll(() => wecomStatusOf("ucas", b.account), { timeout: 30_000 }).toBe(4);
    await expectDirectoryAgreesWithWecom("ucas", a.id);
    await expectDirectoryAgreesWithWecom("ucas", b.id);
    expect((await wechat.view(corpIdOf("ucas"))).relation).toBe("none");

    // The same WeChat follows as B through the journey's follow step.
    await page.goto(tenantUrl("ucas", "/follow"));
    expect(await longPressFollowQr(page, taps, wechat)).toMatchObject({
      kind: "follow",
      follow: { result: "followed", userid: b.account.toLowerCase() },
    });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });

    // The product's directory and the simulated WeCom agree: A not in WeCom, B followed with the phone.
    await expectDirectoryAgreesWithWecom("ucas", a.id);
    await expectDirectoryAgreesWithWecom("ucas", b.id);
    const [afterA, afterB] = [await row(a.id), await row(b.id)];
    expect({ phone: afterA.phone, binding: afterA.binding }).toEqual({ phone: null, binding: null });
    expect({ phone: afterB.phone, binding: afterB.binding?.value, state: afterB.wecom?.state }).toEqual({
      phone: `+86${phone}`,
      binding: `+86${phone}`,
      state: "ACTIVATED",
    });
  });

  test("个人中心 offers no 切换身份 to a member with no other entry of the same ID number", async ({ page, browser }) => {
    const phone = freshMainlandPhone();
    const member = await makeMember("ucas", { phone, idNumberHash: randomBytes(32).toString("hex") });
    await scanIntoWechat(page, await wechatUser(phone), await registrationLink(browser, "ucas"));
    await signInOnForm(page, member);
    await expect(page).toHaveURL(/\/bind-phone$/);
    await page.goto(tenantUrl("ucas", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText(member.name);
    await expect(page.getByTestId("unbind-link")).toBeVisible();
    await expect(page.getByTestId("switch-identity-link")).toHaveCount(0);
  });
});
