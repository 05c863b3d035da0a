// The service hall's domain (issue 19): who may apply, each transition of an application (submit,
// approve through both steps, reject, return and resubmit, withdraw), a form that does not pass
// kept as a draft, two approvers deciding one step at the same moment (only one wins), a version in
// use that never changes, another school's member out of reach, and the WeCom notices queued in
// the change's own transaction.
import { afterAll, describe, expect, it } from "vitest";
import { tenantDb } from "~/server/db/tenant-db";
import { saveDraft, submitApplication, withdrawApplication } from "~/server/servicehall/applications";
import { decideApplication } from "~/server/servicehall/decide";
import { applicationView, hallHome, receivedApplications, sentApplications, serviceForm } from "~/server/servicehall/queries";
import { publishService } from "~/server/servicehall/services";
import { refusal } from "../codes/codes-kit";
import { testPrisma } from "../support";
import { FIELDS, hallSchool, memberScope, VALID, type HallSchool } from "./hall-kit";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const as = (school: HallSchool, memberId: string) => memberScope(prisma, school, memberId);

async function submitted(school: HallSchool, values: Record<string, unknown> = VALID) {
  const outcome = await submitApplication(await as(school, school.applicantId), { serviceId: school.serviceId, values });
  expect(outcome.ok).toBe(true);
  return outcome.applicationId;
}

const versionOf = async (id: string) => (await prisma.application.findUniqueOrThrow({ where: { id } })).version;
const decide = async (school: HallSchool, memberId: string, id: string, decision: "approve" | "reject" | "return", comment = "") =>
  decideApplication(await as(school, memberId), { applicationId: id, version: await versionOf(id), decision, comment });
const inbox = async (school: HallSchool, memberId: string) => receivedApplications(await as(school, memberId));

describe("我的服务: who may apply", () => {
  it("lists the service for a student and none for a 考生, who is told it is their identity; a 考生's application is refused", async () => {
    const school = await hallSchool(prisma);
    const student = await hallHome(await as(school, school.applicantId));
    expect(student.services.map((s) => s.nameZh)).toEqual(["网站变更申请"]);
    expect(student.empty).toBeNull();

    const candidate = await as(school, school.candidateId);
    expect(await hallHome(candidate)).toMatchObject({ services: [], empty: "kind", kind: { nameZh: "考生" } });
    expect((await refusal(serviceForm(candidate, school.serviceId))).code).toBe("HALL_NOT_ELIGIBLE");
    expect((await refusal(submitApplication(candidate, { serviceId: school.serviceId, values: VALID }))).code).toBe("HALL_NOT_ELIGIBLE");
    expect(await prisma.application.count({ where: { tenantId: school.tenantId, applicantId: school.candidateId } })).toBe(0);
  });

  it("admits only the departments a service names (and those below them), and hides an inactive service", async () => {
    const school = await hallSchool(prisma);
    const db = tenantDb(prisma, school.tenantId);
    const base = { nameZh: "网站变更申请", identityKinds: ["student_staff"], definition: school.definition };
    await publishService(db, school.tenantId, { ...base, code: "website-change", departmentPrefixes: ["计算机学院/软件工程"] });
    expect((await hallHome(await as(school, school.applicantId))).services).toHaveLength(1);
    // 王老师 (信息化办公室) is outside: the list is empty, and why is "none open to you", not the identity.
    expect(await hallHome(await as(school, school.officeIds[0]))).toMatchObject({ services: [], empty: "none", open: true });
    await publishService(db, school.tenantId, { ...base, code: "website-change", active: false });
    // No service open at all: 个人中心 offers no hall.
    expect(await hallHome(await as(school, school.applicantId))).toMatchObject({ services: [], open: false });
    expect((await refusal(submitted(school))).code).toBe("HALL_SERVICE_NOT_FOUND");
  });
});

describe("an application through its chain", () => {
  it("goes to the nearest 辅导员, then to the office group, and is APPROVED; lists, counts, history and audit follow", async () => {
    const school = await hallSchool(prisma);
    const id = await submitted(school);

    // Step 1: the 学院's 辅导员 (the class has no 辅导员 of its own); the office sees nothing yet.
    expect((await inbox(school, school.counsellorId)).counts).toEqual({ todo: 1, done: 0 });
    expect((await inbox(school, school.officeIds[0])).counts).toEqual({ todo: 0, done: 0 });
    const sent = await sentApplications(await as(school, school.applicantId));
    expect(sent).toMatchObject([{ id, state: "SUBMITTED", step: 0, stepNameZh: "辅导员审核", serviceNameZh: "网站变更申请" }]);
    const first = await applicationView(await as(school, school.counsellorId), id);
    expect(first).toMatchObject({
      viewer: "approver",
      may: { decide: true, withdraw: false },
      values: { pages: 3, change_kind: "content" },
    });

    await expect(decide(school, school.counsellorId, id, "approve", "同意")).resolves.toEqual({ state: "SUBMITTED", step: 1 });
    expect((await inbox(school, school.counsellorId)).counts).toEqual({ todo: 0, done: 1 });
    for (const office of school.officeIds) expect((await inbox(school, office)).counts).toEqual({ todo: 1, done: 0 });

    await expect(decide(school, school.officeIds[1], id, "approve")).resolves.toEqual({ state: "APPROVED", step: 1 });
    // The step is decided: it leaves both office members' 待办; only the one who decided has it in 已办.
    expect((await inbox(school, school.officeIds[0])).counts).toEqual({ todo: 0, done: 0 });
    expect((await inbox(school, school.officeIds[1])).counts).toEqual({ todo: 0, done: 1 });

    const view = await applicationView(await as(school, school.applicantId), id);
    expect(view).toMatchObject({ state: "APPROVED", viewer: "applicant", may: { withdraw: false, edit: false, decide: false } });
    expect(view.events.map((e) => [e.kind, e.step, e.actorName, e.comment])).toEqual([
      ["SUBMITTED", 0, "张三", ""],
      ["APPROVED", 0, "刘辅导员", "同意"],
      ["APPROVED", 1, "陈老师", ""],
    ]);
    const audits = await prisma.auditLog.findMany({ where: { tenantId: school.tenantId, target: id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["hall.application.submitted", school.applicantId],
      ["hall.application.approved", school.counsellorId],
      ["hall.application.approved", school.officeIds[1]],
    ]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).decidedAt).not.toBeNull();
  });

  it("is REJECTED with a comment (a rejection without one is refused), and no step opens after it", async () => {
    const school = await hallSchool(prisma);
    const id = await submitted(school);
    expect((await refusal(decide(school, school.counsellorId, id, "reject", "  "))).code).toBe("HALL_COMMENT_REQUIRED");
    await expect(decide(school, school.counsellorId, id, "reject", "域名不属于本院")).resolves.toEqual({ state: "REJECTED", step: 0 });
    expect((await inbox(school, school.officeIds[0])).counts.todo).toBe(0);
    const view = await applicationView(await as(school, school.applicantId), id);
    expect(view.events.at(-1)).toMatchObject({ kind: "REJECTED", comment: "域名不属于本院", actorName: "刘辅导员" });
    expect(view.may).toEqual({ withdraw: false, edit: false, decide: false });
  });

  it("is RETURNED to the applicant, corrected and resubmitted to the step that returned it", async () => {
    const school = await hallSchool(prisma);
    const id = await submitted(school);
    await decide(school, school.counsellorId, id, "approve");
    await expect(decide(school, school.officeIds[0], id, "return", "请写明新域名")).resolves.toEqual({ state: "RETURNED", step: 1 });
    expect((await inbox(school, school.officeIds[1])).counts.todo).toBe(0);
    const applicant = await as(school, school.applicantId);
    const returned = await applicationView(applicant, id);
    expect(returned.may).toEqual({ withdraw: true, edit: true, decide: false });

    // A correction that misses a required field is kept on the application, still RETURNED.
    const wrong = await submitApplication(applicant, { applicationId: id, version: returned.version, values: { ...VALID, details: "" } });
    expect(wrong).toEqual({ ok: false, applicationId: id, problems: { details: "required" } });
    const kept = await applicationView(applicant, id);
    expect(kept).toMatchObject({ state: "RETURNED", values: { site_name: VALID.site_name } });
    expect(kept.values).not.toHaveProperty("details");

    const fixed = await submitApplication(applicant, {
      applicationId: id,
      version: await versionOf(id),
      values: { ...VALID, change_kind: "domain", details: "新域名 www.cs.example.edu.cn" },
    });
    expect(fixed).toEqual({ ok: true, applicationId: id });
    // Back to the office (step 2), not to the 辅导员 again.
    expect((await inbox(school, school.counsellorId)).counts.todo).toBe(0);
    for (const office of school.officeIds) expect((await inbox(school, office)).counts.todo).toBe(1);
    const view = await applicationView(applicant, id);
    expect(view).toMatchObject({ state: "SUBMITTED", step: 1, values: { change_kind: "domain" } });
    expect(view.events.map((e) => e.kind)).toEqual(["SUBMITTED", "APPROVED", "RETURNED", "RESUBMITTED"]);
    await expect(decide(school, school.officeIds[1], id, "approve")).resolves.toEqual({ state: "APPROVED", step: 1 });
  });

  it("is withdrawn before anyone acted (its tasks leave 待办), and cannot be once an approver acted", async () => {
    const school = await hallSchool(prisma);
    const applicant = await as(school, school.applicantId);
    const early = await submitted(school);
    await withdrawApplication(applicant, { applicationId: early, version: await versionOf(early) });
    expect((await inbox(school, school.counsellorId)).counts.todo).toBe(0);
    expect((await applicationView(applicant, early)).state).toBe("WITHDRAWN");
    // The 辅导员's page, shown before the withdrawal, no longer decides anything.
    expect((await refusal(decide(school, school.counsellorId, early, "approve"))).code).toBe("HALL_NOT_YOUR_TASK");

    const late = await submitted(school);
    await decide(school, school.counsellorId, late, "approve");
    expect((await refusal(withdrawApplication(applicant, { applicationId: late, version: await versionOf(late) }))).code).toBe(
      "HALL_CANNOT_WITHDRAW",
    );
    expect((await applicationView(applicant, late)).state).toBe("SUBMITTED");
  });

  it("keeps a form that does not pass as a draft, naming each field's problem; the draft is submitted once corrected", async () => {
    const school = await hallSchool(prisma);
    const applicant = await as(school, school.applicantId);
    const outcome = await submitApplication(applicant, {
      serviceId: school.serviceId,
      values: { ...VALID, site_name: "", pages: "2.5", wanted_by: "2026-02-30", change_kind: "hack" },
    });
    expect(outcome).toMatchObject({
      ok: false,
      problems: { site_name: "required", pages: "notInteger", wanted_by: "badDate", change_kind: "badChoice" },
    });
    const draft = await applicationView(applicant, outcome.applicationId);
    expect(draft).toMatchObject({ state: "DRAFT", values: { pages: "2.5", domain: VALID.domain }, may: { edit: true, withdraw: false } });
    expect((await inbox(school, school.counsellorId)).counts.todo).toBe(0);

    const saved = await saveDraft(applicant, {
      applicationId: outcome.applicationId,
      version: draft.version,
      values: { ...VALID, site_name: "草稿" },
    });
    expect(saved.applicationId).toBe(outcome.applicationId);
    const ok = await submitApplication(applicant, {
      applicationId: outcome.applicationId,
      version: await versionOf(outcome.applicationId),
      values: VALID,
    });
    expect(ok.ok).toBe(true);
    expect((await inbox(school, school.counsellorId)).counts.todo).toBe(1);
    // Submitted, it can no longer be edited as a draft.
    expect((await refusal(saveDraft(applicant, { applicationId: outcome.applicationId, values: VALID }))).code).toBe("HALL_NOT_EDITABLE");
  });
});

describe("two approvers at the same moment", () => {
  it("lets exactly one of them decide the step; the other is told it changed and nothing of theirs is written", async () => {
    const school = await hallSchool(prisma);
    const id = await submitted(school);
    await decide(school, school.counsellorId, id, "approve");
    const version = await versionOf(id);
    const [a, b] = await Promise.all(school.officeIds.map((office) => as(school, office)));
    // Both pages showed the same version; both post at once, one approving, one returning.
    const outcomes = await Promise.allSettled([
      decideApplication(a!, { applicationId: id, version, decision: "approve", comment: "" }),
      decideApplication(b!, { applicationId: id, version, decision: "return", comment: "请补充" }),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "HALL_ALREADY_DECIDED" });

    const row = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(version + 1);
    const step2 = await prisma.applicationEvent.findMany({ where: { applicationId: id, step: 1 } });
    expect(step2).toHaveLength(1);
    expect(row.state).toBe(step2[0]!.kind === "APPROVED" ? "APPROVED" : "RETURNED");
    const decidedTasks = await prisma.applicationTask.count({ where: { applicationId: id, step: 1, decidedAt: { not: null } } });
    expect(decidedTasks).toBe(1);
  });
});

describe("a service's versions", () => {
  it("keeps an application on the version it was made with; a version in use cannot change in the database", async () => {
    const school = await hallSchool(prisma);
    const id = await submitted(school);
    const db = tenantDb(prisma, school.tenantId);
    const extra = { kind: "text", key: "contact", labelZh: "联系人", required: true, maxLength: 20 };
    const v2 = await publishService(db, school.tenantId, {
      code: "website-change",
      nameZh: "网站变更申请",
      identityKinds: ["student_staff"],
      definition: { ...school.definition, fields: [...FIELDS, extra] },
    });
    expect(v2.number).toBe(2);
    // The submitted one keeps v1 (no 联系人); a new one needs the v2 field.
    const view = await applicationView(await as(school, school.applicantId), id);
    expect(view.definition.fields.map((f) => f.key)).not.toContain("contact");
    const form = await serviceForm(await as(school, school.applicantId), school.serviceId);
    expect(form.definition.fields.map((f) => f.key)).toContain("contact");
    const missing = await submitApplication(await as(school, school.applicantId), { serviceId: school.serviceId, values: VALID });
    expect(missing).toMatchObject({ ok: false, problems: { contact: "required" } });

    const used = await prisma.application.findUniqueOrThrow({ where: { id }, select: { versionId: true } });
    await expect(prisma.serviceVersion.update({ where: { id: used.versionId }, data: { fields: [] } })).rejects.toThrow(
      /used by an application/,
    );
    // Publishing the same definition again makes no new version.
    const again = await publishService(db, school.tenantId, {
      code: "website-change",
      nameZh: "网站变更申请",
      identityKinds: ["student_staff"],
      definition: { ...school.definition, fields: [...FIELDS, extra] },
    });
    expect(again).toEqual(v2);
  });
});

describe("tenant isolation", () => {
  it("keeps another school's member (or approver) away from an application, whatever ids they post", async () => {
    const school = await hallSchool(prisma);
    const other = await hallSchool(prisma);
    const id = await submitted(school);
    const version = await versionOf(id);
    // The other school's 辅导员 and applicant, with this school's application id.
    const outsider = await as(other, other.counsellorId);
    expect((await refusal(applicationView(outsider, id))).code).toBe("HALL_APPLICATION_NOT_FOUND");
    expect((await refusal(decideApplication(outsider, { applicationId: id, version, decision: "approve", comment: "" }))).code).toBe(
      "HALL_APPLICATION_NOT_FOUND",
    );
    const stranger = await as(other, other.applicantId);
    expect((await refusal(withdrawApplication(stranger, { applicationId: id, version }))).code).toBe("HALL_APPLICATION_NOT_FOUND");
    expect((await refusal(submitApplication(stranger, { serviceId: school.serviceId, values: VALID }))).code).toBe(
      "HALL_SERVICE_NOT_FOUND",
    );
    // A member of the same school who is neither applicant nor approver sees nothing either.
    expect((await refusal(applicationView(await as(school, school.candidateId), id))).code).toBe("HALL_APPLICATION_NOT_FOUND");
    expect((await inbox(other, other.counsellorId)).counts).toEqual({ todo: 0, done: 0 });
    expect(await prisma.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "SUBMITTED", version });
  });
});

describe("WeCom notices", () => {
  it("queues a text card within WeCom's byte limits for each new task and each decision, linking back to the application", async () => {
    const school = await hallSchool(prisma);
    await prisma.wecomConnection.update({ where: { tenantId: school.tenantId }, data: { corpId: "wwhall", agentId: 1000002 } });
    for (const [i, id] of [school.applicantId, school.counsellorId, ...school.officeIds].entries()) {
      await prisma.member.update({ where: { id }, data: { wecomUserId: `u${i}${id.slice(0, 8)}` } });
    }
    const id = await submitted(school);
    await decide(school, school.counsellorId, id, "return", "意见".repeat(80));
    const jobs = await prisma.wecomJob.findMany({
      where: { tenantId: school.tenantId, kind: "message.textcard" },
      orderBy: { createdAt: "asc" },
    });
    expect(jobs).toHaveLength(2);
    const data = await Promise.all(
      jobs.map(async (j) => {
        const rows = await prisma.$queryRawUnsafe<{ data: { memberIds: string[]; card: Record<string, string> } }[]>(
          "SELECT data FROM pgboss.job WHERE id = $1::uuid",
          j.jobId,
        );
        return rows[0]!.data;
      }),
    );
    expect(data[0]!.memberIds).toEqual([school.counsellorId]);
    expect(data[0]!.card.title).toBe("待办：网站变更申请");
    expect(data[1]!.memberIds).toEqual([school.applicantId]);
    expect(data[1]!.card.url).toMatch(new RegExp(`/hall/a/${id}$`));
    // The 160-character comment (480 bytes) with the step's line is cut to WeCom's 512 bytes, visibly.
    expect(Buffer.byteLength(data[1]!.card.description!, "utf8")).toBeLessThanOrEqual(512);
    expect(data[1]!.card.description!.endsWith("…")).toBe(true);
  });

  it("queues nothing for a school without WeCom connected: the task still waits in 待办", async () => {
    const school = await hallSchool(prisma);
    await submitted(school);
    expect(await prisma.wecomJob.count({ where: { tenantId: school.tenantId, kind: "message.textcard" } })).toBe(0);
    expect((await inbox(school, school.counsellorId)).counts.todo).toBe(1);
  });
});

describe("a school's purge", () => {
  it("takes its services, versions, applications, tasks and history with it (no foreign key holds it back)", async () => {
    const school = await hallSchool(prisma);
    const id = await submitted(school);
    await decide(school, school.counsellorId, id, "approve");
    await prisma.tenant.delete({ where: { id: school.tenantId } });
    const left = await Promise.all([
      prisma.service.count({ where: { tenantId: school.tenantId } }),
      prisma.serviceVersion.count({ where: { tenantId: school.tenantId } }),
      prisma.application.count({ where: { tenantId: school.tenantId } }),
      prisma.applicationTask.count({ where: { tenantId: school.tenantId } }),
      prisma.applicationEvent.count({ where: { tenantId: school.tenantId } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
  });
});
