// The directory's search as the back office uses it: each field of the search box, the filters, and
// sorting and paging done by the database (a page past the first holds the next members, not the
// first ones again).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInMember } from "~/server/auth/member-sign-in";
import { createMember, updateMember } from "~/server/members/manage-members";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";
import { searchMembers } from "~/server/members/directory-search";
import { PASSWORD, testPrisma, testScope, makeTenant, unique, type TestTenant } from "./support";

const prisma = testPrisma();
let t: TestTenant;
const tag = unique("");
const acc = (n: string) => `Q${tag}${n}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await makeTenant(prisma);
  await prisma.phonePolicy.update({ where: { tenantId: t.tenantId }, data: { allowForeign: true } });
  await prisma.identityKind.create({ data: { tenantId: t.tenantId, code: "candidate", nameZh: "考生", nameEn: "Candidates" } });
  const scope = await testScope(prisma, t.tenantId);
  const people = [
    { n: "001", name: "张三丰", department: "计算机学院/软件工程/2024级1班", phone: "13812340001", idNumber: "11010519491231002X" },
    { n: "002", name: "张无忌", department: "计算机学院/人工智能", phone: "13812340002" },
    { n: "003", name: "李四", department: "机械工程学院", phone: "0085291234567", identityKindCode: "candidate" },
    { n: "004", name: "王五", department: "计算机学院软件", phone: "" },
  ];
  for (const p of people) {
    const m = await createMember(scope, { account: acc(p.n), identityKindCode: "student_staff", ...p });
    ids[p.n] = m.id;
  }
  await prisma.member.update({ where: { id: ids["001"] }, data: { lastSignInAt: new Date() } });
  await prisma.phoneBinding.create({
    data: { tenantId: t.tenantId, memberId: ids["002"]!, channel: "PHONE", value: "+8613812340002", confirmedBy: "DIRECTORY" },
  });
  await prisma.memberWecom.create({ data: { tenantId: t.tenantId, memberId: ids["002"]!, writtenAt: new Date(), state: "NOT_ACTIVATED" } });
  await prisma.memberWecom.create({ data: { tenantId: t.tenantId, memberId: ids["003"]!, writtenAt: new Date(), state: "ACTIVATED" } });
});
afterAll(() => prisma.$disconnect());

async function found(input: Parameters<typeof searchMembers>[1]) {
  const page = await searchMembers(await testScope(prisma, t.tenantId), input);
  return page.rows.map((r) => r.account);
}

describe("the search box finds a member by what the helpdesk has at hand", () => {
  it("学工号 by its beginning, not its middle", async () => {
    expect(await found({ query: acc("00") })).toEqual([acc("001"), acc("002"), acc("003"), acc("004")]);
    expect(await found({ query: acc("003") })).toEqual([acc("003")]);
    expect(await found({ query: `${tag}003` })).toEqual([]);
  });

  it("姓名 by any part of it, in Chinese", async () => {
    expect(await found({ query: "张" })).toEqual([acc("001"), acc("002")]);
    expect(await found({ query: "三丰" })).toEqual([acc("001")]);
    expect(await found({ query: "无忌" })).toEqual([acc("002")]);
  });

  it("手机号 as typed: 11 digits, with spaces or dashes, with +86, or a foreign number with 00", async () => {
    expect(await found({ query: "13812340001" })).toEqual([acc("001")]);
    expect(await found({ query: "138 1234 0001" })).toEqual([acc("001")]);
    expect(await found({ query: "+8613812340002" })).toEqual([acc("002")]);
    expect(await found({ query: "0085291234567" })).toEqual([acc("003")]);
    expect(await found({ query: "1381234000" })).toEqual([]);
  });

  it("an ID number exactly (through its blind index), also with a lower-case x; never a part of it", async () => {
    expect(await found({ query: "11010519491231002X" })).toEqual([acc("001")]);
    expect(await found({ query: "11010519491231002x" })).toEqual([acc("001")]);
    expect(await found({ query: "110105194912" })).toEqual([]);
  });
});

describe("a 姓名 of one or two characters (looked up among the name's characters and pairs)", () => {
  // A school of its own, so that the lists below are every member who matches.
  let school: TestTenant;
  const names = { a: "欧阳娜娜", b: "张伟", c: "李伟芳", d: "Li Wei", e: "王芳", f: "𠮷田" } as const;
  const member: Record<string, string> = {};
  const named = async (query: string, department = "") => {
    const page = await searchMembers(await testScope(prisma, school.tenantId), { query, department, pageSize: 100 });
    return page.rows.filter((r) => r.id !== school.memberId).map((r) => r.name);
  };

  beforeAll(async () => {
    school = await makeTenant(prisma);
    const scope = await testScope(prisma, school.tenantId);
    for (const [key, name] of Object.entries(names)) {
      const department = key === "c" ? "文学院/汉语言" : "理学院/数学";
      member[key] = (await createMember(scope, { account: `N${tag}${key}`, name, department, identityKindCode: "student_staff" })).id;
    }
  });

  it("finds exactly the members whose name holds the characters, at its start, middle or end", async () => {
    expect(await named("伟")).toEqual(["张伟", "李伟芳"]);
    expect(await named("伟芳")).toEqual(["李伟芳"]);
    expect(await named("阳娜")).toEqual(["欧阳娜娜"]);
    expect(await named("娜娜")).toEqual(["欧阳娜娜"]);
    expect(await named("芳伟")).toEqual([]);
    expect(await named("张李")).toEqual([]);
    expect(await named("伟", "文学院")).toEqual(["李伟芳"]);
  });

  it("a Latin name by a letter or two, as typed (case kept, as for longer names)", async () => {
    expect(await named("Li")).toEqual(["Li Wei"]);
    expect(await named("W")).toEqual(["Li Wei"]);
    expect(await named("We")).toEqual(["Li Wei"]);
    expect(await named("we")).toEqual([]);
    expect(await named("Wei")).toEqual(["Li Wei"]);
  });

  it("a character beyond the basic plane counts as one character", async () => {
    expect(await named("𠮷")).toEqual(["𠮷田"]);
    expect(await named("𠮷田")).toEqual(["𠮷田"]);
  });

  it("a renamed member is found by the new name and no longer by the old one", async () => {
    expect(await named("芳")).toEqual(["李伟芳", "王芳"]);
    await updateMember(await testScope(prisma, school.tenantId), { memberId: member.e!, name: "王刚" });
    expect(await named("芳")).toEqual(["李伟芳"]);
    expect(await named("王芳")).toEqual([]);
    expect(await named("刚")).toEqual(["王刚"]);
    expect(await named("王刚")).toEqual(["王刚"]);
  });

  it("the characters are the database's: a value written for them is replaced by the name's own", async () => {
    await prisma.member.update({ where: { id: member.b! }, data: { nameGrams: ["假"] } });
    expect(await named("假")).toEqual([]);
    expect(await named("张伟")).toEqual(["张伟"]);
  });
});

describe("the filters narrow the list", () => {
  it("department by the beginning of its path: a whole college, or one class", async () => {
    expect(await found({ department: "计算机学院/" })).toEqual([acc("001"), acc("002")]);
    expect(await found({ department: "计算机学院/软件工程/2024级1班" })).toEqual([acc("001")]);
    expect(await found({ department: "软件工程" })).toEqual([]);
  });

  it("identity kind", async () => {
    expect(await found({ identityKindCode: "candidate" })).toEqual([acc("003")]);
  });

  it("state: not signed in, phone bound, in WeCom, followed", async () => {
    expect(await found({ query: acc(""), state: "notSignedIn" })).toEqual([acc("002"), acc("003"), acc("004")]);
    expect(await found({ query: acc(""), state: "phoneBound" })).toEqual([acc("002")]);
    expect(await found({ query: acc(""), state: "inWecom" })).toEqual([acc("002"), acc("003")]);
    expect(await found({ query: acc(""), state: "followed" })).toEqual([acc("003")]);
  });

  it("a search and filters together", async () => {
    expect(await found({ query: "张", state: "notSignedIn" })).toEqual([acc("002")]);
    expect(await found({ query: "张", department: "计算机学院/人工智能" })).toEqual([acc("002")]);
  });
});

describe("sorting and paging happen in the database", () => {
  it("pages hold the next members in order, and say how many there are", async () => {
    const scope = await testScope(prisma, t.tenantId);
    const first = await searchMembers(scope, { query: acc(""), pageSize: 3 });
    const second = await searchMembers(scope, { query: acc(""), pageSize: 3, page: 2 });
    expect(first.rows.map((r) => r.account)).toEqual([acc("001"), acc("002"), acc("003")]);
    expect(second.rows.map((r) => r.account)).toEqual([acc("004")]);
    expect({ total: second.total, pages: second.pages, page: second.page, capped: second.capped }).toEqual({
      total: 4,
      pages: 2,
      page: 2,
      capped: false,
    });
    // A page past the end shows the last one.
    expect((await searchMembers(scope, { query: acc(""), pageSize: 3, page: 9 })).rows.map((r) => r.account)).toEqual([acc("004")]);
  });

  it("by name descending, and by WeCom state with the never-synced last", async () => {
    const ascending = await found({ query: acc(""), sort: "name", dir: "asc" });
    expect(ascending).toHaveLength(4);
    expect(await found({ query: acc(""), sort: "name", dir: "desc" })).toEqual([...ascending].reverse());
    expect(await found({ query: acc(""), sort: "wecom", dir: "asc" })).toEqual([acc("003"), acc("002"), acc("001"), acc("004")]);
  });
});

describe("not signed in", () => {
  it("a member who signs in leaves the list of those who never did", async () => {
    const school = await makeTenant(prisma);
    const notSignedIn = async () =>
      (await searchMembers(await testScope(prisma, school.tenantId), { state: "notSignedIn" })).rows.map((r) => r.id);
    expect(await notSignedIn()).toEqual([school.memberId]);
    const resolution = await resolveTenantForHost(prisma, school.host);
    if (resolution.kind !== "tenant") throw new Error("test tenant did not resolve");
    await signInMember(prisma, resolution.tenant, { identifier: school.memberAccount, password: PASSWORD, host: school.host, ip: null });
    expect(await notSignedIn()).toEqual([]);
  });
});
