// The helpdesk queue: a colleague takes a case (【由我处理】), answers the student and closes it; the
// student reads the answer on 个人中心 — their own cases only, never the product's findings — and a
// closed case leaves the queue.
import { afterAll, describe, expect, it } from "vitest";
import { adminClaims, callerFor, makeTenant, memberClaims, testPrisma } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("answering a helpdesk case", () => {
  it("is taken by one account, answered to the student, and closed", async () => {
    const t = await makeTenant(prisma);
    const admin = (await callerFor(prisma, t.host, adminClaims(t))).admin.helpdesk;
    const username = (await prisma.tenantAdmin.findUniqueOrThrow({ where: { id: t.adminId } })).username;
    expect((await admin.assign({ caseId: t.helpdeskCaseId })).assignee).toBe(username);
    const answered = await admin.answer({ caseId: t.helpdeskCaseId, answer: "已处理，请重新绑定。", close: false });
    expect(answered).toMatchObject({ status: "OPEN", answer: "已处理，请重新绑定。" });
    expect((await admin.list({ status: "OPEN" })).map((c) => c.id)).toContain(t.helpdeskCaseId);
    const closed = await admin.answer({ caseId: t.helpdeskCaseId, answer: "已将手机号转到你的账号，请重新绑定。", close: true });
    expect(closed.status).toBe("RESOLVED");
    expect((await admin.list({ status: "OPEN" })).map((c) => c.id)).not.toContain(t.helpdeskCaseId);

    const mine = await (await callerFor(prisma, t.host, memberClaims(t))).me.profile.cases();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "RESOLVED", answer: "已将手机号转到你的账号，请重新绑定。", kind: "PHONE_ALREADY_EXISTS" });
    // The product's findings (who holds the phone) are the helpdesk's only.
    expect(Object.keys(mine[0]!)).not.toContain("findings");
    const actions = (await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action: { startsWith: "helpdesk.case." } } })).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(["helpdesk.case.answered", "helpdesk.case.answered", "helpdesk.case.assigned"]);
  });

  it("refuses an empty answer, and shows a student none of another member's cases", async () => {
    const t = await makeTenant(prisma);
    const admin = (await callerFor(prisma, t.host, adminClaims(t))).admin.helpdesk;
    await expect(admin.answer({ caseId: t.helpdeskCaseId, answer: "  ", close: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const other = await prisma.member.create({
      data: { tenantId: t.tenantId, account: `other-${t.slug}`, name: "另一位", identityKindId: t.identityKindId },
    });
    const theirs = await (await callerFor(prisma, t.host, { ...memberClaims(t), sub: other.id })).me.profile.cases();
    expect(theirs).toEqual([]);
  });
});
