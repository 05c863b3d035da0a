// 内网认证地址 on the vendor console at 1280 px: the operator finds the page in the navigation, sees
// the demo's simulators on the list, adds a school's campus CAS origin and sees it listed, and
// removes it behind one confirmation.
import { expect, test } from "@playwright/test";
import { openConsoleNav } from "./console";
import { makeVendor } from "./factories";
import { signInAsVendor } from "./helpers";

test("the operator adds a private origin on the console and sees it listed, then removes it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsVendor(page, await makeVendor());
  await openConsoleNav(page);
  await page.getByTestId("console-nav").getByRole("link", { name: "内网认证地址" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("内网认证地址");
  const list = page.getByTestId("private-origins");
  // npm test lists the CAS and OIDC simulators as the demo does: they have no rule of their own.
  await expect(list.getByText("演示用模拟器")).toHaveCount(2);

  const form = page.getByTestId("add-private-origin");
  // A path is not an origin: refused, and nothing is listed.
  await form.locator('input[name="origin"]').fill("http://10.9.8.7:8080/authserver");
  await form.locator('input[name="note"]').fill("某大学统一身份认证，专线");
  await form.getByRole("button", { name: "添加" }).click();
  // The field's error (the hint under it says the same in other words).
  await expect(form.getByText(/^只填协议、主机和端口.* \/ The origin only/)).toBeVisible();
  await expect(list.getByText("http://10.9.8.7:8080")).toHaveCount(0);

  const octet = 1 + Math.floor(Math.random() * 250);
  const origin = `http://10.${octet}.${Date.now() % 250}.5:8080`;
  // The form is reset after each answer, as React resets an action's form.
  await form.locator('input[name="origin"]').fill(origin);
  await form.locator('input[name="note"]').fill("某大学统一身份认证，专线");
  await form.getByRole("button", { name: "添加" }).click();
  await expect(form.getByRole("status")).toHaveText(`已添加 ${origin}。`);
  const row = list.getByTestId(`private-origin-${origin}`);
  await expect(row).toContainText("某大学统一身份认证，专线");

  await row.getByText("移除", { exact: true }).click();
  await expect(row).toContainText(`移除 ${origin}？`);
  await row.getByRole("button", { name: "确认移除" }).click();
  await expect(list.getByTestId(`private-origin-${origin}`)).toHaveCount(0);
});
