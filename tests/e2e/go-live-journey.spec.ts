// A new school goes live, end to end, as the people involved do it: the vendor opens the school and
// invites its first IT admin; the admin (on a phone, 375 px) sets a password, connects the school's
// WeCom — whose own console (the simulator's control API, as the school's WeCom admin uses WeCom's)
// gets the callback and the platform's IPs —, chooses the initial-password rule, imports the roster,
// downloads the registration code; a student from that roster scans it in WeChat, signs in with the
// initial password (last 8 of the ID number), changes it, binds the phone, follows, and sees
// 「关注成功」; and 开通向导 then shows every step done, each found by the product.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { residentId, xlsxFile } from "../fixtures/roster/build";
import { makeVendor } from "./factories";
import { signIn, signInAsVendor } from "./helpers";
import { rootUrl, tenantUrl } from "./hosts";
import {
  freshMainlandPhone,
  longPressFollowQr,
  registrationLink,
  scanIntoWechat,
  simUrl,
  Taps,
  WECHAT_USER_AGENT,
  wechatUser,
} from "./journey-kit";

const ADMIN_PASSWORD = "Kaitong-2026";
const ASSISTANT = 1000003;
/** The platform's egress IPs as the local simulator sees them. */
const EGRESS_IPS = ["127.0.0.1", "::1"];

/** The school's WeCom admin at work in WeCom's console (the simulator's control API). */
async function wecomConsole(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${simUrl}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(200);
}

/** The vendor opens the school and copies the first admin's invitation link. */
async function vendorInvites(page: Page, slug: string): Promise<string> {
  await signInAsVendor(page, await makeVendor());
  const form = page.getByTestId("create-tenant");
  await form.locator('input[name="slug"]').fill(slug);
  await form.locator('input[name="name"]').fill(`开通大学${slug}`);
  await form.locator('input[name="nameEn"]').fill(`Go-Live University ${slug}`);
  await form.locator('select[name="idpKind"]').selectOption("BUILTIN");
  await form.getByRole("button", { name: "开通新学校" }).click();
  await expect(form.getByRole("status")).toHaveText(`已开通 ${slug}`);
  await page.getByTestId(`school-admins-${slug}`).click();
  const invite = page.getByTestId("invite-admin");
  await invite.locator('input[name="username"]').fill("xxzx.li");
  await invite.locator('input[name="name"]').fill("李老师");
  await invite.getByRole("button", { name: "生成邀请链接" }).click();
  return page.getByTestId("invite-link").inputValue();
}

/** The admin takes the invitation and signs in to the back office. */
async function adminTakesInvitation(admin: Page, slug: string, link: string): Promise<void> {
  await admin.goto(link);
  await admin.locator('input[name="password"]').fill(ADMIN_PASSWORD);
  await admin.locator('input[name="confirmPassword"]').fill(ADMIN_PASSWORD);
  await admin.getByRole("button", { name: "设置密码" }).click();
  await expect(admin.getByTestId("invite-done")).toContainText("密码已设置");
  await signIn(admin, tenantUrl(slug, "/admin/login"), "xxzx.li", ADMIN_PASSWORD);
  await expect(admin).toHaveURL(tenantUrl(slug, "/admin"));
}

/** WeCom: the corp exists; the admin enters its ids and secrets, puts the product's callback in WeCom, trusts its IPs, tests. */
async function connectWecom(admin: Page, corpid: string, slug: string): Promise<void> {
  const appSecret = randomBytes(24).toString("base64url");
  const contactSecret = randomBytes(24).toString("base64url");
  await wecomConsole("POST", "corps", {
    corpid,
    name: `开通大学${slug}`,
    contactSecret,
    contactTrustedIps: EGRESS_IPS,
    apps: [
      { agentid: 1000002, name: "消息中心", trustedDomain: new URL(rootUrl()).host, trustedIps: EGRESS_IPS },
      { agentid: ASSISTANT, name: "企业微信助手", isAssistant: true, secret: appSecret },
    ],
  });
  await admin.goto(tenantUrl(slug, "/admin/wecom"));
  const form = admin.getByTestId("wecom-settings");
  await form.locator('select[name="apiBaseUrl"]').selectOption(simUrl);
  await form.locator('input[name="corpId"]').fill(corpid);
  await form.locator('input[name="agentId"]').fill(String(ASSISTANT));
  await form.locator('input[name="assistantAppName"]').fill("企业微信助手");
  await form.locator('input[name="appSecret"]').fill(appSecret);
  await form.locator('input[name="contactSecret"]').fill(contactSecret);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

  const keys = admin.getByTestId("wecom-callback").locator("dd");
  if ((await keys.nth(1).textContent()) === "—") {
    await admin.getByRole("button", { name: /生成新的 Token/ }).click();
    await expect(keys.nth(1)).not.toHaveText("—");
  }
  const [shownUrl, token, encodingAesKey] = await keys.allTextContents();
  // The address as the page gives it, on the school's public host; here that host is the loopback
  // name only the browser resolves, so the simulator is given the same path on the app's address.
  const url = `${rootUrl()}${new URL(shownUrl!).pathname.slice(1)}`;
  for (const agent of ["contacts", String(ASSISTANT)])
    await wecomConsole("PUT", `corps/${corpid}/callbacks/${agent}`, { url, token, encodingAesKey });
  await wecomConsole("PATCH", `corps/${corpid}/apps/${ASSISTANT}`, { trustedIps: EGRESS_IPS });

  await admin.getByRole("button", { name: "测试连接" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "连接成功" })).toBeVisible();
}

/** 学校设置: members loaded from the roster sign in first with the last 8 of their ID number, then change it. */
async function chooseInitialPasswords(admin: Page, slug: string): Promise<void> {
  await admin.goto(tenantUrl(slug, "/admin/settings"));
  const rule = admin.getByTestId("settings-password");
  await rule.locator('select[name="initialPasswordRule"]').selectOption("ID_NUMBER_LAST8");
  await rule.locator('select[name="mustChangeInitial"]').selectOption("1");
  await rule.getByRole("button", { name: "保存" }).click();
  await expect(rule.getByRole("status")).toHaveText("已保存。");
}

async function importRoster(admin: Page, slug: string, row: (string | number)[]): Promise<void> {
  await admin.goto(tenantUrl(slug, "/admin/import"));
  const buffer = Buffer.from(await xlsxFile([["学号", "姓名", "身份类型", "手机号", "证件类型", "证件号码"], row]));
  await admin.getByTestId("roster-file").setInputFiles({ name: "新生名单.xlsx", mimeType: "application/octet-stream", buffer });
  await admin.getByRole("button", { name: "上传并预览" }).click();
  await expect(admin.getByTestId("count-create")).toContainText("1");
  await admin.getByTestId("confirm-import").click();
  await expect(admin.getByTestId("import-done")).toContainText("新增 1 人", { timeout: 60_000 });
}

/** The student, in WeChat on a phone: scan, sign in with the initial password, change it, bind, follow. */
async function studentJoins(browser: Browser, slug: string, student: { account: string; phone: string; initial: string }) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, userAgent: WECHAT_USER_AGENT, isMobile: true });
  try {
    const page = await context.newPage();
    const wechat = await wechatUser(student.phone);
    await scanIntoWechat(page, wechat, await registrationLink(browser, slug));
    await page.locator('input[name="identifier"]').fill(student.account);
    await page.locator('input[name="password"]').fill(student.initial);
    await page.locator('form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/change-password\?returnTo=%2Fbind-phone$/, { timeout: 30_000 });
    const change = page.getByTestId("change-password");
    await change.locator('input[name="currentPassword"]').fill(student.initial);
    await change.locator('input[name="newPassword"]').fill("Xinsheng-2026");
    await change.locator('input[name="confirmPassword"]').fill("Xinsheng-2026");
    await change.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/bind-phone$/);
    await expect(page.getByTestId("current-phone")).toContainText(student.phone);
    await page.getByRole("button", { name: "下一步" }).click();
    const followed = await longPressFollowQr(page, new Taps(), wechat);
    expect(followed).toMatchObject({ kind: "follow", follow: { result: "followed" } });
    await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  } finally {
    await context.close();
  }
}

test("a new school goes live: the vendor's invitation, the admin's checklist on a phone, a student's 「关注成功」", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const slug = `live${Date.now().toString(36)}${randomBytes(1).toString("hex")}`;
  const corpid = `wwlive${randomBytes(6).toString("hex")}`;
  const link = await vendorInvites(page, slug);

  const phoneContext = await browser.newContext({ viewport: { width: 375, height: 740 } });
  try {
    const admin = await phoneContext.newPage();
    await adminTakesInvitation(admin, slug, link);
    await admin.goto(tenantUrl(slug, "/admin/go-live"));
    const checklist = admin.getByTestId("go-live");
    for (const step of ["wecom", "roster", "qr", "firstFollow"])
      await expect(checklist.locator(`[data-check="${step}"]`)).toHaveAttribute("data-status", "failed");

    await connectWecom(admin, corpid, slug);
    await chooseInitialPasswords(admin, slug);
    const id = residentId("11010120060901123");
    const student = { account: `L${randomBytes(3).toString("hex").toUpperCase()}`, phone: freshMainlandPhone(), initial: id.slice(-8) };
    await importRoster(admin, slug, [student.account, "新同学", "在校师生", student.phone, "居民身份证", id]);

    // The directory reaches WeCom through the sync jobs.
    await admin.goto(tenantUrl(slug, "/admin/go-live"));
    await expect
      .poll(async () => (await admin.reload(), await checklist.locator('[data-check="sync"]').getAttribute("data-status")), {
        timeout: 45_000,
      })
      .toBe("passed");

    await admin.goto(tenantUrl(slug, "/admin/qr"));
    const download = admin.waitForEvent("download");
    await admin.getByTestId("download-png").click();
    await download;

    await studentJoins(browser, slug, student);

    await admin.goto(tenantUrl(slug, "/admin/go-live"));
    for (const step of ["wecom", "identity", "roster", "sync", "visibleRange", "qr", "firstFollow"])
      await expect(checklist.locator(`[data-check="${step}"]`), step).toHaveAttribute("data-status", "passed");
    await expect(checklist.locator('[data-check="firstFollow"]')).toContainText("1");
  } finally {
    await phoneContext.close();
  }
});
