// The console frame of the back office: on a desktop the navigation stands beside the content, on
// a 375 px phone it is folded behind 【菜单】 and opens with a tap, and it shows each account only
// the pages its role may open (the helpdesk does not see the admin accounts). A school of its own.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeSchool, signInThroughApi, type E2eSchool } from "./factories";
import { tenantUrl } from "./hosts";

test.describe("the back office's console frame", () => {
  let school: E2eSchool;
  test.beforeAll(async () => {
    school = await makeSchool();
  });

  test("at 1280 px the navigation stands beside the content, the page shown marked", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
    await page.goto(tenantUrl(school.slug, "/admin"));
    const nav = page.getByRole("navigation", { name: "控制台导航" });
    await expect(nav).toBeVisible();
    await expect(page.getByTestId("console-nav").locator("summary")).toBeHidden();
    await expect(nav.getByRole("link", { name: "概览" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("activation-funnel")).toBeVisible();
    const navBox = (await nav.boundingBox())!;
    const contentBox = (await page.getByRole("heading", { level: 1, name: "概览" }).boundingBox())!;
    expect(navBox.x + navBox.width).toBeLessThanOrEqual(contentBox.x);
    expect(contentBox.y).toBeLessThan(navBox.y + navBox.height);

    await nav.getByRole("link", { name: "成员" }).click();
    await expect(page).toHaveURL(tenantUrl(school.slug, "/admin/members"));
    await expect(nav.getByRole("link", { name: "成员" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "概览" })).not.toHaveAttribute("aria-current", "page");
  });

  test("at 375 px the navigation is folded and opens with a tap", async ({ page }) => {
    await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
    await page.goto(tenantUrl(school.slug, "/admin"));
    const nav = page.getByRole("navigation", { name: "控制台导航" });
    await expect(page.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
    await expect(nav).toBeHidden();
    await page.getByTestId("console-nav").getByText("菜单").click();
    await expect(nav).toBeVisible();
    await expect(page.getByTestId("console-who")).toContainText("信息中心");
    await nav.getByRole("link", { name: "后台账号" }).click();
    await expect(page).toHaveURL(tenantUrl(school.slug, "/admin/accounts"));
    await expect(page.getByTestId(`admin-${school.helpdesk}`)).toContainText("运维老师");
  });

  test("the helpdesk does not see the admin-only entries, and the admin does", async ({ browser }) => {
    for (const [account, sees] of [
      [school.helpdesk, false],
      [school.admin, true],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signInThroughApi(page, school.slug, "tenant-admin", account, FACTORY_PASSWORD);
      await page.goto(tenantUrl(school.slug, "/admin"));
      const nav = page.getByRole("navigation", { name: "控制台导航" });
      await expect(nav.getByRole("link", { name: "运维工单" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "后台账号" })).toHaveCount(sees ? 1 : 0);
      await expect(nav.getByRole("link", { name: "统一身份认证" })).toHaveCount(sees ? 1 : 0);
      await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(sees ? 1 : 0);
      await context.close();
    }
  });

  test("the funnel narrows to a department, and each step opens the list of its members", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
    await page.goto(tenantUrl(school.slug, "/admin"));
    const funnel = page.getByTestId("activation-funnel");
    await page.getByTestId("filter-form").getByLabel("院系/部门").fill("没有这个学院/");
    await page.getByTestId("filter-form").getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/department=/);
    await expect(funnel.getByTestId("activation-funnel-imported")).toContainText("0");
    await expect(funnel.getByRole("link", { name: "已激活（已通过二次验证）" })).toHaveAttribute("href", /state=verified/);
    await funnel.getByRole("link", { name: "已关注", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/members\?department=.*&state=followed/);
    await expect(page.getByTestId("table-empty")).toBeVisible();
  });
});
