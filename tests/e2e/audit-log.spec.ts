// The audit log of the back office: the IT admin's own sign-in is there in words, with the
// username and address; the filters (one GET form) narrow it and survive in the address, and a
// filter that matches nothing says so. At 1280 px, and at 375 px where the table scrolls.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeSchool, signInThroughApi, type E2eSchool } from "./factories";
import { tenantUrl } from "./hosts";

test.describe("the audit log", () => {
  let school: E2eSchool;
  test.beforeAll(async () => {
    school = await makeSchool();
  });

  for (const width of [1280, 375]) {
    test(`shows the admin's sign-in and filters by action at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
      await page.goto(tenantUrl(school.slug, "/admin/audit"));
      await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
      const signIn = page.getByTestId("audit-row").filter({ hasText: "后台登录" }).first();
      await expect(signIn).toContainText(school.admin);
      await expect(signIn).toContainText("admin.login");

      const filters = page.getByTestId("filter-form");
      await filters.getByLabel("操作", { exact: true }).fill("admin.");
      await filters.getByRole("button", { name: "筛选" }).click();
      await expect(page).toHaveURL(/action=admin\./);
      await expect(page.getByTestId("audit-action").first()).toContainText("admin.");
      for (const action of await page.getByTestId("audit-action").allTextContents()) expect(action).toContain("admin.");

      await filters.getByLabel("操作", { exact: true }).fill("helpdesk.case.resolved");
      await filters.getByRole("button", { name: "筛选" }).click();
      await expect(page.getByTestId("table-empty")).toHaveText("没有符合条件的记录。");
      await page.getByRole("link", { name: "清除筛选" }).click();
      await expect(page).toHaveURL(tenantUrl(school.slug, "/admin/audit"));
      await expect(page.getByTestId("audit-row").first()).toBeVisible();
    });
  }
});
