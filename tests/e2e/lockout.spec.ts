import { expect, test } from "@playwright/test";
import {
  ADMIN,
  findMemberAsHelpdesk,
  HELPDESK,
  MEMBER_PASSWORD,
  signIn,
  signInError,
  startFromCleanAccount,
  submitCredentials,
} from "./helpers";
import { tenantUrl } from "./hosts";

// T1001 王老师 of ucas belongs to this spec alone: locking it affects no other spec.
const ACCOUNT = "T1001";
const LOCK_MESSAGE = "错误次数已达最大上限，请稍后再试";

test.describe("lockout after 6 wrong passwords, and unlock by the helpdesk (ucas)", () => {
  test("six wrong passwords lock the account until the helpdesk unlocks it", async ({ page, browser }) => {
    await startFromCleanAccount(browser, "ucas", ACCOUNT, MEMBER_PASSWORD);
    await page.goto(tenantUrl("ucas", "/login"));
    await expect(page.getByText("连续输错 6 次密码，账号将锁定 30 分钟。")).toBeVisible();

    for (let remaining = 5; remaining >= 1; remaining--) {
      await submitCredentials(page, ACCOUNT, `wrong-${remaining}`);
      await expect(signInError(page)).toHaveText(`账号或密码错误，还可尝试 ${remaining} 次。`);
    }
    await submitCredentials(page, ACCOUNT, "wrong-0");
    await expect(signInError(page)).toContainText(LOCK_MESSAGE);
    await expect(signInError(page)).toContainText("30 分钟");

    // Locked: even the right password is refused.
    await submitCredentials(page, ACCOUNT, MEMBER_PASSWORD);
    await expect(signInError(page)).toContainText(LOCK_MESSAGE);
    await expect(page).toHaveURL(tenantUrl("ucas", "/login"));

    // The helpdesk finds the account locked and unlocks it.
    const helpdeskContext = await browser.newContext();
    const helpdesk = await helpdeskContext.newPage();
    const row = await findMemberAsHelpdesk(helpdesk, "ucas", ACCOUNT);
    await expect(row).toContainText("王老师");
    await expect(row).toContainText("锁定至");
    await row.getByRole("button", { name: "解锁" }).click();
    await expect(row).toContainText("正常");
    await expect(row.getByRole("button", { name: "解锁" })).toHaveCount(0);
    await helpdeskContext.close();

    // The member signs in with the right password.
    await signIn(page, tenantUrl("ucas", "/login"), ACCOUNT, MEMBER_PASSWORD);
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("王老师");
  });
});

// uestc's helpdesk account belongs to this test alone.
test.describe("a locked-out administrator is unlocked by the school's ADMIN (uestc)", () => {
  test("six wrong passwords lock the helpdesk account until the IT office's admin unlocks it in the back office", async ({
    page,
    browser,
  }) => {
    await page.goto(tenantUrl("uestc", "/admin/login"));
    for (let remaining = 5; remaining >= 0; remaining--) {
      await submitCredentials(page, HELPDESK.username, `wrong-${remaining}`);
      await expect(signInError(page)).toContainText(remaining > 0 ? `还可尝试 ${remaining} 次` : LOCK_MESSAGE);
    }
    await submitCredentials(page, HELPDESK.username, HELPDESK.password);
    await expect(signInError(page)).toContainText(LOCK_MESSAGE);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, tenantUrl("uestc", "/admin/login"), ADMIN.username, ADMIN.password);
    await expect(admin).toHaveURL(tenantUrl("uestc", "/admin"));
    const row = admin.getByTestId(`admin-${HELPDESK.username}`);
    await expect(row).toContainText("锁定至");
    await row.getByRole("button", { name: "解锁" }).click();
    await expect(row).toContainText("正常");
    await adminContext.close();

    await submitCredentials(page, HELPDESK.username, HELPDESK.password);
    await expect(page).toHaveURL(tenantUrl("uestc", "/admin"));
  });
});
