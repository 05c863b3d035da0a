// The activation funnel of the back office: each step counted for the school or one group (a
// department path's beginning, an identity kind), and the list behind each step — the directory
// filtered by the step's state — holding exactly the members the step counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClaims, callerFor, makeTenant, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
let t: TestTenant;

/**
 * A member of `department` who got as far as `step` (0: imported … 4: following, awaiting the
 * school's 二次验证 — WeCom sent them to the verification page — 5: activated).
 */
async function member(account: string, department: string, step: number, kindId = t.identityKindId) {
  const m = await prisma.member.create({
    data: {
      tenantId: t.tenantId,
      account,
      name: `成员${account}`,
      identityKindId: kindId,
      department,
      lastSignInAt: step >= 1 ? new Date() : null,
    },
  });
  if (step >= 2)
    await prisma.phoneBinding.create({
      data: { memberId: m.id, tenantId: t.tenantId, channel: "PHONE", value: `+8613800${account.padStart(6, "0")}`, confirmedBy: "CODE" },
    });
  if (step >= 3)
    await prisma.memberWecom.create({
      data: {
        memberId: m.id,
        tenantId: t.tenantId,
        writtenAt: new Date(),
        state: step >= 5 ? "ACTIVATED" : "NOT_ACTIVATED",
        verificationSeenAt: step === 4 ? new Date() : null,
      },
    });
}

beforeAll(async () => {
  t = await makeTenant(prisma);
  // The test school's own member: imported, nothing more.
  const candidate = await prisma.identityKind.create({
    data: { tenantId: t.tenantId, code: "candidate", nameZh: "考生", nameEn: "Candidates" },
  });
  await member("100001", "计算机学院/软件工程", 5);
  await member("100006", "计算机学院/软件工程", 4);
  await member("100002", "计算机学院/软件工程", 3);
  await member("100003", "计算机学院/网络工程", 2);
  await member("100004", "外国语学院", 1);
  await member("100005", "外国语学院", 5, candidate.id);
});
afterAll(() => prisma.$disconnect());

const api = async () => (await callerFor(prisma, t.host, adminClaims(t))).admin.directory;

describe("the activation funnel", () => {
  it("counts each step of the whole school", async () => {
    const steps = await (await api()).funnel({});
    expect(steps.map((s) => [s.key, s.value])).toEqual([
      ["imported", 7],
      ["signedIn", 6],
      ["phoneBound", 5],
      ["inWecom", 4],
      // One follows but awaits 二次验证: followed, not yet activated.
      ["followed", 3],
      ["verified", 2],
    ]);
  });

  it("counts a department path's beginning, and an identity kind", async () => {
    const cs = await (await api()).funnel({ department: "计算机学院/" });
    expect(cs.map((s) => s.value)).toEqual([4, 4, 4, 3, 2, 1]);
    const candidates = await (await api()).funnel({ identityKindCode: "candidate" });
    expect(candidates.map((s) => s.value)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("lists behind each step exactly the members it counts", async () => {
    const directory = await api();
    for (const step of await directory.funnel({ department: "计算机学院/" })) {
      const listed = await directory.search({
        department: "计算机学院/",
        ...(step.listState ? { state: step.listState as "signedIn" } : {}),
      });
      expect(listed.total, step.key).toBe(step.value);
    }
  });
});
