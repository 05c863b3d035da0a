// The roster import as a school's IT office uses it, at 1280 px: a file with bad rows is previewed
// and the report names each problem on its row; the clean file is imported, its progress reaches
// the end, and the members are in the directory. A school of its own.
import { expect, test } from "@playwright/test";
import { residentId, xlsxFile } from "../fixtures/roster/build";
import { FACTORY_PASSWORD, makeSchool, uniqueName, type E2eSchool } from "./factories";
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

    const upload = async (name: string, rows: (string | number)[][]) => {
      const buffer = Buffer.from(await xlsxFile([["2024级名单"], header, ...rows]));
      await page.getByTestId("roster-file").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
      await page.getByRole("button", { name: "上传并预览" }).click();
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
});
