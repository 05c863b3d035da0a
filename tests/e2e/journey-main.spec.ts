// The member journey as the manuals describe it, inside the simulated WeChat: the school's QR
// code is read from its image and scanned by a simulated WeChat user, the page opens in WeChat's
// browser, the member signs in (统一身份认证), binds the phone, long-presses the follow QR (read
// from the page's image) and follows, and the page says 「关注成功」 once WeCom's callback arrives.
// Every test makes its own member and WeChat user, so specs run side by side.
import { expect, test, type Page } from "@playwright/test";
import { openConsoleNav } from "./console";
import { ADMIN, signIn } from "./helpers";
import { tenantUrl } from "./hosts";
import {
  corpIdOf,
  expectDirectoryAgreesWithWecom,
  fetchInPage,
  freshHongKongPhone,
  freshMainlandPhone,
  giveDirectoryPhone,
  longPressFollowQr,
  makeMember,
  registrationLink,
  scanIntoWechat,
  signInOnForm,
  smsCode,
  Taps,
  type TestMember,
  WECHAT_USER_AGENT,
  wechatUser,
  wecomMobileOf,
  wecomStatusOf,
} from "./journey-kit";

test.use({ userAgent: WECHAT_USER_AGENT });

/** 统一身份认证 with the built-in form, counted. */
async function signInCounted(page: Page, taps: Taps, member: TestMember, password = member.password): Promise<void> {
  await taps.type(page.locator('input[name="identifier"]'), member.account, "学号");
  await taps.type(page.locator('input[name="password"]'), password, "密码");
  await taps.tap(page.locator('form button[type="submit"]'), "登录");
}

test.describe("the member journey, no verification (SUES 1-4): WeChat's phone is the bound phone", () => {
  test("UCAS (built-in, one identity kind): scan → 统一身份认证 → 【下一步】 → 长按识别 → 「关注成功」 in at most 5 taps and fields", async ({
    page,
    browser,
  }) => {
    const phone = freshMainlandPhone();
    const member = await makeMember("ucas", { phone });
    const wechat = await wechatUser(phone);
    const link = await registrationLink(browser, "ucas");
    expect(link).toMatch(/^http:\/\/ucas\.localhost:\d+\/join\?q=1\.r\./);

    // Counted from the scan that opens the journey.
    const taps = new Taps();
    await scanIntoWechat(page, wechat, link);
    // One identity kind, nothing to choose: the scan opens the sign-in for it (issue 18 §5).
    await expect(page).toHaveURL(tenantUrl("ucas", "/login?kind=student_staff&returnTo=%2Fbind-phone"));
    await expect(page.getByRole("heading", { name: "统一身份认证" })).toBeVisible();
    await signInCounted(page, taps, member);

    await expect(page).toHaveURL(/\/bind-phone$/);
    await expect(page.getByTestId("signed-in-bar")).toContainText(member.account);
    await expect(page.getByTestId("signed-in-bar")).toContainText("不是我，换个账号");
    // Each thing said once: the phone, which phone (or e-mail: UCAS takes one) it must be, where WeChat shows it.
    await expect(page.getByTestId("current-phone")).toHaveText(
      `您当前的手机号${phone}务必使用微信绑定的手机号或邮箱可在微信“我 → 设置 → 账号与安全”中查看。关注企业号和登录企业微信都凭它。`,
    );
    await expect(page.locator('input[name="value"]')).toHaveValue(phone);
    // The directory's own phone needs no code.
    await expect(page.locator('input[name="code"]')).toHaveCount(0);
    await taps.tap(page.getByRole("button", { name: "下一步" }), "【下一步】");

    const followed = await longPressFollowQr(page, taps, wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    // WeCom's subscribe callback reaches the product; the page moves on by itself.
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
    // The assistant app the member followed through first, then the 在校师生 kind's apps.
    await expect(page.getByTestId("apps").locator("li").first()).toContainText("身份认证小助手");
    await expect(page.getByTestId("apps")).toContainText("消息中心");
    await expect(page.getByTestId("apps")).toContainText("一站式网上办事大厅");
    await expectDirectoryAgreesWithWecom("ucas", member.id);
    expect(taps.count, taps.log.join(" → ")).toBeLessThanOrEqual(5);
    test.info().annotations.push({ type: "taps", description: `${taps.count}: ${taps.log.join(" → ")}` });

    // 个人中心 shows WeCom's state too.
    await page.goto(tenantUrl("ucas", "/me"));
    await expect(page.getByText("已关注")).toBeVisible();
    expect((await wechat.view(corpIdOf("ucas"))).apps.map((a) => a.name)).toContain("消息中心");

    // The poster scanned again: 已关注 and the way to 个人中心, no journey to start over.
    await scanIntoWechat(page, wechat, link);
    await expect(page.getByTestId("already-followed")).toContainText("您已关注中国科学院大学企业微信");
    await expect(page.getByRole("link", { name: "在校师生" })).toHaveCount(0);
    await expect(page.getByTestId("continue-journey")).toHaveCount(0);
    await page.getByTestId("to-my-account").click();
    await expect(page.getByTestId("member-name")).toHaveText(member.name);
  });

  test("XAU (built-in, initial password = last 8 of the ID number): the forced change is part of the same path, at most 9 taps and fields", async ({
    page,
    browser,
  }) => {
    const phone = freshMainlandPhone();
    const initial = "01011234";
    const member = await makeMember("xawl", { phone, initialPassword: initial });
    const wechat = await wechatUser(phone);
    const taps = new Taps();
    await scanIntoWechat(page, wechat, await registrationLink(browser, "xawl"));
    // The manual's 「初始密码为身份证号后 8 位」, said on the page where it is typed.
    await expect(page.getByTestId("initial-password-hint")).toContainText("初始密码为身份证号后 8 位");
    await signInCounted(page, taps, member, initial);

    // The initial password must change first; then the journey goes on where it was going. Three
    // requests (the sign-in's password hash, /bind-phone's redirect, the page): on a loaded machine
    // they took over the default 5 s (twice in five runs), so the wait is the journey's usual one.
    await expect(page).toHaveURL(/\/change-password\?returnTo=%2Fbind-phone$/, { timeout: 30_000 });
    const form = page.getByTestId("change-password");
    await taps.type(form.locator('input[name="currentPassword"]'), initial, "当前密码");
    await taps.type(form.locator('input[name="newPassword"]'), "Xawl-2026-new", "新密码");
    await taps.type(form.locator('input[name="confirmPassword"]'), "Xawl-2026-new", "确认新密码");
    await taps.tap(form.getByRole("button", { name: "修改密码" }), "修改密码");

    await expect(page).toHaveURL(/\/bind-phone$/);
    await expect(page.getByTestId("current-phone")).toContainText(phone);
    await taps.tap(page.getByRole("button", { name: "下一步" }), "【下一步】");
    const followed = await longPressFollowQr(page, taps, wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
    // The five of the plain path and the four fields and button of the forced change.
    expect(taps.count, taps.log.join(" → ")).toBeLessThanOrEqual(9);
    test.info().annotations.push({ type: "taps", description: `${taps.count}: ${taps.log.join(" → ")}` });
  });

  test("a foreign phone typed with 00 (UCAS FAQ 9): shown as typed, in WeCom as +852…, followed at once", async ({ page, browser }) => {
    const phone = freshHongKongPhone();
    const member = await makeMember("ucas", { phone });
    const wechat = await wechatUser(`+${phone.slice(2)}`);
    await scanIntoWechat(page, wechat, await registrationLink(browser, "ucas"));
    await signInCounted(page, new Taps(), member);
    await expect(page.getByTestId("current-phone")).toContainText(phone);
    await expect(page.getByText("境外手机号请在国际区号前加 00")).toBeVisible();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByTestId("bound-phone")).toContainText(phone);
    const followed = await longPressFollowQr(page, new Taps(), wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
    // WeCom holds the number in E.164, as the product stored it: the directory and WeCom agree.
    await expectDirectoryAgreesWithWecom("ucas", member.id);
    expect(await wecomMobileOf("ucas", member.account)).toBe(`+${phone.slice(2)}`);
  });
});

test.describe("a phone on a weak network", () => {
  test("【下一步】 tapped before the page's scripts have loaded still binds the phone and opens the follow step", async ({ page }) => {
    const phone = freshMainlandPhone();
    const member = await makeMember("ucas", { phone });
    await signIn(page, tenantUrl("ucas", "/login?returnTo=%2Fbind-phone"), member.account, member.password);
    await expect(page).toHaveURL(/\/bind-phone(\?|$)/);
    // The page is there, its scripts are not (yet): the form is posted by the browser itself.
    await page.route(/\/_next\/static\/.+\.js(\?|$)/, (route) => route.abort());
    await page.reload();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page).toHaveURL(tenantUrl("ucas", "/follow"));
    await expect(page.getByTestId("bound-phone")).toContainText(phone);
    await expect(page.getByTestId("follow-qr")).toBeVisible({ timeout: 45_000 });
  });
});

test.describe("the member journey with 关注身份验证 (IMUT/XAU ③–⑥): WeChat is bound to another phone", () => {
  test("follows unidentified, then 【关注身份验证】 → the bound phone → 【获取验证码】 → code → 【验证】 → 「关注成功」", async ({
    page,
    browser,
  }) => {
    const phone = freshMainlandPhone();
    const member = await makeMember("ucas", { phone });
    const wechat = await wechatUser(freshMainlandPhone());
    await scanIntoWechat(page, wechat, await registrationLink(browser, "ucas"));
    await signInCounted(page, new Taps(), member);
    await page.getByRole("button", { name: "下一步" }).click();
    const followed = await longPressFollowQr(page, new Taps(), wechat);
    // The directory's own phone needed no code of ours: WeCom's is the only one, nothing to explain.
    await expect(page.getByTestId("second-code-why")).toHaveCount(0);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "needs_verification" } });

    // The page says exactly what to do in WeCom.
    const steps = page.getByTestId("verify-steps");
    await expect(steps).toContainText("进入【身份认证小助手】，选择【关注身份验证】");
    await expect(steps).toContainText(`填写手机号 ${phone}`);
    await expect(steps).toContainText("「该手机号不存在于企业通讯录中」");
    await expect(steps).toContainText("点【获取验证码】");
    await expect(steps).toContainText("点【验证】");

    expect(await wechat.startVerification(corpIdOf("ucas"), phone)).toBeNull();
    expect(await wechat.confirmVerification(corpIdOf("ucas"), phone, await smsCode(phone))).toMatchObject({ result: "followed" });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  });
});

test.describe("UESTC (CAS, exam candidates, 二次验证)", () => {
  // An activated candidate of this test alone (账号激活 itself: candidate-activation.spec.ts).
  test("a candidate: 【考生】 → the built-in sign-in (考生号) → 【下一步】 → follows → WeCom's verification notice → /verify → 「关注成功」 listing the assistant and 消息中心", async ({
    page,
    browser,
  }) => {
    const phone = freshMainlandPhone();
    const candidate = await makeMember("uestc", { phone, kind: "candidate" });
    const wechat = await wechatUser(phone);
    await scanIntoWechat(page, wechat, await registrationLink(browser, "uestc"));
    // Two identity kinds: the one choice that matters. Candidates are in the product's own directory
    // (the school's CAS is for 在校师生): the form asks for the 考生号.
    await page.getByRole("link", { name: "考生" }).click();
    await expect(page.getByText("考生号", { exact: true })).toBeVisible();
    await signInOnForm(page, candidate);

    await expect(page).toHaveURL(tenantUrl("uestc", "/bind-phone"));
    await expect(page.getByTestId("current-phone")).toContainText(phone);
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByTestId("second-verification-hint")).toContainText("点击该通知进行统一身份认证");
    const followed = await longPressFollowQr(page, new Taps(), wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    if (followed.kind !== "follow" || !followed.follow.secondVerificationUrl) throw new Error("WeCom sent no verification notice");
    // WeCom's notice opens the school's verification page with its code, in a page of its own: the
    // follow page stays where it was (and its poll cannot race the notice's navigation).
    expect(followed.follow.secondVerificationUrl).toMatch(/^http:\/\/uestc\.localhost:\d+\/verify\?code=/);
    const notice = await page.context().newPage();
    await notice.goto(followed.follow.secondVerificationUrl);
    // Opening it verifies nothing: the page asks, and one tap answers.
    await expect(notice.getByTestId("verify-confirm")).toContainText(
      `您正在完成企业微信身份验证：账号 ${candidate.account}，是本人操作吗？`,
    );
    expect(await wecomStatusOf("uestc", candidate.account)).toBe(4);
    await notice.getByRole("button", { name: "是本人，完成验证" }).click();
    await expect(notice.getByTestId("followed")).toHaveText("关注成功");
    // The apps WeCom will really show the candidate: the assistant app and 消息中心 (the 考生 kind's
    // one app), the same as the simulated WeChat shows.
    const listed = notice.getByTestId("apps").getByTestId("app-name");
    await expect(listed).toHaveText(["身份认证小助手", "消息中心"]);
    const shown = (await wechat.view(corpIdOf("uestc"))).apps.map((app) => app.name);
    expect([...shown].sort()).toEqual(["身份认证小助手", "消息中心"].sort());
    // The follow page, still open behind it, moves on by itself.
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  });

  // 张三 2024001 of uestc belongs to this test alone.
  test("WeCom's notice opened signed out with the page's scripts blocked: the school's CAS → 「是本人操作吗？」 → the button → 「关注成功」", async ({
    page,
    browser,
  }) => {
    const phone = freshMainlandPhone();
    await giveDirectoryPhone("uestc", "2024001", phone);
    const wechat = await wechatUser(phone);
    await scanIntoWechat(page, wechat, await registrationLink(browser, "uestc"));
    await page.getByRole("link", { name: "在校师生" }).click();
    await page.locator('input[name="username"]').fill("2024001");
    await page.locator('input[name="password"]').fill("Passw0rd!");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(tenantUrl("uestc", "/bind-phone"));
    await page.getByRole("button", { name: "下一步" }).click();
    const followed = await longPressFollowQr(page, new Taps(), wechat);
    if (followed.kind !== "follow" || !followed.follow.secondVerificationUrl) throw new Error("WeCom sent no verification notice");

    // The notice, opened where the member is not signed in, and where no script of the page runs.
    const blocked = await browser.newContext({ userAgent: WECHAT_USER_AGENT, javaScriptEnabled: false });
    try {
      const notice = await blocked.newPage();
      await notice.goto(followed.follow.secondVerificationUrl);
      // Through our sign-in, which has nothing to ask, to the school's CAS (the way back kept with the login).
      await expect(notice).toHaveURL(/\/uestc\/authserver\/login\?service=/);
      await notice.locator('input[name="username"]').fill("2024001");
      await notice.locator('input[name="password"]').fill("Passw0rd!");
      await notice.getByRole("button", { name: "登录" }).click();
      // Back through returnTo: the same question, not a verification done behind the member's back.
      await expect(notice).toHaveURL(followed.follow.secondVerificationUrl);
      await expect(notice.getByTestId("verify-confirm")).toContainText("您正在完成企业微信身份验证：账号 2024001，是本人操作吗？");
      expect(await wecomStatusOf("uestc", "2024001")).toBe(4);
      await notice.getByRole("button", { name: "是本人，完成验证" }).click();
      await expect(notice).toHaveURL(tenantUrl("uestc", "/done"));
      await expect(notice.getByTestId("followed")).toHaveText("关注成功");
    } finally {
      await blocked.close();
    }
  });
});

test.describe("二次验证's page (/verify), as WeCom opens it", () => {
  test("sends a member who is not signed in through the unified login and back, and says so where the school asks for none", async ({
    page,
  }) => {
    const member = await makeMember("ucas", { phone: freshMainlandPhone() });
    await page.goto(tenantUrl("ucas", "/verify?code=stale-code-of-no-one"));
    await expect(page).toHaveURL(tenantUrl("ucas", "/login?returnTo=%2Fverify%3Fcode%3Dstale-code-of-no-one"));
    await signInCounted(page, new Taps(), member);
    // Back on the verification page with the code: ucas's WeCom asks for no second verification (40210).
    await expect(page).toHaveURL(/\/verify\/result\?error=SECOND_VERIFICATION_NOT_NEEDED$/);
    await expect(page.getByTestId("verify-problem")).toContainText("您的账号无需二次验证");
    await expect(page.getByTestId("signed-in-bar")).toContainText(member.account);
  });
});

test.describe("the school's QR codes", () => {
  test("another school's code opened here is refused, naming the right school and linking to it (UCAS FAQ 4(3))", async ({
    page,
    browser,
  }) => {
    const suesLink = new URL(await registrationLink(browser, "sues"));
    await page.goto(tenantUrl("ucas", `${suesLink.pathname}${suesLink.search}`));
    await expect(page.getByTestId("wrong-school")).toContainText("这是「上海工程技术大学」的二维码，不是「中国科学院大学」的");
    await expect(page.getByRole("link", { name: "在校师生" })).toHaveCount(0);
    await page.getByTestId("right-school").click();
    // SUES's code, opened at SUES: its one identity kind's sign-in, its CAS.
    await expect(page).toHaveURL(/\/sues\/authserver\/login\?service=/);
    // An altered link is not one of ours.
    await page.goto(tenantUrl("ucas", `/join?q=${suesLink.searchParams.get("q")!.slice(0, -2)}xx`));
    await expect(page.getByTestId("invalid-link")).toBeVisible();
  });

  test("the back office downloads the registration QR code as PNG and SVG, and a poster", async ({ page }) => {
    await signIn(page, tenantUrl("ucas", "/admin/login"), ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(tenantUrl("ucas", "/admin"));
    await openConsoleNav(page);
    await page.getByTestId("qr-admin-link").click();
    await expect(page.getByTestId("qr-link")).toContainText("/join?q=1.r.");
    for (const [testId, type] of [
      ["download-png", "image/png"],
      ["download-svg", "image/svg+xml"],
    ] as const) {
      const response = await fetchInPage(page, (await page.getByTestId(testId).getAttribute("href"))!);
      expect(response.headers["content-type"]).toBe(type);
      expect(response.headers["content-disposition"]).toContain("attachment");
    }
    await page.getByRole("link", { name: "打印海报" }).click();
    await expect(page.getByText("微信扫一扫，开通企业微信")).toBeVisible();
  });
});
