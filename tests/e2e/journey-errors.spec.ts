// The errors of the manuals, each with the next step the page offers: binding a phone (SUES 2.1,
// 2.2, UCAS 13 → the helpdesk) on the product's page, and following (SUES 2.3, 2.4) in the
// simulated WeChat, which the follow page explains beforehand. Every test makes its own members
// and WeChat users.
import { expect, test, type Page } from "@playwright/test";
import { openConsoleNav } from "./console";
import { ADMIN, signIn } from "./helpers";
import { tenantUrl } from "./hosts";
import {
  corpIdOf,
  database,
  freshMainlandPhone,
  makeMember,
  outboxCode,
  readQrImage,
  type TestMember,
  WECHAT_USER_AGENT,
  wechatUser,
} from "./journey-kit";

test.use({ userAgent: WECHAT_USER_AGENT });

/** Signs the member in on the school's login page, which returns to the bind page as /join's buttons ask. */
async function signInToBind(page: Page, member: TestMember, slug = "ucas"): Promise<void> {
  await signIn(page, tenantUrl(slug, "/login?returnTo=%2Fbind-phone"), member.account, member.password);
  await expect(page).toHaveURL(/\/bind-phone(\?|$)/);
}

async function typePhoneAndGoOn(page: Page, phone: string): Promise<void> {
  await page.locator('input[name="value"]').fill(phone);
  await page.getByRole("button", { name: "下一步" }).click();
}

/** The bound member follows with the WeChat of the bound phone (the no-verification path), through the follow page's QR. */
async function followDirectly(page: Page, phone: string): Promise<Awaited<ReturnType<typeof wechatUser>>> {
  const wechat = await wechatUser(phone);
  await expect(page.getByTestId("follow-qr")).toBeVisible({ timeout: 45_000 });
  expect(await wechat.scan(await readQrImage(page, page.getByTestId("follow-qr")))).toMatchObject({ follow: { result: "followed" } });
  await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  return wechat;
}

/** A member of the school who holds `phone` in the directory; `bound` as if they had bound it here. */
async function holderOf(phone: string, options: { bound?: boolean } = {}): Promise<TestMember> {
  const holder = await makeMember("ucas", { phone });
  if (options.bound) {
    const row = await database().member.findUniqueOrThrow({ where: { id: holder.id }, select: { tenantId: true, phone: true } });
    await database().phoneBinding.create({
      data: { tenantId: row.tenantId, memberId: holder.id, channel: "PHONE", value: row.phone!, confirmedBy: "DIRECTORY" },
    });
  }
  return holder;
}

test.describe("binding a phone: the manuals' errors and what to do next", () => {
  test("「手机号已绑定其他账号」 (SUES 2.1): another member bound this phone → use another one", async ({ page }) => {
    const taken = freshMainlandPhone();
    await holderOf(taken, { bound: true });
    const member = await makeMember("ucas");
    await signInToBind(page, member);
    await expect(page.getByTestId("current-phone")).toContainText("当前没有绑定手机号");
    await typePhoneAndGoOn(page, taken);
    const error = page.getByTestId("bind-error");
    // What happened and what to do next, each said once.
    await expect(error).toHaveText(
      "手机号已绑定其他账号。请换一个手机号（建议使用微信绑定的手机号），或请使用该手机号的人员改绑其他手机号。",
    );
    await expect(page.locator('input[name="value"]')).toHaveValue(taken);
    await expect(page.getByRole("button", { name: "提交给运维老师" })).toHaveCount(0);
  });

  test("「账号已被其他手机号绑定」 (SUES 2.2): the member already follows with another phone → how to unfollow first", async ({ page }) => {
    const phone = freshMainlandPhone();
    const member = await makeMember("ucas", { phone });
    await signInToBind(page, member);
    await page.getByRole("button", { name: "下一步" }).click();
    await followDirectly(page, phone);

    await page.goto(tenantUrl("ucas", "/bind-phone?change=1"));
    await typePhoneAndGoOn(page, freshMainlandPhone());
    const error = page.getByTestId("bind-error");
    await expect(error).toHaveText(
      "账号已被其他手机号绑定并已关注。请先在「个人中心」点【解绑微信】，或在微信中取消关注：微信 → 通讯录 → 我的企业 →「中国科学院大学」→ 右上角 → 设置 → 不再关注；之后重新绑定新的手机号。",
    );
  });

  test("「手机号码已存在」 (UCAS 13): the case goes to the helpdesk, who finds it in the back office with the account holding the phone", async ({
    page,
    browser,
  }) => {
    const phone = freshMainlandPhone();
    const holder = await holderOf(phone);
    const member = await makeMember("ucas");
    await signInToBind(page, member);
    await typePhoneAndGoOn(page, phone);
    const error = page.getByTestId("bind-error");
    await expect(error.locator("p")).toHaveText(
      "手机号码已存在：该手机号已被他人或您的旧账号使用，只有学校管理员可以转移。可提交给运维老师，处理后即可用该手机号绑定；也可以换一个手机号继续。",
    );
    await error.locator('textarea[name="note"]').fill("这是我本人的手机号，旧学号已不用");
    await error.getByRole("button", { name: "提交给运维老师" }).click();
    await expect(page.getByRole("status")).toContainText("已提交给运维老师");

    const office = await browser.newContext();
    try {
      const admin = await office.newPage();
      await signIn(admin, tenantUrl("ucas", "/admin/login"), ADMIN.username, ADMIN.password);
      await openConsoleNav(admin);
      await admin.getByTestId("helpdesk-link").click();
      const item = admin.getByTestId(`case-${member.account}`);
      await expect(item).toContainText("手机号码已存在");
      await expect(item).toContainText(phone);
      await expect(item).toContainText(`该手机号在账号 ${holder.account} 名下`);
      await expect(item).toContainText("旧学号已不用");
      await item.getByRole("button", { name: "由我处理" }).click();
      await expect(item).toContainText(`处理人：${ADMIN.username}`);
      await item.locator('textarea[name="answer"]').fill("旧学号的手机号已清除，请重新绑定。");
      await item.getByRole("button", { name: "回复并标记已处理" }).click();
      await expect(item).toHaveCount(0);
    } finally {
      await office.close();
    }
    // The student reads the answer on 个人中心, the case marked done.
    await page.goto(tenantUrl("ucas", "/me"));
    const sent = page.getByTestId("my-case");
    await expect(sent).toContainText("手机号码已存在");
    await expect(sent).toContainText("已处理");
    await expect(sent.getByTestId("my-case-answer")).toHaveText("运维老师回复：旧学号的手机号已清除，请重新绑定。");
  });
});

test.describe("following: WeCom's refusals in 关注身份验证, explained on the follow page beforehand", () => {
  test("「该手机号不存在于企业通讯录中」 (SUES 2.3): another phone than the bound one; the bound one then works", async ({ page }) => {
    const phone = freshMainlandPhone();
    const member = await makeMember("ucas", { phone });
    await signInToBind(page, member);
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByTestId("follow-qr")).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId("verify-steps")).toContainText("否则会提示「该手机号不存在于企业通讯录中」");
    const wechat = await wechatUser(freshMainlandPhone());
    expect(await wechat.scan(await readQrImage(page, page.getByTestId("follow-qr")))).toMatchObject({
      follow: { result: "needs_verification" },
    });

    expect(await wechat.startVerification(corpIdOf("ucas"), freshMainlandPhone())).toBe("该手机号不存在于企业通讯录中");
    expect(await wechat.startVerification(corpIdOf("ucas"), phone)).toBeNull();
  });

  test("「手机号已被其他成员验证」 (SUES 2.4): the phone was verified by someone else → bind your own phone", async ({ page, browser }) => {
    const phone = freshMainlandPhone();
    // Member A followed with this phone, then changed the mobile in WeCom (and the school's directory) to another one.
    const earlier = await makeMember("ucas", { phone });
    const first = await browser.newContext({ userAgent: WECHAT_USER_AGENT });
    try {
      const pageA = await first.newPage();
      await signInToBind(pageA, earlier);
      await pageA.getByRole("button", { name: "下一步" }).click();
      const wechatA = await followDirectly(pageA, phone);
      const moved = freshMainlandPhone();
      await wechatA.changeOwnMobile(corpIdOf("ucas"), moved);
      const db = database();
      await db.member.update({ where: { id: earlier.id }, data: { phone: `+86${moved}`, phoneDisplay: moved } });
      await db.phoneBinding.update({ where: { memberId: earlier.id }, data: { value: `+86${moved}` } });
    } finally {
      await first.close();
    }

    // Member B binds the number that is free now, and follows with a WeChat of another phone.
    const member = await makeMember("ucas");
    await signInToBind(page, member);
    await page.locator('input[name="value"]').fill(phone);
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByRole("status")).toContainText(`验证码已发送至 ${phone}`);
    const code = await outboxCode(phone);
    await page.locator('input[name="code"]').fill(code);
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByTestId("follow-qr")).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId("verify-steps")).toContainText("如提示「手机号已被其他成员验证」");
    const wechat = await wechatUser(freshMainlandPhone());
    expect(await wechat.scan(await readQrImage(page, page.getByTestId("follow-qr")))).toMatchObject({
      follow: { result: "needs_verification" },
    });
    expect(await wechat.startVerification(corpIdOf("ucas"), phone)).toBe("手机号已被其他成员验证");
  });
});
