// 一站式网上办事大厅 (issue 19; XAU manual part 2) at 375 px in WeChat's browser with the page's
// scripts blocked: 「网站变更申请」 as xawl ships it (seed/demo-hall.ts, in a school of this test's
// own so its lists and counts are this test's alone) is submitted by a student, approved by the
// 辅导员 and then by the 信息化办公室; after each step the applicant's 发出的事项 and each approver's
// 收到的事项 (待办/已办 and their counts) say where it stands.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { tenantDb } from "../../src/server/db/tenant-db";
import { seedDemoHall } from "../../src/server/seed/demo-hall";
import { e2eDb, FACTORY_PASSWORD, makeSchool, signInThroughApi, type E2eSchool } from "./factories";
import { tenantUrl } from "./hosts";
import { WECHAT_USER_AGENT } from "./journey-kit";
import { hashPassword } from "../../src/server/auth/passwords";

test.use({ userAgent: WECHAT_USER_AGENT });

const COLLEGE = "计算机科学与技术学院";

/** A school of this test with xawl's hall: 张三 of the 学院, its 辅导员 刘老师 (T1002), 王老师 (T1001) of the office. */
async function hallSchool(): Promise<{ school: E2eSchool; student: string; counsellor: string; office: string }> {
  const school = await makeSchool();
  const db = e2eDb();
  const passwordHash = await hashPassword(FACTORY_PASSWORD);
  const people = [
    { account: "2024001", name: "张三", department: COLLEGE },
    { account: "T1002", name: "刘老师", department: COLLEGE },
    { account: "T1001", name: "王老师", department: "信息化办公室" },
  ];
  for (const p of people) {
    await db.member.create({ data: { tenantId: school.tenantId, identityKindId: school.identityKindId, passwordHash, ...p } });
  }
  await db.department.createMany({
    data: [COLLEGE, "信息化办公室"].map((path) => ({ tenantId: school.tenantId, path, name: path, depth: 1 })),
  });
  await seedDemoHall(tenantDb(db, school.tenantId), school.tenantId);
  return { school, student: "2024001", counsellor: "T1002", office: "T1001" };
}

/** A page of WeChat's browser with scripts blocked, signed in as `account`. */
async function noScriptPage(browser: Browser, slug: string, account: string): Promise<Page> {
  const signIn = await browser.newContext({ userAgent: WECHAT_USER_AGENT });
  const scripted = await signIn.newPage();
  await signInThroughApi(scripted, slug, "member", account, FACTORY_PASSWORD);
  const blocked = await browser.newContext({
    userAgent: WECHAT_USER_AGENT,
    javaScriptEnabled: false,
    viewport: { width: 375, height: 740 },
  });
  await blocked.addCookies(await signIn.cookies());
  await signIn.close();
  return blocked.newPage();
}

async function expectCounts(page: Page, slug: string, todo: number, done: number) {
  await page.goto(tenantUrl(slug, "/hall/received"));
  await expect(page.getByTestId("hall-count-todo")).toHaveText(String(todo));
  await expect(page.getByTestId("hall-count-done")).toHaveText(String(done));
}

test("「网站变更申请」: submitted, approved by the 辅导员 then the office; lists and counts follow each step", async ({ browser }) => {
  test.slow();
  const { school, student, counsellor, office } = await hallSchool();
  const slug = school.slug;
  const [applicant, liu, wang] = [
    await noScriptPage(browser, slug, student),
    await noScriptPage(browser, slug, counsellor),
    await noScriptPage(browser, slug, office),
  ];

  // 个人中心 leads to the hall's home: 我的服务 lists the service; its form, submitted.
  await applicant.goto(tenantUrl(slug, "/me"));
  await applicant.getByTestId("hall-link").click();
  await expect(applicant).toHaveURL(tenantUrl(slug, "/hall"));
  await expect(applicant.getByTestId("hall-banner")).toContainText("要办事，到大厅");
  await applicant.getByTestId("hall-service").filter({ hasText: "网站变更申请" }).click();
  await expect(applicant.getByTestId("hall-form")).toBeVisible();
  await applicant.getByTestId("hall-field-department").fill(COLLEGE);
  await applicant.getByTestId("hall-field-site_name").fill("计算机学院官网");
  await applicant.getByTestId("hall-field-domain").fill("cs.xawl.edu.cn");
  await applicant.getByTestId("hall-field-change_kind").selectOption("columns");
  await applicant.getByTestId("hall-field-details").fill("新增「学生工作」栏目");
  await applicant.getByTestId("hall-field-contact_phone").fill("029-88888888");
  await applicant.getByTestId("hall-submit").click();
  await expect(applicant.getByTestId("hall-done")).toContainText("已提交");
  await expect(applicant.getByTestId("hall-step")).toContainText("第 1/2 步：辅导员审核");
  await applicant.goto(tenantUrl(slug, "/hall/sent"));
  await expect(applicant.getByTestId("hall-row")).toHaveCount(1);
  await expect(applicant.getByTestId("hall-state")).toHaveText("审批中");

  // Step 1: the 辅导员 has it in 待办; the office has nothing yet.
  await expectCounts(wang, slug, 0, 0);
  await expectCounts(liu, slug, 1, 0);
  await liu.getByTestId("hall-todo").getByTestId("hall-row").click();
  await expect(liu.getByTestId("hall-values")).toContainText("cs.xawl.edu.cn");
  await liu.getByTestId("hall-comment").fill("同意，请信息化办公室审核");
  await liu.getByTestId("hall-approve").click();
  await expect(liu.getByTestId("hall-done")).toContainText("已处理");
  await expectCounts(liu, slug, 0, 1);

  // Step 2: the office approves; the application is 已通过 for its applicant, with its history.
  await applicant.goto(tenantUrl(slug, "/hall/sent"));
  await applicant.getByTestId("hall-row").click();
  await expect(applicant.getByTestId("hall-step")).toContainText("第 2/2 步：信息化办公室审核");
  await expect(applicant.getByTestId("hall-withdraw")).toHaveCount(0);
  await expectCounts(wang, slug, 1, 0);
  await wang.getByTestId("hall-todo").getByTestId("hall-row").click();
  await wang.getByTestId("hall-approve").click();
  await expectCounts(wang, slug, 0, 1);
  await expectCounts(liu, slug, 0, 1);

  await applicant.goto(tenantUrl(slug, "/hall/sent"));
  await expect(applicant.getByTestId("hall-state")).toHaveText("已通过");
  await applicant.getByTestId("hall-row").click();
  await expect(applicant.getByTestId("hall-event")).toHaveCount(3);
  await expect(applicant.getByTestId("hall-history")).toContainText("同意，请信息化办公室审核");
  await expect(applicant.getByTestId("hall-history")).toContainText("王老师");
});
