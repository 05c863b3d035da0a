// The vendor running the platform at a desk (1280 px): deleting a school behind one confirmation
// that names it, finding it among the deleted with the days left, restoring it, then the schools'
// health page (its problem in words, with where to fix it) and the platform audit log's rows.
import { expect, test } from "@playwright/test";
import { openConsoleNav } from "./console";
import { e2eDb, makeSchool, makeVendor } from "./factories";
import { signInAsVendor } from "./helpers";
import { rootUrl, tenantUrl } from "./hosts";

test.use({ viewport: { width: 1280, height: 900 } });

test("the vendor deletes a school, restores it, and reads its health and the platform audit log", async ({ page, context }) => {
  // One operator's whole round (five pages, two hosts), after a sign-in whose fresh authenticator code
  // may wait for the next 30-second step: more than the default minute on a shared machine.
  test.slow();
  const vendor = await makeVendor();
  const school = await makeSchool();
  // The unified login's last 【测试连接】 failed: the health page must say so.
  await e2eDb().identityProviderSettings.update({
    where: { tenantId: school.tenantId },
    data: { lastTestAt: new Date(), lastTestOk: false },
  });
  await signInAsVendor(page, vendor);

  // One confirmation, naming the school and what goes with it, asking for the slug.
  await page.getByTestId(`tenant-${school.slug}`).getByTestId(`school-delete-${school.slug}`).click();
  const confirmation = page.getByTestId("delete-confirmation");
  await expect(confirmation).toContainText(school.name);
  await expect(confirmation).toContainText(school.slug);
  await expect(confirmation).toContainText("2 个学校管理员账号：admin、helpdesk");
  await expect(confirmation).toContainText("统一身份认证设置");
  await expect(confirmation).toContainText("条本校审计日志");
  await page.getByTestId("confirm-slug").fill("not-this-school");
  await page.getByTestId("confirm-delete").click();
  await expect(page.getByRole("alert").filter({ hasText: "域名前缀与要删除的学校不一致" })).toBeVisible();
  await page.getByTestId("confirm-slug").fill(school.slug);
  await page.getByTestId("confirm-delete").click();

  // Back on the list: gone from the schools, among the deleted with 30 days left; its host answers as an unknown school's.
  await expect(page.getByTestId("deleted-notice")).toContainText(`已删除 ${school.slug}`);
  await expect(page.getByTestId(`tenant-${school.slug}`)).toHaveCount(0);
  const deleted = page.getByTestId(`deleted-${school.slug}`);
  await expect(deleted.getByTestId("days-left")).toHaveText("30 天后永久删除");
  const site = await context.newPage();
  expect((await site.goto(tenantUrl(school.slug)))?.status()).toBe(404);
  await expect(site.getByRole("heading", { name: "该学校尚未开通" }).first()).toBeVisible();

  await deleted.getByRole("button", { name: "恢复" }).click();
  await expect(page.getByTestId(`tenant-${school.slug}`).getByTestId("tenant-status")).toHaveText("运行中");
  await expect(page.getByTestId(`deleted-${school.slug}`)).toHaveCount(0);
  expect((await site.goto(tenantUrl(school.slug)))?.status()).toBe(200);

  // The health page names the school's problem, with the way to its unified-login settings.
  await openConsoleNav(page);
  await page.getByRole("link", { name: "健康状况" }).click();
  const health = page.getByTestId(`health-${school.slug}`);
  await expect(health).toContainText("统一身份认证上次【测试连接】失败");
  await expect(health.getByRole("link", { name: "去处理" }).first()).toHaveAttribute("href", `/vendor/schools/${school.tenantId}/identity`);

  // The platform audit log, filtered to the school: the deletion and the restore, by this operator.
  await page.goto(rootUrl(`/vendor/audit?school=${school.slug}`));
  const actions = page.getByTestId("audit-table").getByTestId("audit-action");
  await expect(actions.first()).toContainText("恢复已删除的学校");
  await expect(actions.nth(1)).toContainText("删除学校（30 天内可恢复）");
  await expect(page.getByTestId("audit-table").getByTestId("audit-school").first()).toHaveText(school.slug);
  await expect(page.getByTestId("audit-table")).toContainText(vendor.username);
  await expect(page.getByTestId("audit-export")).toHaveAttribute("href", `/vendor/audit/export?school=${school.slug}`);
});
