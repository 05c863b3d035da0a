// The school's IT office and its WeCom connection: the demo schools are wired
// to a WeCom simulator, as `npm start` wires them.
import { expect, test, type Page } from "@playwright/test";
import { signInThroughApi } from "./factories";
import { openConsoleNav } from "./console";
import { ADMIN, HELPDESK } from "./helpers";
import { tenantUrl } from "./hosts";

const simUrl = process.env.E2E_WECOM_SIM_URL ?? "";

async function openWecomSettings(page: Page, slug: string, account: { username: string; password: string }) {
  // The sign-in is not what these tests are about: through the auth endpoint.
  await signInThroughApi(page, slug, "tenant-admin", account.username, account.password);
  await page.goto(tenantUrl(slug, "/admin"));
  await openConsoleNav(page);
  await page.getByRole("link", { name: /企业微信连接与同步/ }).click();
  await expect(page).toHaveURL(/\/admin\/wecom$/);
}

test.describe("WeCom connection in the back office", () => {
  test("the IT office tests the school's connection and finds the directory synced to WeCom", async ({ page }) => {
    await openWecomSettings(page, "ucas", ADMIN);
    await expect(page.locator('input[name="corpId"]')).toHaveValue("wwcampusucas");
    // The API address is a choice between the platform's: the real WeCom and the operator's simulator.
    await expect(page.locator('select[name="apiBaseUrl"] option')).toHaveCount(2);
    await expect(page.locator('select[name="apiBaseUrl"]')).toHaveValue(simUrl);
    await page.getByRole("button", { name: "测试连接" }).click();
    await expect(page.getByRole("status")).toContainText("连接成功");
    // Every check of the diagnosis passed: settings, secrets, the app, its visible range, contact sync's access and permission.
    await expect(page.getByTestId("wecom-diagnosis").locator('[data-status="passed"]')).toHaveCount(7);
    await expect(page.getByTestId("wecom-callback")).toContainText("/api/wecom/callback/ucas");

    // The demo's members reach the simulated WeCom directory through the sync jobs.
    await expect
      .poll(
        async () => {
          const directory = (await (await fetch(`${simUrl}/__sim/corps/wwcampusucas/directory`)).json()) as { members: { name: string }[] };
          return directory.members.map((m) => m.name);
        },
        { timeout: 30_000 },
      )
      .toContain("张三");
    await expect
      .poll(async () => (await page.reload(), await page.getByText("没有待处理或失败的同步任务。").count()), { timeout: 30_000 })
      .toBe(1);
  });

  test("a wrong secret is reported in the admin's words", async ({ page }) => {
    await openWecomSettings(page, "xawl", ADMIN);
    await page.locator('input[name="appSecret"]').fill("not-the-right-secret");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status").first()).toContainText("已保存");
    await page.getByRole("button", { name: "测试连接" }).click();
    // (Next's route announcer is an empty alert too: pick the form's by its text.)
    await expect(page.getByRole("alert").filter({ hasText: "Secret 无效" })).toBeVisible();
  });

  test("an IT admin whose corp does not trust the platform's IPs is told which IPs to add, and where", async ({ page }) => {
    // The demo school's corp as a newly set-up corp is: its admin has not added any 企业可信IP yet.
    const corp = "wwcampusdemo";
    const trust = async (ips: string[]) => {
      for (const [path, body] of [
        [`corps/${corp}/apps/1000003`, { trustedIps: ips }],
        [`corps/${corp}`, { contactTrustedIps: ips }],
      ] as const) {
        const response = await fetch(`${simUrl}/__sim/${path}`, { method: "PATCH", body: JSON.stringify(body) });
        expect(response.status).toBe(200);
      }
    };
    await trust([]);
    try {
      await openWecomSettings(page, "demo", ADMIN);
      await page.getByRole("button", { name: "测试连接" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "60020" })).toBeVisible();
      const checklist = page.getByTestId("wecom-diagnosis");
      await expect(checklist.locator('[data-check="appSecret"]')).toHaveAttribute("data-status", "passed");
      const app = checklist.locator('[data-check="app"]');
      await expect(app).toHaveAttribute("data-status", "failed");
      await expect(app).toContainText("未通过");
      // The platform's egress IPs (npm test configures loopback, what its simulator sees), and the IP WeCom saw.
      await expect(app).toContainText("添加本平台的出口 IP：127.0.0.1; ::1");
      await expect(app).toContainText("企业微信看到的来源 IP 为 127.0.0.1");
      await expect(app).toContainText("可信域名");
      await expect(app).toContainText("约 1 分钟");
      await expect(checklist.locator('[data-check="contactAccess"]')).toContainText("管理工具 → 通讯录同步 的“企业可信IP”");
      await expect(checklist.locator('[data-check="visibleRange"]')).toContainText("未检查");
    } finally {
      await trust(["127.0.0.1", "::1"]);
    }
  });

  test("the helpdesk sees the connection but not the callback keys, and may not change it", async ({ page }) => {
    await openWecomSettings(page, "imut", HELPDESK);
    await expect(page.getByText("仅信息化办公室管理员可见")).toBeVisible();
    await expect(page.getByTestId("wecom-callback")).toHaveCount(0);
    // Each test may send WeCom a gettoken: the IT office's, not the helpdesk's.
    await expect(page.getByRole("button", { name: "测试连接" })).toBeDisabled();
    await expect(page.getByText("仅信息化办公室管理员可以测试连接。")).toBeVisible();
    await page.locator('input[name="corpId"]').fill("wwchanged");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("alert").first()).toContainText("没有权限");
    await page.reload();
    await expect(page.locator('input[name="corpId"]')).toHaveValue("wwcampusimut");
  });
});
