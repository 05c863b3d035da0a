// The lockout policy (UCAS: 6 wrong tries lock the account for 30 minutes,
// 「错误次数已达最大上限，请稍后再试」) on a school and accounts of each test's own.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeMember, makeSchool, signInThroughApi } from "./factories";
import { memberRow, signIn, signInError, submitCredentials } from "./helpers";
import { tenantUrl } from "./hosts";

const LOCK_MESSAGE = "错误次数已达最大上限，请稍后再试";

test.describe("lockout after 6 wrong passwords", () => {
  test("six wrong passwords lock a member's account until the helpdesk unlocks it", async ({ page, browser }) => {
    const school = await makeSchool({ lockout: { maxAttempts: 6, lockMinutes: 30 } });
    const member = await makeMember(school, { name: "王老师" });
    await page.goto(tenantUrl(school.slug, "/login"));
    await expect(page.getByText("连续输错 6 次密码，账号将锁定 30 分钟。")).toBeVisible();

    for (let remaining = 5; remaining >= 1; remaining--) {
      await submitCredentials(page, member.account, `wrong-${remaining}`);
      await expect(signInError(page)).toHaveText(`账号或密码错误，还可尝试 ${remaining} 次。`);
    }
    await submitCredentials(page, member.account, "wrong-0");
    await expect(signInError(page)).toContainText(LOCK_MESSAGE);
    await expect(signInError(page)).toContainText("30 分钟");

    // Locked: even the right password is refused.
    await submitCredentials(page, member.account, member.password);
    await expect(signInError(page)).toContainText(LOCK_MESSAGE);
    await expect(page).toHaveURL(tenantUrl(school.slug, "/login"));

    // The helpdesk (signed in through the endpoint: its sign-in is not what this tests) finds the account locked and unlocks it.
    const helpdeskContext = await browser.newContext();
    const helpdesk = await helpdeskContext.newPage();
    await signInThroughApi(helpdesk, school.slug, "tenant-admin", school.helpdesk, FACTORY_PASSWORD);
    await helpdesk.goto(tenantUrl(school.slug, `/admin/members?q=${member.account}`));
    const row = memberRow(helpdesk, member.account);
    await expect(row).toContainText("王老师");
    await expect(row).toContainText("锁定至");
    await row.getByRole("button", { name: "解锁" }).click();
    await expect(row).toContainText("正常");
    await expect(row.getByRole("button", { name: "解锁" })).toHaveCount(0);
    await helpdeskContext.close();

    // The member signs in with the right password.
    await signIn(page, tenantUrl(school.slug, "/login"), member.account, member.password);
    await expect(page).toHaveURL(tenantUrl(school.slug, "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("王老师");
  });

  test("six wrong passwords lock the helpdesk's account until the IT office's admin unlocks it in the back office", async ({
    page,
    browser,
  }) => {
    const school = await makeSchool();
    await page.goto(tenantUrl(school.slug, "/admin/login"));
    for (let remaining = 5; remaining >= 0; remaining--) {
      await submitCredentials(page, school.helpdesk, `wrong-${remaining}`);
      await expect(signInError(page)).toContainText(remaining > 0 ? `还可尝试 ${remaining} 次` : LOCK_MESSAGE);
    }
    await submitCredentials(page, school.helpdesk, FACTORY_PASSWORD);
    await expect(signInError(page)).toContainText(LOCK_MESSAGE);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInThroughApi(admin, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
    await admin.goto(tenantUrl(school.slug, "/admin/accounts"));
    const row = admin.getByTestId(`admin-${school.helpdesk}`);
    await expect(row).toContainText("锁定至");
    await row.getByRole("button", { name: "解锁" }).click();
    await expect(row).toContainText("正常");
    await adminContext.close();

    await submitCredentials(page, school.helpdesk, FACTORY_PASSWORD);
    await expect(page).toHaveURL(tenantUrl(school.slug, "/admin"));
  });
});
