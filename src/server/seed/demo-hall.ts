// The demo service hall of `xawl` (XAU manual part 2, 使用说明): 「网站变更申请」 with a two-step
// chain — the applicant's 辅导员 (刘老师, T1002, a role in 计算机科学与技术学院), then the
// 信息化办公室 (王老师, T1001, an approver group). Idempotent like the rest of the seed: a service,
// group or role that exists is left as the school's admins made it.
import type { TenantDb } from "~/server/db/tenant-db";
import { assignDepartmentRole, defineApproverGroup, publishService } from "~/server/servicehall/services";

export const DEMO_HALL_SERVICE = "website-change";

/** The form of 「网站变更申请」 as the manual's screens show it. */
const WEBSITE_CHANGE_FIELDS = [
  { kind: "text", key: "department", labelZh: "申请部门", labelEn: "Department", required: true, maxLength: 60 },
  { kind: "text", key: "site_name", labelZh: "网站名称", labelEn: "Website name", required: true, maxLength: 60 },
  {
    kind: "text",
    key: "domain",
    labelZh: "网站域名",
    labelEn: "Domain",
    helpZh: "如 cs.xawl.edu.cn",
    helpEn: "e.g. cs.xawl.edu.cn",
    required: true,
    maxLength: 100,
  },
  {
    kind: "choice",
    key: "change_kind",
    labelZh: "变更类型",
    labelEn: "Kind of change",
    required: true,
    options: [
      { value: "content", labelZh: "内容更新", labelEn: "Content update" },
      { value: "columns", labelZh: "栏目调整", labelEn: "Sections" },
      { value: "domain", labelZh: "域名变更", labelEn: "Domain change" },
      { value: "close", labelZh: "网站关停", labelEn: "Shut down" },
    ],
  },
  { kind: "longText", key: "details", labelZh: "变更内容", labelEn: "What changes", required: true, maxLength: 1000 },
  { kind: "date", key: "wanted_by", labelZh: "期望完成日期", labelEn: "Wanted by", required: false },
  { kind: "text", key: "contact_phone", labelZh: "联系电话", labelEn: "Contact phone", required: true, maxLength: 20 },
];

export async function seedDemoHall(db: TenantDb, tenantId: string): Promise<void> {
  if (await db.service.findUnique({ where: { tenantId_code: { tenantId, code: DEMO_HALL_SERVICE } }, select: { id: true } })) return;
  const staff = await db.member.findMany({ where: { account: { in: ["T1001", "T1002"] } }, select: { id: true, account: true } });
  const office = staff.find((m) => m.account === "T1001");
  const counsellor = staff.find((m) => m.account === "T1002");
  if (!office || !counsellor) throw new Error("The demo hall needs T1001 and T1002 in the directory.");
  await assignDepartmentRole(db, tenantId, { path: "计算机科学与技术学院", role: "counsellor", memberId: counsellor.id });
  const groupId = await defineApproverGroup(db, tenantId, {
    code: "it_office",
    nameZh: "信息化办公室",
    nameEn: "IT office",
    memberIds: [office.id],
  });
  await publishService(db, tenantId, {
    code: DEMO_HALL_SERVICE,
    nameZh: "网站变更申请",
    nameEn: "Website change request",
    descriptionZh: "学院、部门网站的内容、栏目、域名变更或关停，经辅导员（部门）和信息化办公室审核。",
    descriptionEn:
      "Changes to a school or office website (content, sections, domain, shutdown), approved by the counsellor and the IT office.",
    icon: "website",
    identityKinds: ["student_staff"],
    definition: {
      fields: WEBSITE_CHANGE_FIELDS,
      steps: [
        { nameZh: "辅导员审核", nameEn: "Counsellor", assign: { kind: "departmentRole", role: "counsellor" } },
        { nameZh: "信息化办公室审核", nameEn: "IT office", assign: { kind: "group", groupId } },
      ],
    },
  });
}
