// A school with a service hall for the hall's integration tests: an applicant in a class, the
// class's 辅导员 (a department role), an approver group of two (so two approvers can race for one
// step), a 考生, and 「网站变更申请」 with a two-step chain.
import type { PrismaClient } from "~/generated/prisma/client";
import { tenantDb } from "~/server/db/tenant-db";
import type { ScopeActor, TenantScope } from "~/server/scope";
import { assignDepartmentRole, defineApproverGroup, publishService } from "~/server/servicehall/services";
import type { ServiceDefinition } from "~/server/servicehall/definition";
import { makeTenant, testScope, unique, type TestTenant } from "../support";

export const CLASS = "计算机学院/软件工程/2024级1班";

export const FIELDS = [
  { kind: "text", key: "site_name", labelZh: "网站名称", required: true, maxLength: 50 },
  { kind: "text", key: "domain", labelZh: "网站域名", required: true, maxLength: 100 },
  {
    kind: "choice",
    key: "change_kind",
    labelZh: "变更类型",
    required: true,
    options: [
      { value: "content", labelZh: "内容更新" },
      { value: "domain", labelZh: "域名变更" },
      { value: "close", labelZh: "网站关闭" },
    ],
  },
  { kind: "longText", key: "details", labelZh: "变更内容", required: true, maxLength: 500 },
  { kind: "date", key: "wanted_by", labelZh: "期望完成日期", required: false },
  { kind: "number", key: "pages", labelZh: "涉及页面数", required: false, integer: true, min: 1, max: 1000 },
] as const;

export type HallSchool = TestTenant & {
  applicantId: string;
  counsellorId: string;
  officeIds: [string, string];
  candidateId: string;
  serviceId: string;
  groupId: string;
  definition: ServiceDefinition;
};

async function member(prisma: PrismaClient, tenantId: string, identityKindId: string, name: string, department: string) {
  const row = await prisma.member.create({
    data: { tenantId, account: unique("M"), name, identityKindId, department },
    select: { id: true },
  });
  return row.id;
}

export async function hallSchool(prisma: PrismaClient): Promise<HallSchool> {
  const school = await makeTenant(prisma);
  const { tenantId, identityKindId } = school;
  // makeTenant's own service (a marker of the cross-tenant suite) is closed: this hall has one service.
  await prisma.service.updateMany({ where: { tenantId }, data: { active: false } });
  const candidateKind = await prisma.identityKind.create({
    data: { tenantId, code: "candidate", nameZh: "考生", nameEn: "Candidates" },
    select: { id: true },
  });
  const applicantId = await member(prisma, tenantId, identityKindId, "张三", CLASS);
  const counsellorId = await member(prisma, tenantId, identityKindId, "刘辅导员", "计算机学院");
  const officeIds: [string, string] = [
    await member(prisma, tenantId, identityKindId, "王老师", "信息化办公室"),
    await member(prisma, tenantId, identityKindId, "陈老师", "信息化办公室"),
  ];
  const candidateId = await member(prisma, tenantId, candidateKind.id, "考生甲", "2026 级考生");
  const db = tenantDb(prisma, tenantId);
  let parentId: string | null = null;
  for (const [depth, path] of ["计算机学院", "计算机学院/软件工程", CLASS].entries()) {
    const created: { id: string } = await db.department.create({
      data: { tenantId, path, name: path.split("/").pop()!, parentId, depth: depth + 1 },
      select: { id: true },
    });
    parentId = created.id;
  }
  // The 辅导员 holds the role at the 学院; the class has none, so the nearest above decides.
  await assignDepartmentRole(db, tenantId, { path: "计算机学院", role: "counsellor", memberId: counsellorId });
  const groupId = await defineApproverGroup(db, tenantId, { code: "it_office", nameZh: "信息化办公室", memberIds: officeIds });
  const definition = {
    fields: FIELDS,
    steps: [
      { nameZh: "辅导员审核", nameEn: "Counsellor", assign: { kind: "departmentRole", role: "counsellor" } },
      { nameZh: "信息化办公室审核", nameEn: "IT office", assign: { kind: "group", groupId } },
    ],
  } as unknown as ServiceDefinition;
  const { serviceId } = await publishService(db, tenantId, {
    code: "website-change",
    nameZh: "网站变更申请",
    nameEn: "Website change request",
    icon: "website",
    identityKinds: ["student_staff"],
    definition,
  });
  return { ...school, applicantId, counsellorId, officeIds, candidateId, serviceId, groupId, definition };
}

export const VALID = {
  site_name: "计算机学院官网",
  domain: "cs.example.edu.cn",
  change_kind: "content",
  details: "首页新闻栏目改版",
  wanted_by: "2026-12-31",
  pages: "3",
};

export function memberScope(prisma: PrismaClient, school: { tenantId: string }, memberId: string): Promise<TenantScope> {
  const actor: ScopeActor = { kind: "member", id: memberId, ip: "203.0.113.9" };
  return testScope(prisma, school.tenantId, { actor });
}
