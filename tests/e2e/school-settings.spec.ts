// 学校设置 in the back office: the lockout rule saved and kept after a reload, an impossible value
// refused on its field with nothing changed, and the foreign-phone rule with its country codes; at
// 375 px the code rules and the identity kinds with their apps.
import { expect, test } from "@playwright/test";
import { FACTORY_PASSWORD, makeMember, makeSchool, signInThroughApi } from "./factories";
import { tenantUrl } from "./hosts";

test("the IT admin changes the school's lockout and phone rules", async ({ page }) => {
  const school = await makeSchool();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
  await page.goto(tenantUrl(school.slug, "/admin/settings"));
  await expect(page.getByRole("heading", { level: 1, name: "学校设置" })).toBeVisible();

  const lockout = page.getByTestId("settings-lockout");
  await lockout.locator('input[name="maxAttempts"]').fill("0");
  await lockout.getByRole("button", { name: "保存" }).click();
  await expect(lockout.getByRole("alert")).toBeVisible();
  await page.reload();
  await expect(lockout.locator('input[name="maxAttempts"]')).not.toHaveValue("0");

  await lockout.locator('input[name="maxAttempts"]').fill("3");
  await lockout.locator('input[name="lockMinutes"]').fill("10");
  await lockout.getByRole("button", { name: "保存" }).click();
  await expect(lockout.getByRole("status")).toHaveText("已保存。");

  const phone = page.getByTestId("settings-phone");
  await phone.locator('select[name="allowForeign"]').selectOption("1");
  await phone.locator('input[name="allowedCountryCodes"]').fill("853，852");
  await phone.getByRole("button", { name: "保存" }).click();
  await expect(phone.getByRole("status")).toHaveText("已保存。");

  await page.reload();
  await expect(lockout.locator('input[name="maxAttempts"]')).toHaveValue("3");
  await expect(lockout.locator('input[name="lockMinutes"]')).toHaveValue("10");
  await expect(phone.locator('select[name="allowForeign"]')).toHaveValue("1");
  await expect(phone.locator('input[name="allowedCountryCodes"]')).toHaveValue("852, 853");
});

test("at 375 px the IT admin adds an identity kind with its apps, sets the code rules, and cannot delete a kind members hold", async ({
  page,
}) => {
  const school = await makeSchool();
  await makeMember(school);
  await page.setViewportSize({ width: 375, height: 800 });
  await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
  await page.goto(tenantUrl(school.slug, "/admin/settings"));

  const codes = page.getByTestId("settings-codes");
  await codes.locator('input[name="ttlSeconds"]').fill("90");
  await codes.getByRole("button", { name: "保存" }).click();
  await expect(codes.getByRole("alert")).toBeVisible();
  await codes.locator('input[name="ttlSeconds"]').fill("600");
  await codes.locator('input[name="dailyCapPerAddress"]').fill("6000");
  await codes.getByRole("button", { name: "保存" }).click();
  await expect(codes.getByRole("status")).toHaveText("已保存。");

  const add = page.getByTestId("settings-kind-new");
  await add.locator('input[name="code"]').fill("candidate");
  await add.locator('input[name="nameZh"]').fill("考生");
  await add.locator('input[name="nameEn"]').fill("Exam candidates");
  await add.locator('input[name="apps"]').fill("消息中心，招生服务");
  await add.getByRole("button", { name: "保存" }).click();
  await expect(add.getByRole("status")).toHaveText("已保存。");

  await page.reload();
  await expect(codes.locator('input[name="ttlSeconds"]')).toHaveValue("600");
  await expect(codes.locator('input[name="dailyCapPerAddress"]')).toHaveValue("6000");
  const candidate = page.getByTestId("settings-kind-candidate");
  await expect(candidate.locator('input[name="apps"]')).toHaveValue("消息中心, 招生服务");
  // The school's home lists the new kind among those who may join.
  const home = await page.context().newPage();
  await home.goto(tenantUrl(school.slug, "/"));
  await expect(home.getByRole("link", { name: "考生", exact: true })).toHaveAttribute("href", /kind=candidate/);
  await home.close();

  // A member holds 在校师生: its deletion is refused, saying how many.
  const held = page.getByTestId("settings-kind-student_staff");
  await held.getByRole("checkbox").check();
  await held.getByRole("button", { name: "删除" }).click();
  await expect(held.getByRole("alert")).toContainText("还有 1 位成员属于这个身份类型");
  await candidate.getByRole("checkbox").check();
  await candidate.getByRole("button", { name: "删除" }).click();
  await expect(page.getByTestId("settings-kind-candidate")).toHaveCount(0);
});
