// The roster import as a school's IT office uses it, at 1280 px: a file with bad rows is previewed
// and the report names each problem on its row; the clean file is imported, its progress reaches
// the end, and the members are in the directory. A school of its own. At 375 px: the members the
// file does not name are listed, and deleted only by the separate step once its confirmation is
// accepted.
import { expect, test } from "@playwright/test";
import { residentId, xlsxFile } from "../fixtures/roster/build";
import { FACTORY_PASSWORD, makeMember, makeSchool, uniqueName, type E2eSchool } from "./factories";
import { signInThroughApi } from "./factories";
import { tenantUrl } from "./hosts";

test.describe("the roster import", () => {
  let school: E2eSchool;
  test.beforeAll(async () => {
    school = await makeSchool();
  });

  test("reports each bad row, then imports the clean file to the end and the members appear", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const tag = uniqueName("").slice(0, 6).toUpperCase();
    const id = residentId("11010119900307701");
    const clean: (string | number)[][] = [
      [`R${tag}01`, "导入甲", "在校师生", "计算机学院/软件工程/2024级1班", "13700000001", id],
      [`R${tag}02`, "导入乙", "在校师生", "计算机学院/软件工程/2024级2班", "13700000002", ""],
    ];
    const bad: (string | number)[][] = [
      [`R${tag}03`, "手机错", "在校师生", "", "1370000000", ""],
      [`R${tag}04`, "身份错", "研究生", "", "", ""],
      [`R${tag}05`, "证件错", "在校师生", "", "", 110101199003077000],
      [`R${tag}01`, "重复号", "在校师生", "", "", ""],
    ];
    const header = ["学号", "姓名", "身份类型", "院系/部门", "手机号", "证件号码"];
    await signInThroughApi(page, school.slug, "tenant-admin", school.admin, FACTORY_PASSWORD);
    await page.goto(tenantUrl(school.slug, "/admin"));
    await page.getByRole("navigation", { name: "控制台导航" }).getByRole("link", { name: "导入名单" }).click();
    await page.waitForURL(/\/admin\/import$/);

    // Each step waits for the page it leads to, so a failure names the step that did not happen.
    const upload = async (name: string, rows: (string | number)[][]) => {
      const buffer = Buffer.from(await xlsxFile([["2024级名单"], header, ...rows]));
      const file = page.getByTestId("roster-file");
      await file.setInputFiles({ name, mimeType: "application/octet-stream", buffer });
      expect(await file.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe(name);
      await page.getByRole("button", { name: "上传并预览" }).click();
      await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId("import-report")).toBeVisible();
    };

    await upload("有误的名单.xlsx", [...clean, ...bad]);
    await expect(page.getByTestId("count-refused")).toContainText("5");
    await expect(page.getByTestId("report-row-5")).toContainText("手机号「1370000000」格式不对");
    await expect(page.getByTestId("report-row-6")).toContainText("身份类型「研究生」不存在");
    await expect(page.getByTestId("report-row-7")).toContainText("被 Excel 存成了数字");
    await expect(page.getByTestId("report-row-8")).toContainText("学工号在文件中重复（另见第 3 行）");
    await expect(page.getByTestId("report-row-3")).toContainText("学工号在文件中重复（另见第 8 行）");

    await page.goto(tenantUrl(school.slug, "/admin/import"));
    await upload("名单.xlsx", clean);
    await expect(page.getByTestId("count-create")).toContainText("2");
    await expect(page.getByTestId("count-refused")).toContainText("0");
    await page.getByTestId("confirm-import").click();
    // The page reloads itself while the job runs; the bar is read from the import's row.
    await expect(page.getByTestId("import-done")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("import-done")).toContainText("新增 2 人");

    await page.getByTestId("import-done").getByRole("link", { name: "查看成员" }).click();
    const table = page.getByTestId("member-table");
    await expect(table).toContainText(`R${tag}01`);
    await expect(table).toContainText("导入乙");
    await expect(table).toContainText("计算机学院/软件工程/2024级2班");
  });

  test("deletes the members missing from the file only in the separate step, once confirmed", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const own = await makeSchool();
    const leaving = [await makeMember(own, { name: "离校甲" }), await makeMember(own, { name: "离校乙" })];
    const tag = uniqueName("").slice(0, 6).toUpperCase();
    await signInThroughApi(page, own.slug, "tenant-admin", own.admin, FACTORY_PASSWORD);
    await page.goto(tenantUrl(own.slug, "/admin/import"));
    const buffer = Buffer.from(
      await xlsxFile([
        ["学号", "姓名", "身份类型", "院系/部门"],
        [`N${tag}01`, "新生丙", "在校师生", "物理学院/2025级1班"],
      ]),
    );
    await page.getByTestId("roster-file").setInputFiles({ name: "新生.xlsx", mimeType: "application/octet-stream", buffer });
    await page.getByRole("button", { name: "上传并预览" }).click();
    await page.getByTestId("confirm-import").click();
    await expect(page.getByTestId("import-done")).toBeVisible({ timeout: 60_000 });

    // The import lists them and deletes no one.
    const missing = page.getByTestId("missing-members");
    for (const m of leaving) await expect(missing).toContainText(m.account);
    await missing.getByTestId("delete-missing").click();
    const confirmation = page.getByTestId("delete-missing-confirmation");
    await expect(confirmation).toContainText("确认删除 2 名成员？");
    for (const m of leaving) await expect(confirmation).toContainText(m.name);
    await confirmation.getByRole("link", { name: "取消" }).click();
    await expect(page.getByTestId("delete-missing-confirmation")).toHaveCount(0);
    await page.goto(tenantUrl(own.slug, "/admin/members"));
    await expect(page.getByTestId("member-table")).toContainText(leaving[0]!.account);

    await page.goBack();
    await page.getByTestId("delete-missing").click();
    await page.getByTestId("delete-missing-confirm").click();
    await expect(page.getByTestId("deleted-missing")).toContainText("已删除 2 名");
    await expect(page.getByTestId("delete-missing")).toHaveCount(0);
    await page.goto(tenantUrl(own.slug, "/admin/members"));
    const table = page.getByTestId("member-table");
    await expect(table).toContainText(`N${tag}01`);
    for (const m of leaving) await expect(table).not.toContainText(m.account);
  });
});
