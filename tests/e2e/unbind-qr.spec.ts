// The school's printed unbind QR (issue 18 §1; IMUT 二 「扫描以下二维码」 to 解除绑定): the back office
// shows it beside the registration QR; a member who followed scans it in the simulated WeChat while
// signed out, signs in, and lands on 解绑微信 — not on 个人中心 or the journey — and unbinds there.
import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";
import { tenantUrl } from "./hosts";
import { corpIdOf, followThroughJourney, readQrImage, signInOnForm, WECHAT_USER_AGENT } from "./journey-kit";

test.use({ userAgent: WECHAT_USER_AGENT });

test("scanning the unbind QR signed out leads through sign-in to 解绑微信, and 确认解绑 there unbinds", async ({ page, browser }) => {
  // A journey through WeCom and the back office besides: more than the minute one journey is given.
  test.slow();
  const { member, wechat } = await followThroughJourney(page, browser);

  // The IT office's unbind QR, read from the image the back office shows (as a phone reads the printed one).
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let link: string;
  try {
    const admin = await desk.newPage();
    await signIn(admin, tenantUrl("ucas", "/admin/login"), ADMIN.username, ADMIN.password);
    await expect(admin).toHaveURL(tenantUrl("ucas", "/admin"));
    await admin.goto(tenantUrl("ucas", "/admin/qr"));
    await expect(admin.getByTestId("unbind-section")).toContainText("解绑二维码");
    await expect(admin.getByTestId("unbind-qr-link")).toContainText("/me/unbind?q=1.u.");
    // The registration QR is still there, unchanged.
    await expect(admin.getByTestId("qr-link")).toContainText("/join?q=1.r.");
    link = await readQrImage(admin, admin.getByTestId("unbind-qr-image"));
  } finally {
    await desk.close();
  }
  expect(link).toMatch(new RegExp(`^${tenantUrl("ucas", "/me/unbind").replace(/[.?]/g, "\\$&")}\\?q=1\\.u\\.`));

  // The same WeChat, this time in a browser with no session of the school: the scan opens the sign-in.
  const fresh = await browser.newContext({ userAgent: WECHAT_USER_AGENT, viewport: { width: 375, height: 740 } });
  try {
    const phone = await fresh.newPage();
    const opened = await wechat.scan(link);
    expect(opened).toMatchObject({ kind: "open" });
    if (opened.kind !== "open") return;
    await phone.goto(opened.location);
    await expect(phone).toHaveURL(/\/login\?returnTo=%2Fme%2Funbind%3Fq%3D1\.u\./);
    await expect(phone.getByRole("heading", { name: "统一身份认证" })).toBeVisible();
    await signInOnForm(phone, member);

    // Straight back to 解绑微信, saying what happens, with its one confirmation.
    await expect(phone).toHaveURL(/\/me\/unbind\?q=1\.u\./);
    await expect(phone.getByTestId("unbind-explained")).toContainText("您的微信退出「中国科学院大学」企业微信");
    await phone.getByTestId("unbind-confirm").click();
    await expect(phone).toHaveURL(tenantUrl("ucas", "/unbound"));
    await expect(phone.getByTestId("unbound")).toContainText("您已解绑微信");
  } finally {
    await fresh.close();
  }
  await expect.poll(async () => (await wechat.view(corpIdOf("ucas"))).relation, { timeout: 30_000 }).toBe("none");
});
