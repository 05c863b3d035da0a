// The back office's member table shows each member's WeCom state as WeCom last
// said it, with when: the demo school is wired to the simulator as `npm start`
// wires it (today's WeCom: restricted contact callback, the assistant app's
// callback pointing at the product).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInThroughApi } from "./factories";
import { ADMIN } from "./helpers";
import { tenantUrl } from "./hosts";

const simUrl = process.env.E2E_WECOM_SIM_URL ?? "";

async function textAfterReload(page: Page, cell: Locator): Promise<string> {
  await page.reload();
  return cell.innerText();
}

test.describe("WeCom state in the member table", () => {
  test("shows 未激活 after the sync, 尚未同步 for a member WeCom cannot hold yet, and 已激活 once the member follows", async ({ page }) => {
    await signInThroughApi(page, "sues", "tenant-admin", ADMIN.username, ADMIN.password);
    await page.goto(tenantUrl("sues", "/admin/members"));
    await expect(page.getByRole("columnheader", { name: "企业微信" })).toBeVisible();

    // 张三 reached WeCom through the start's sync jobs; the sync read his state with the app's token.
    const zhang = page.getByTestId("wecom-2024001");
    await expect.poll(() => textAfterReload(page, zhang), { timeout: 30_000 }).toContain("未激活");
    await expect(zhang).toContainText("截至");
    // 李四 has neither phone nor email: WeCom cannot hold him until he has one.
    await expect(page.getByTestId("wecom-2024002")).toContainText("尚未同步");

    // 张三 follows with the WeChat of his phone: the assistant app's subscribe reaches the product.
    const created = await fetch(`${simUrl}/__sim/wechat-users`, {
      method: "POST",
      body: JSON.stringify({ name: "张三的微信", phone: "13800000001" }),
    });
    expect(created.status).toBe(200);
    const wechat = (await created.json()) as { id: string };
    const followed = await fetch(`${simUrl}/__sim/wechat-users/${wechat.id}/follow`, {
      method: "POST",
      body: JSON.stringify({ corpid: "wwcampussues" }),
    });
    expect(followed.status).toBe(200);
    await expect.poll(() => textAfterReload(page, zhang), { timeout: 30_000 }).toContain("已激活");
    await expect(zhang).not.toContainText("企业微信中的手机号尚未更新");
  });
});
