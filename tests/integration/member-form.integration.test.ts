// The UCAS member form (【添加成员】 and edit) as the admin notices it: the ID number sealed to its
// row, found by exact match and shown masked; the optional fields kept in the profile; a wrong check
// digit or an unknown choice refused on its field; an ID number left empty on an edit kept.
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret, sealContext } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import { fieldErrorsOf } from "~/server/errors";
import { searchMembers } from "~/server/members/directory-search";
import { createMember, updateMember } from "~/server/members/manage-members";
import { memberRecord } from "~/server/members/member-record";
import { adminClaims, callerFor, makeTenant, testPrisma, testScope, unique } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const ucas = {
  name: "赵六",
  identityKindCode: "student_staff",
  idType: "居民身份证",
  idNumber: "11010519491231002x",
  nativePlace: "河北石家庄",
  maritalStatus: "未婚",
  nationality: "中国",
  bloodType: "O型",
  education: "大学本科",
  highestDegree: "硕士研究生",
  religion: "无",
  politicalStatus: "共青团员",
};

describe("the UCAS member form", () => {
  it("stores the ID number sealed and blind-indexed (found exactly, shown masked) and the optional fields in the profile", async () => {
    const t = await makeTenant(prisma);
    const scope = await testScope(prisma, t.tenantId);
    const created = await createMember(scope, { account: unique("F"), ...ucas });
    const stored = await prisma.member.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.idNumberEnc).not.toContain("110105");
    expect(decryptSecret(stored.idNumberEnc!, encryptionKey(), sealContext("Member", "idNumberEnc", created.id))).toBe(
      "11010519491231002X",
    );
    expect((await searchMembers(scope, { query: "11010519491231002X" })).rows.map((r) => r.id)).toEqual([created.id]);
    const record = await memberRecord(scope, { memberId: created.id });
    expect(record.member.idNumberMasked).toBe("1101**********002X");
    expect(record.member.profile).toEqual({
      nativePlace: "河北石家庄",
      maritalStatus: "未婚",
      nationality: "中国",
      bloodType: "O型",
      education: "大学本科",
      highestDegree: "硕士研究生",
      religion: "无",
      politicalStatus: "共青团员",
    });
  });

  it("refuses a wrong check digit and a choice not on the list, each on its field, and creates nothing", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    const account = unique("F");
    const error = await api.admin.directory
      .create({ account, ...ucas, idNumber: "110105194912310021", bloodType: "Z型" })
      .catch((e: unknown) => e);
    expect(fieldErrorsOf(error)).toMatchObject({ idNumber: [expect.stringContaining("校验位")], bloodType: [expect.any(String)] });
    expect(await prisma.member.count({ where: { tenantId: t.tenantId, account } })).toBe(0);
  });

  it("an edit that leaves the ID number empty keeps it; a changed profile field is audited by name", async () => {
    const t = await makeTenant(prisma);
    const scope = await testScope(prisma, t.tenantId);
    const created = await createMember(scope, { account: unique("F"), ...ucas });
    const before = await prisma.member.findUniqueOrThrow({ where: { id: created.id } });
    await updateMember(scope, { memberId: created.id, idNumber: "", maritalStatus: "已婚", religion: "" });
    const after = await prisma.member.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.idNumberEnc).toBe(before.idNumberEnc);
    expect(after.profile).toMatchObject({ maritalStatus: "已婚" });
    expect(after.profile).not.toHaveProperty("religion");
    const [entry] = await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action: "member.update" } });
    expect(entry!.detail).toEqual({ changed: ["maritalStatus", "religion"] });
  });
});
