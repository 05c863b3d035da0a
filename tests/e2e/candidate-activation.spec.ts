// 账号激活 of a UESTC candidate (附件一) at 375 px inside the simulated WeChat, with the page's scripts
// blocked: the registration QR → 【考生】 → the sign-in asks for the 考生号 and offers 【账号激活】 → the
// notice, refused until 「我已阅读激活须知」 is ticked → the identity check (a wrong check digit said as
// such) → the phone code → the e-mail code → a password by the rules shown → 「统一身份认证账号激活完成」,
// signed in, and on to the phone step with the activated phone already there. Then, in a page that runs
// next-auth's script, the candidate signs in with the new password and follows to 「关注成功」 (UESTC's
// 二次验证 included), the phone typed once.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { blindIndex, encryptSecret, parseKey, sealContext } from "../../src/server/crypto/secrets";
import { tenantUrl } from "./hosts";
import {
  database,
  freshMainlandPhone,
  longPressFollowQr,
  outboxCode,
  registrationLink,
  scanIntoWechat,
  signInOnForm,
  Taps,
  WECHAT_USER_AGENT,
  wechatUser,
  wecomStatusOf,
} from "./journey-kit";

const NEW_PASSWORD = "Kaosheng-2026";

/** A resident ID of nobody, with its GB 11643 check character (ISO 7064 MOD 11-2). */
function residentId(): string {
  const first17 = `510104${2000 + randomInt(0, 8)}0${randomInt(1, 10)}1${randomInt(0, 10)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11]!;
}

/** A UESTC candidate of this test alone, in the built-in directory without a password (not activated). */
async function makeCandidate() {
  const db = database();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "uestc" }, select: { id: true } });
  const kind = await db.identityKind.findFirstOrThrow({ where: { tenantId: tenant.id, code: "candidate" }, select: { id: true } });
  const key = parseKey(process.env.APP_ENCRYPTION_KEY!);
  const idNumber = residentId();
  const account = `K${Date.now().toString().slice(-8)}${randomBytes(2).toString("hex")}`.toUpperCase();
  const name = `考生${randomBytes(2).toString("hex")}`;
  const member = await db.member.create({
    data: {
      tenantId: tenant.id,
      account,
      name,
      identityKindId: kind.id,
      department: "端到端测试考生",
      idType: "居民身份证",
      idNumberHash: blindIndex(idNumber, key, tenant.id),
      idNumberEnc: "pending",
    },
    select: { id: true },
  });
  await db.member.update({
    where: { id: member.id },
    data: { idNumberEnc: encryptSecret(idNumber, key, sealContext("Member", "idNumberEnc", member.id)) },
  });
  return { account, name, idNumber };
}

/** The code the development outbox "sent" to an e-mail address. */
async function emailCode(address: string): Promise<string> {
  const message = await database().outboxMessage.findFirstOrThrow({ where: { destination: address }, orderBy: { createdAt: "desc" } });
  return /验证码为 (\d+)/.exec(message.text)![1]!;
}

test.describe("账号激活 of a candidate", () => {
  test.use({ userAgent: WECHAT_USER_AGENT, javaScriptEnabled: false, viewport: { width: 375, height: 740 } });

  test("with the page's scripts blocked: notice → identity → phone code → e-mail code → password → done; then sign-in and 「关注成功」", async ({
    page,
    browser,
  }) => {
    // The activation and then the whole WeCom journey: more than the minute one journey is given.
    test.slow();
    const candidate = await makeCandidate();
    const phone = freshMainlandPhone();
    const email = `ks${randomBytes(3).toString("hex")}@example.com`;
    const wechat = await wechatUser(phone);
    await scanIntoWechat(page, wechat, await registrationLink(browser, "uestc"));

    // 【考生】: the built-in sign-in, which asks for the 考生号 and offers 【账号激活】 to one who has none yet.
    await page.getByRole("link", { name: "考生" }).click();
    await expect(page.getByText("考生号", { exact: true })).toBeVisible();
    await expect(page.getByText("学号 / 工号", { exact: false })).toHaveCount(0);
    await page.getByTestId("activation-entry").getByRole("link", { name: "账号激活" }).click();

    // The notice: 【进入激活】 is refused until it is ticked as read.
    await expect(page.getByTestId("activation-notice")).toContainText("只用于激活学校企业微信");
    await expect(page.getByTestId("activation-notice")).toContainText("不能登录校内其他业务系统");
    await page.getByRole("button", { name: "进入激活" }).click();
    await expect(page.getByRole("alert")).toContainText("请先阅读激活须知，勾选「我已阅读激活须知」");
    await page.getByLabel("我已阅读激活须知").check();
    await page.getByRole("button", { name: "进入激活" }).click();

    // Step 1: the identity. A resident ID with a wrong last character is said to be just that.
    await expect(page.getByTestId("activation-step")).toHaveText("第 1 步，共 4 步：身份校验");
    const fillIdentity = async (idNumber: string) => {
      await page.getByLabel("考生号").fill(candidate.account);
      await page.getByLabel("姓名").fill(candidate.name);
      await page.getByLabel("证件类型").selectOption("居民身份证");
      await page.getByLabel("证件号码").fill(idNumber);
      await page.getByRole("button", { name: "下一步" }).click();
    };
    const wrongCheck = candidate.idNumber.slice(0, 17) + (candidate.idNumber.endsWith("1") ? "2" : "1");
    await fillIdentity(wrongCheck);
    await expect(page.getByRole("alert")).toContainText("最后一位（校验位）与前 17 位不符");
    await fillIdentity(candidate.idNumber);

    // Step 2: the phone the WeChat is bound to, by code.
    await expect(page.getByTestId("activation-step")).toHaveText("第 2 步，共 4 步：验证手机号");
    await page.getByLabel("手机号").fill(phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByTestId("activation-sent")).toContainText(`验证码已发送至 ${phone}`);
    expect(page.url()).not.toContain(phone);
    await page.getByLabel("验证码").fill(await outboxCode(phone));
    await page.getByRole("button", { name: "下一步" }).click();

    // Step 3: the e-mail address, by code.
    await expect(page.getByTestId("activation-step")).toHaveText("第 3 步，共 4 步：验证邮箱");
    await page.getByLabel("邮箱").fill(email);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByTestId("activation-sent")).toContainText(`验证码已发送至 ${email}`);
    await page.getByLabel("验证码").fill(await emailCode(email));
    await page.getByRole("button", { name: "下一步" }).click();

    // Step 4: a password by the rules shown; one that breaks a rule is refused beside them.
    await expect(page.getByTestId("activation-step")).toHaveText("第 4 步，共 4 步：设置密码");
    await expect(page.getByTestId("password-rules")).toContainText("同时包含字母和数字");
    await page.getByLabel("新密码", { exact: true }).fill("onlyletters");
    await page.getByLabel("再次输入新密码").fill("onlyletters");
    await page.getByRole("button", { name: "完成激活" }).click();
    await expect(page.getByRole("alert")).toHaveText("密码不符合要求：同时包含字母和数字。请重新设置。");
    await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "完成激活" }).click();

    // Done, and signed in: the next step of the WeCom activation has the activated phone already.
    await expect(page.getByTestId("activation-done")).toContainText("统一身份认证账号激活完成");
    await page.getByRole("link", { name: "继续激活企业微信" }).click();
    await expect(page).toHaveURL(tenantUrl("uestc", "/bind-phone"));
    await expect(page.getByTestId("current-phone")).toContainText(phone);

    // Signing in takes next-auth's script (issue 20): in a WeChat page that runs it, the new password opens the journey.
    const withScript = await browser.newContext({ userAgent: WECHAT_USER_AGENT, javaScriptEnabled: true });
    try {
      const signIn = await withScript.newPage();
      await signIn.goto(tenantUrl("uestc", "/login?kind=candidate&returnTo=%2Fbind-phone"));
      // The form signs in through its script once React has hydrated it (until then a tap posts the page to itself).
      await signIn.waitForFunction(() => {
        const form = document.querySelector("form");
        return !!form && Object.keys(form).some((key) => key.startsWith("__reactProps"));
      });
      await signInOnForm(signIn, { id: "", account: candidate.account, name: candidate.name, password: NEW_PASSWORD });
      await expect(signIn).toHaveURL(tenantUrl("uestc", "/bind-phone"));
      // The phone confirmed during the activation is the one to follow with: one tap, no second code of ours.
      await expect(signIn.getByTestId("current-phone")).toContainText(phone);
      await signIn.getByRole("button", { name: "下一步" }).click();
      const followed = await longPressFollowQr(signIn, new Taps(), wechat);
      expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
      if (followed.kind !== "follow" || !followed.follow.secondVerificationUrl) throw new Error("WeCom sent no verification notice");
      expect(await wecomStatusOf("uestc", candidate.account)).toBe(4);
      const notice = await withScript.newPage();
      await notice.goto(followed.follow.secondVerificationUrl);
      await notice.getByRole("button", { name: "是本人，完成验证" }).click();
      await expect(notice.getByTestId("followed")).toHaveText("关注成功");
      await expect(notice.getByTestId("apps")).toContainText("消息中心");
    } finally {
      await withScript.close();
    }
  });
});
