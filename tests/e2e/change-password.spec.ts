import { expect, test } from "@playwright/test";
import { signIn, signInError, submitCredentials } from "./helpers";
import { tenantUrl } from "./hosts";

// 2024003 Emma Wilson of xawl belongs to this spec alone: xawl's initial password
// is the last 8 characters of the ID number (passport E12345678 → 12345678).
const ACCOUNT = "2024003";
const INITIAL = "12345678";
const NEW_PASSWORD = "Emma-New-2026";

test.describe("the initial password must be changed first (xawl)", () => {
  test("a member with the initial password can only change it, is signed in again with the new one, and the old one is refused", async ({
    page,
  }) => {
    await signIn(page, tenantUrl("xawl", "/login"), ACCOUNT, INITIAL);
    // Sent to change it first, and then back to where the sign-in was going (/me).
    await expect(page).toHaveURL(tenantUrl("xawl", "/change-password?returnTo=%2Fme"));
    await expect(page.getByTestId("must-change")).toBeVisible();
    await expect(page.getByTestId("password-rules")).toContainText("同时包含字母和数字");

    // Nothing else opens meanwhile.
    await page.goto(tenantUrl("xawl", "/me"));
    await expect(page).toHaveURL(tenantUrl("xawl", "/change-password?returnTo=%2Fme"));

    // A weak password is refused with the rule it breaks.
    const form = page.getByTestId("change-password");
    await form.locator('input[name="currentPassword"]').fill(INITIAL);
    await form.locator('input[name="newPassword"]').fill("abcdefgh");
    await form.locator('input[name="confirmPassword"]').fill("abcdefgh");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form).toContainText("同时包含字母和数字");
    // What was typed stays: only the refused password is typed again.
    await expect(form.locator('input[name="currentPassword"]')).toHaveValue(INITIAL);
    await expect(form.locator('input[name="newPassword"]')).toHaveValue("abcdefgh");

    await form.locator('input[name="newPassword"]').fill(NEW_PASSWORD);
    await form.locator('input[name="confirmPassword"]').fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "修改密码" }).click();
    // Every session ended with the old password; this browser is signed in again with the new one.
    await expect(page).toHaveURL(tenantUrl("xawl", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("Emma Wilson");

    await page.context().clearCookies();
    await signIn(page, tenantUrl("xawl", "/login"), ACCOUNT, INITIAL);
    await expect(signInError(page)).toContainText("账号或密码错误");
    await submitCredentials(page, ACCOUNT, NEW_PASSWORD);
    await expect(page).toHaveURL(tenantUrl("xawl", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("Emma Wilson");
  });
});
