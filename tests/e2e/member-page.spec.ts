// The helpdesk's member page, at a desk (1280 px) and on a phone (375 px): search a member, open
// their page, and apply two FAQ fixes — move a phone that 「手机号码已存在」 from the old account to
// this one (both accounts on the confirmation), and unlock a locked sign-in — and see the result.
// And one fix with the page's scripts blocked: the plain forms still do it.
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eDb, FACTORY_PASSWORD, makeMember, makeSchool, signInThroughApi } from "./factories";
import { memberRow, scrollWidth } from "./helpers";
import { tenantUrl } from "./hosts";

const phone = () => `139${String(randomInt(1e8)).padStart(8, "0")}`;

async function lock(schoolId: string, account: string): Promise<void> {
  await e2eDb().member.updateMany({
    where: { tenantId: schoolId, account },
    data: { failedLoginCount: 6, lockedUntil: new Date(Date.now() + 30 * 60_000) },
  });
}

for (const width of [1280, 375]) {
  test.describe(`the member page at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("search a member, open the page, move a phone from the old account and unlock the sign-in", async ({ page }) => {
      const school = await makeSchool();
      const moving = phone();
      const old = await makeMember(school, { name: "旧学号", phone: moving });
      const member = await makeMember(school, { name: "新学号同学" });
      await lock(school.tenantId, member.account);
      await signInThroughApi(page, school.slug, "tenant-admin", school.helpdesk, FACTORY_PASSWORD);

      // The directory finds the old account by the phone typed.
      await page.goto(tenantUrl(school.slug, "/admin/members"));
      await page.getByRole("textbox", { name: "搜索成员" }).fill(moving);
      await page.getByRole("button", { name: "搜索" }).click();
      await expect(memberRow(page, old.account)).toHaveCount(1);
      await page.getByRole("textbox", { name: "搜索成员" }).fill(member.account);
      await page.getByRole("button", { name: "搜索" }).click();
      await memberRow(page, member.account).getByRole("link", { name: member.account }).click();
      await expect(page).toHaveURL(/\/admin\/members\/[0-9a-f-]{36}$/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(member.account);
      await expect(page.getByTestId("member-lock")).toContainText("锁定至");
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);

      // 转移手机号: the confirmation names both accounts; then the phone is this member's.
      const move = page.getByTestId("fix-movePhone");
      await move.getByRole("textbox").fill(moving);
      await move.getByRole("button", { name: "下一步" }).click();
      const confirm = page.getByTestId("fix-confirm");
      await expect(confirm).toContainText(`原账号：${old.account} 旧学号`);
      await expect(confirm).toContainText(`转到：${member.account} 新学号同学`);
      await confirm.getByTestId("fix-apply").click();
      await expect(page.getByTestId("fix-done")).toContainText("手机号已转到本账号");
      await expect(page.getByTestId("member-phone")).toHaveText(moving);
      await expect(page.getByTestId("trail-member.fix.phone_moved_in")).toBeVisible();

      // 解除登录锁定.
      await page.getByTestId("fix-unlock").getByRole("link", { name: "处理…" }).click();
      await expect(page.getByTestId("fix-confirm")).toContainText(`解除 ${member.account} 新学号同学 的登录锁定？`);
      await page.getByTestId("fix-apply").click();
      await expect(page.getByTestId("fix-done")).toContainText("已解除登录锁定");
      await expect(page.getByTestId("member-lock")).toHaveText("正常");

      // The old account no longer has the phone: the search by it finds the new one.
      await page.goto(tenantUrl(school.slug, `/admin/members?q=${moving}`));
      await expect(memberRow(page, member.account)).toHaveCount(1);
      await expect(memberRow(page, old.account)).toHaveCount(0);
    });
  });
}

test.describe("with the page's scripts blocked", () => {
  test.use({ javaScriptEnabled: false });

  test("a fix is confirmed and applied through plain forms, and a refusal says what to do", async ({ page, browser }) => {
    const school = await makeSchool();
    const member = await makeMember(school, { name: "无脚本同学" });
    await lock(school.tenantId, member.account);
    // Signing in through the endpoint needs a script: done in a context of its own, its cookies carried over.
    const scripted = await browser.newContext();
    const signer = await scripted.newPage();
    await signInThroughApi(signer, school.slug, "tenant-admin", school.helpdesk, FACTORY_PASSWORD);
    await page.context().addCookies(await scripted.cookies());
    await scripted.close();

    await page.goto(tenantUrl(school.slug, `/admin/members?q=${member.account}`));
    await memberRow(page, member.account).getByRole("link", { name: member.account }).click();
    await page.getByTestId("fix-unlock").getByRole("link", { name: "处理…" }).click();
    await page.getByTestId("fix-apply").click();
    await page.getByRole("status").getByRole("link").click();
    await expect(page.getByTestId("fix-done")).toContainText("已解除登录锁定");
    await expect(page.getByTestId("member-lock")).toHaveText("正常");

    // Unlocking again cannot apply: the refusal says so, and why.
    await page.getByTestId("fix-unlock").getByRole("link", { name: "处理…" }).click();
    await page.getByTestId("fix-apply").click();
    await expect(page.getByTestId("fix-refusal")).toContainText("该成员的登录没有被锁定");
  });
});
