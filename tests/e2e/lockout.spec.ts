import { expect, test } from "@playwright/test";
import { findMemberAsHelpdesk, MEMBER_PASSWORD, signIn, signInError, startFromCleanAccount, submitCredentials } from "./helpers";
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
