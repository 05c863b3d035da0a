// A school's help pages: the search a member types in Chinese finds a word inside a title or body and
// only the school's own pages; the back office's procedures write, reorder and delete the school's
// pages only (an id of another school's page is "not found"), each change audited; the database keeps
// a page's address unique in the school and well-formed whoever writes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolContacts } from "~/server/help/contacts";
import { searchHelpPages } from "~/server/help/help-pages";
import { adminClaims, callerFor, makeTenant, memberClaims, testPrisma, testScope, type TestTenant } from "../support";

const prisma = testPrisma();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await makeTenant(prisma);
  b = await makeTenant(prisma);
});
afterAll(() => prisma.$disconnect());

const admin = async (t: TestTenant, host = t.host) => (await callerFor(prisma, host, adminClaims(t))).admin.help;
const anyone = async (t: TestTenant) => (await callerFor(prisma, t.host)).school.help;

describe("the members' search", () => {
  it("finds 「缓存」 inside 「清除微信缓存」 in a title, and English words whatever their case", async () => {
    const help = await admin(a);
    await help.save({ slug: "wechat-cache", titleZh: "如何清除微信缓存", titleEn: "Clearing WeChat's cache", bodyZh: "打开微信设置。" });
    await help.save({ slug: "harmony", titleZh: "鸿蒙 NEXT", bodyZh: "请改用企业微信 App 登录。", bodyEn: "Use the WeCom app instead." });
    const search = await anyone(a);
    // makeTenant's page of the school says 清除微信缓存 in its body.
    expect((await search.search({ q: "缓存" })).map((p) => p.slug)).toEqual([a.helpPageSlug, "wechat-cache"]);
    expect((await search.search({ q: "CACHE" })).map((p) => p.slug)).toEqual(["wechat-cache"]);
    // In the body only, in either language.
    expect((await search.search({ q: "企业微信" })).map((p) => p.slug)).toEqual(["harmony"]);
    expect((await search.search({ q: "wecom app" })).map((p) => p.slug)).toEqual(["harmony"]);
    expect(await search.search({ q: "不存在的词" })).toEqual([]);
  });

  it("never finds another school's pages, even by their exact words", async () => {
    const bScope = await testScope(prisma, b.tenantId);
    // makeTenant gives each school a page whose body says 清除微信缓存 and whose title is its own.
    const bTitle = (await prisma.helpPage.findUniqueOrThrow({ where: { id: b.helpPageId } })).titleZh;
    expect((await searchHelpPages(bScope, { q: bTitle })).map((p) => p.id)).toEqual([b.helpPageId]);
    const aScope = await testScope(prisma, a.tenantId);
    expect(await searchHelpPages(aScope, { q: bTitle })).toEqual([]);
    expect((await searchHelpPages(aScope, { q: "缓存" })).map((p) => p.id)).not.toContain(b.helpPageId);
    expect(await (await anyone(a)).page({ slug: b.helpPageSlug })).toBeNull();
  });

  it("takes % and _ as the characters they are, not as wildcards", async () => {
    const t = await makeTenant(prisma);
    const search = await anyone(t);
    expect(await search.search({ q: "%" })).toEqual([]);
    expect(await search.search({ q: "_" })).toEqual([]);
  });

  it("lists every page in the school's order when nothing is typed", async () => {
    const t = await makeTenant(prisma);
    const help = await admin(t);
    await help.save({ slug: "second", titleZh: "第二" });
    expect((await (await anyone(t)).search({ q: "" })).map((p) => p.slug)).toEqual([t.helpPageSlug, "second"]);
  });
});

describe("the back office's procedures", () => {
  it("write, reorder and delete the school's pages, each change in the audit log", async () => {
    const t = await makeTenant(prisma);
    const help = await admin(t);
    const two = await help.save({ slug: "two", titleZh: "二" });
    const three = await help.save({ slug: "three", titleZh: "三" });
    expect((await help.list()).map((p) => p.slug)).toEqual([t.helpPageSlug, "two", "three"]);
    await help.move({ id: three.id, direction: "up" });
    expect((await help.list()).map((p) => p.slug)).toEqual([t.helpPageSlug, "three", "two"]);
    // Moving the first page up changes nothing.
    await help.move({ id: t.helpPageId, direction: "up" });
    expect((await help.list()).map((p) => p.slug)).toEqual([t.helpPageSlug, "three", "two"]);
    await help.save({ id: two.id, slug: "two-renamed", titleZh: "二（改）", bodyZh: "新内容" });
    expect(await help.get({ id: two.id })).toMatchObject({ slug: "two-renamed", titleZh: "二（改）", bodyZh: "新内容" });
    await help.delete({ id: three.id });
    expect((await help.list()).map((p) => p.slug)).toEqual([t.helpPageSlug, "two-renamed"]);
    const actions = await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action: { startsWith: "help.page." } } });
    expect(actions.map((e) => e.action).sort()).toEqual([
      "help.page.create",
      "help.page.create",
      "help.page.delete",
      "help.page.move",
      "help.page.move",
      "help.page.update",
    ]);
  });

  it("refuse a page address that the school already uses, naming the field", async () => {
    const help = await admin(a);
    await expect(help.save({ slug: a.helpPageSlug, titleZh: "重复" })).rejects.toMatchObject({ code: "CONFLICT" });
    // Another school may use the same address.
    await expect((await admin(b)).save({ slug: "wechat-cache", titleZh: "B 的缓存页" })).resolves.toMatchObject({ slug: "wechat-cache" });
  });

  it("give school A's admin nothing of school B's pages and leave them unchanged", async () => {
    const help = await admin(a);
    const before = await prisma.helpPage.findUniqueOrThrow({ where: { id: b.helpPageId } });
    await expect(help.get({ id: b.helpPageId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(help.save({ id: b.helpPageId, slug: "taken-over", titleZh: "改" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(help.move({ id: b.helpPageId, direction: "down" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(help.delete({ id: b.helpPageId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.helpPage.findUniqueOrThrow({ where: { id: b.helpPageId } })).toEqual(before);
    // A's admin presented on B's host is refused outright.
    await expect((await admin(a, b.host)).list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("are refused to a member", async () => {
    const member = (await callerFor(prisma, a.host, memberClaims(a))).admin.help;
    await expect(member.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keep the contacts per school: A's update is not B's", async () => {
    const help = await admin(a);
    await help.updateContacts({ phone: "0471-6576286", email: "Net@IMUT.edu.cn", hoursZh: "工作日 8:00–17:30", hoursEn: "" });
    expect(await (await anyone(a)).contacts()).toEqual({
      phone: "0471-6576286",
      email: "net@imut.edu.cn",
      hoursZh: "工作日 8:00–17:30",
      hoursEn: "",
    });
    expect(await schoolContacts(await testScope(prisma, b.tenantId))).toEqual({ phone: "", email: "", hoursZh: "", hoursEn: "" });
    await expect(help.updateContacts({ phone: "<script>", email: "", hoursZh: "", hoursEn: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("the database", () => {
  it("keeps an address unique in the school and of letters, digits and hyphens, whoever writes", async () => {
    await expect(prisma.helpPage.create({ data: { tenantId: a.tenantId, slug: a.helpPageSlug, titleZh: "x" } })).rejects.toThrow();
    for (const slug of ["Has-Capitals", "两个字", "a--b", "-a", "a/b"])
      await expect(prisma.helpPage.create({ data: { tenantId: a.tenantId, slug, titleZh: "x" } }), slug).rejects.toThrow();
  });
});
