// The directory with WeCom's own rules (reference §2, §6): userid format, unique userid and
// mobile, status values, member reads by token kind, getuserid, and departments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, makeCorp, startSim, type TestCorp, type TestSim, tokenFor } from "./helpers";

let sim: TestSim;
let corp: TestCorp;
let token: string;
beforeAll(async () => {
  sim = await startSim();
  // A corp whose contact-sync IP predates 2022-08-15, so these tests of the directory's rules can read
  // back what they wrote with the contact-sync token; today's 48009 is tested below and in today.integration.test.ts.
  corp = await makeCorp(sim, { creatorUserid: "boss", contactSyncLegacyIp: true });
  token = await tokenFor(sim, corp.corpid, corp.contactSecret);
});
afterAll(() => sim.close());

const code = async (path: string, body: unknown) => (await sim.api(path, { token, body })).errcode;

describe("WeCom simulator: members", () => {
  it("creates a member with errmsg 'created' and status 4 (not activated)", async () => {
    expect(
      await sim.api("user/create", { token, body: { userid: "s2024001", name: "张三", mobile: "13800000001", department: [1] } }),
    ).toMatchObject({ errcode: 0, errmsg: "created" });
    expect(await sim.api("user/get", { token, query: { userid: "s2024001" } })).toMatchObject({
      errcode: 0,
      userid: "s2024001",
      name: "张三",
      mobile: "13800000001",
      status: 4,
      enable: 1,
    });
  });

  it("enforces the userid format: 41009 empty, 40003 bad characters or first character, 40058 over 64 bytes", async () => {
    expect(await code("user/create", { name: "甲", mobile: "13800000100", department: [1] })).toBe(41009);
    expect(await code("user/create", { userid: "_abc", name: "甲", mobile: "13800000100", department: [1] })).toBe(40003);
    expect(await code("user/create", { userid: "ab c", name: "甲", mobile: "13800000100", department: [1] })).toBe(40003);
    expect(await code("user/create", { userid: "张三", name: "甲", mobile: "13800000100", department: [1] })).toBe(40003);
    expect(await code("user/create", { userid: "a".repeat(65), name: "甲", mobile: "13800000100", department: [1] })).toBe(40058);
    expect(await code("user/create", { userid: `a${"b".repeat(63)}`, name: "甲", mobile: "13800000100", department: [1] })).toBe(0);
    expect(await code("user/create", { userid: "a.b-c_d@e", name: "乙", mobile: "13800000101", department: [1] })).toBe(0);
  });

  it("refuses a duplicate userid, ignoring case, with 60102", async () => {
    expect(await code("user/create", { userid: "S2024001", name: "重复", mobile: "13800000102", department: [1] })).toBe(60102);
  });

  it("keeps each mobile unique in the corp (60104), whichever way it is written", async () => {
    expect(await code("user/create", { userid: "dup1", name: "丙", mobile: "13800000001", department: [1] })).toBe(60104);
    expect(await code("user/create", { userid: "dup2", name: "丙", mobile: "+86 13800000001", department: [1] })).toBe(60104);
    await createMember(sim, token, { userid: "other1", name: "丁", mobile: "13800000103" });
    expect(await code("user/update", { userid: "other1", mobile: "13800000001" })).toBe(60104);
  });

  it("checks the other fields: 60112 name, 60103 mobile, 60129 no mobile nor email, 60127/40066 departments, 60110, 60132, 301012, 60105/60106 email", async () => {
    expect(await code("user/create", { userid: "f1", name: "", mobile: "13800000110", department: [1] })).toBe(60112);
    expect(await code("user/create", { userid: "f1", name: "名".repeat(65), mobile: "13800000110", department: [1] })).toBe(60112);
    expect(await code("user/create", { userid: "f1", name: "甲", mobile: "138abc", department: [1] })).toBe(60103);
    expect(await code("user/create", { userid: "f1", name: "甲", department: [1] })).toBe(60129);
    expect(await code("user/create", { userid: "f1", name: "甲", mobile: "13800000110" })).toBe(60127);
    expect(await code("user/create", { userid: "f1", name: "甲", mobile: "13800000110", department: [999] })).toBe(40066);
    expect(
      await code("user/create", { userid: "f1", name: "甲", mobile: "13800000110", department: Array.from({ length: 21 }, () => 1) }),
    ).toBe(60110);
    expect(await code("user/create", { userid: "f1", name: "甲", mobile: "13800000110", department: [1], is_leader_in_dept: [1, 0] })).toBe(
      60132,
    );
    expect(
      await code("user/create", { userid: "f1", name: "甲", mobile: "13800000110", department: [1], position: "职".repeat(129) }),
    ).toBe(301012);
    expect(await code("user/create", { userid: "f1", name: "甲", email: "bad", department: [1] })).toBe(60105);
    await createMember(sim, token, { userid: "mail1", name: "邮", email: "mail1@example.edu.cn" });
    expect(await code("user/create", { userid: "f1", name: "甲", email: "MAIL1@example.edu.cn", department: [1] })).toBe(60106);
  });

  it("updates only the fields sent, and answers 60111 for an unknown member", async () => {
    await createMember(sim, token, { userid: "upd1", name: "原名", mobile: "13800000120", position: "学生" });
    expect(await sim.api("user/update", { token, body: { userid: "upd1", name: "新名" } })).toMatchObject({
      errcode: 0,
      errmsg: "updated",
    });
    expect(await sim.api("user/get", { token, query: { userid: "upd1" } })).toMatchObject({
      name: "新名",
      mobile: "13800000120",
      position: "学生",
    });
    expect(await code("user/update", { userid: "nosuch", name: "x" })).toBe(60111);
    expect((await sim.api("user/get", { token, query: { userid: "nosuch" } })).errcode).toBe(60111);
    expect(await code("user/update", { userid: "upd1", new_userid: "upd2" })).toBe(301036);
  });

  it("shows status 2 for a disabled member and 1 again when re-enabled after following", async () => {
    await createMember(sim, token, { userid: "st1", name: "状态", mobile: "13800000130" });
    await sim.ctl("POST", "wechat-users", { id: "wx-st1", name: "状态微信", phone: "13800000130" });
    await sim.ctl("POST", "wechat-users/wx-st1/follow", { corpid: corp.corpid });
    expect((await sim.api("user/get", { token, query: { userid: "st1" } })).status).toBe(1);
    await sim.api("user/update", { token, body: { userid: "st1", enable: 0 } });
    expect((await sim.api("user/get", { token, query: { userid: "st1" } })).status).toBe(2);
    await sim.api("user/update", { token, body: { userid: "st1", enable: 1 } });
    expect((await sim.api("user/get", { token, query: { userid: "st1" } })).status).toBe(1);
    await sim.ctl("POST", "wechat-users/wx-st1/exit", { corpid: corp.corpid });
    expect((await sim.api("user/get", { token, query: { userid: "st1" } })).status).toBe(5);
  });

  it("deletes a member (60111 afterwards) but never the creator (301005)", async () => {
    await createMember(sim, token, { userid: "boss", name: "创建者", mobile: "13800000140" });
    await createMember(sim, token, { userid: "del1", name: "删除", mobile: "13800000141" });
    expect(await sim.api("user/delete", { token, query: { userid: "del1" } })).toMatchObject({ errcode: 0 });
    expect((await sim.api("user/get", { token, query: { userid: "del1" } })).errcode).toBe(60111);
    expect((await sim.api("user/delete", { token, query: { userid: "boss" } })).errcode).toBe(301005);
  });

  it("batch-deletes at most 200 ids and fails the whole call on one unknown id", async () => {
    await createMember(sim, token, { userid: "bd1", name: "批1", mobile: "13800000150" });
    await createMember(sim, token, { userid: "bd2", name: "批2", mobile: "13800000151" });
    expect(await code("user/batchdelete", { useridlist: ["bd1", "nosuch"] })).toBe(40031);
    expect((await sim.api("user/get", { token, query: { userid: "bd1" } })).errcode).toBe(0);
    expect(await code("user/batchdelete", { useridlist: Array.from({ length: 201 }, (_, i) => `x${i}`) })).toBe(40032);
    expect(await code("user/batchdelete", { useridlist: ["bd1", "bd2"] })).toBe(0);
    expect((await sim.api("user/get", { token, query: { userid: "bd2" } })).errcode).toBe(60111);
  });

  it("hides mobile and email from an app token and refuses members outside the app's visible range (60011)", async () => {
    const dept = await sim.api("department/create", { token, body: { name: "可见学院", parentid: 1 } });
    const other = await sim.api("department/create", { token, body: { name: "不可见学院", parentid: 1 } });
    await createMember(sim, token, { userid: "vis1", name: "可见", mobile: "13800000160", department: [dept.id] });
    await createMember(sim, token, { userid: "hid1", name: "不可见", mobile: "13800000161", department: [other.id] });
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.agentid}`, { visibleDepartments: [dept.id] });
    const appToken = await tokenFor(sim, corp.corpid, corp.appSecret);
    const seen = await sim.api("user/get", { token: appToken, query: { userid: "vis1" } });
    expect(seen).toMatchObject({ errcode: 0, userid: "vis1", name: "可见" });
    expect(seen).not.toHaveProperty("mobile");
    expect((await sim.api("user/get", { token: appToken, query: { userid: "hid1" } })).errcode).toBe(60011);
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.agentid}`, { visibleDepartments: [1] });
  });

  it("lists members of a department (simplelist, list) and all userids (list_id) with a cursor", async () => {
    const simple = await sim.api("user/simplelist", { token, query: { department_id: "1", fetch_child: "1" } });
    expect(simple.errcode).toBe(0);
    expect((simple.userlist as { userid: string }[]).map((u) => u.userid)).toContain("s2024001");
    const page1 = await sim.api("user/list_id", { token, body: { limit: 2 } });
    expect(page1.dept_user).toHaveLength(2);
    expect(page1.next_cursor).not.toBe("");
    const page2 = await sim.api("user/list_id", { token, body: { cursor: page1.next_cursor, limit: 2 } });
    expect((page2.dept_user as { userid: string }[])[0]?.userid).not.toBe((page1.dept_user as { userid: string }[])[0]?.userid);
  });

  it("answers 48009 to directory reads of a contact-sync secret once its IP is a new one (contactSyncLegacyIp false)", async () => {
    await sim.ctl("PATCH", `corps/${corp.corpid}`, { contactSyncLegacyIp: false });
    expect((await sim.api("user/get", { token, query: { userid: "s2024001" } })).errcode).toBe(48009);
    expect((await sim.api("user/list_id", { token, body: {} })).errcode).toBe(0);
    await sim.ctl("PATCH", `corps/${corp.corpid}`, { contactSyncLegacyIp: true });
    expect((await sim.api("user/get", { token, query: { userid: "s2024001" } })).errcode).toBe(0);
  });
});

describe("WeCom simulator: user/getuserid", () => {
  it("finds the userid of a mobile and answers 46004 for one not in the directory", async () => {
    expect(await sim.api("user/getuserid", { token, body: { mobile: "13800000001" } })).toMatchObject({ errcode: 0, userid: "s2024001" });
    expect(await sim.api("user/getuserid", { token, body: { mobile: "+86 13800000001" } })).toMatchObject({
      errcode: 0,
      userid: "s2024001",
    });
    expect((await sim.api("user/getuserid", { token, body: { mobile: "13999999999" } })).errcode).toBe(46004);
  });

  it("blocks getuserid for the rest of the day (45009) once misses pass 20 % of the headcount", async () => {
    const own = await startSim();
    try {
      const c = await makeCorp(own);
      const t = await tokenFor(own, c.corpid, c.contactSecret);
      for (let i = 0; i < 10; i++) await createMember(own, t, { userid: `m${i}`, name: `成员${i}`, mobile: `1380000020${i}` });
      // 20 % of 10 members = 2 misses allowed; the third is over budget.
      for (let i = 0; i < 3; i++)
        expect((await own.api("user/getuserid", { token: t, body: { mobile: `1399999999${i}` } })).errcode).toBe(46004);
      expect((await own.api("user/getuserid", { token: t, body: { mobile: "13800000200" } })).errcode).toBe(45009);
      await own.ctl("POST", "clock/advance", { seconds: 86_400 });
      const fresh = await tokenFor(own, c.corpid, c.contactSecret);
      expect((await own.api("user/getuserid", { token: fresh, body: { mobile: "13800000200" } })).errcode).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe("WeCom simulator: departments", () => {
  it("creates, reads, updates and deletes a department with WeCom's answers", async () => {
    const created = await sim.api("department/create", { token, body: { name: "计算机学院", parentid: 1, order: 5 } });
    expect(created).toMatchObject({ errcode: 0, errmsg: "created" });
    const id = created.id as number;
    expect(await sim.api("department/get", { token, query: { id: String(id) } })).toMatchObject({
      department: { id, name: "计算机学院", parentid: 1, order: 5 },
    });
    expect(await sim.api("department/update", { token, body: { id, name: "计算机科学学院" } })).toMatchObject({
      errcode: 0,
      errmsg: "updated",
    });
    const list = await sim.api("department/list", { token, query: { id: String(id) } });
    expect(list.department).toEqual([expect.objectContaining({ id, name: "计算机科学学院", order: 5 })]);
    const simple = await sim.api("department/simplelist", { token });
    expect(simple.department_id).toEqual(
      expect.arrayContaining([
        { id: 1, parentid: 0, order: expect.any(Number) as number },
        { id, parentid: 1, order: 5 },
      ]),
    );
    expect(await sim.api("department/delete", { token, query: { id: String(id) } })).toMatchObject({ errcode: 0, errmsg: "deleted" });
    expect((await sim.api("department/get", { token, query: { id: String(id) } })).errcode).toBe(60003);
  });

  it("applies the department rules: 60001 name, 60009 characters, 60004 parent, 60008 duplicates, 60123 id, 60010 cycles", async () => {
    expect(await code("department/create", { name: "", parentid: 1 })).toBe(60001);
    expect(await code("department/create", { name: "名".repeat(65), parentid: 1 })).toBe(60001);
    expect(await code("department/create", { name: "a*b", parentid: 1 })).toBe(60009);
    expect(await code("department/create", { name: "孤儿", parentid: 9999 })).toBe(60004);
    expect(await code("department/create", { name: "指定", parentid: 1, id: 1 })).toBe(60123);
    const a = await sim.api("department/create", { token, body: { name: "外国语学院", parentid: 1, id: 500 } });
    expect(a).toMatchObject({ errcode: 0, id: 500 });
    expect(await code("department/create", { name: "外国语学院", parentid: 1 })).toBe(60008);
    expect(await code("department/create", { name: "另一个", parentid: 1, id: 500 })).toBe(60008);
    const child = await sim.api("department/create", { token, body: { name: "英语系", parentid: 500 } });
    expect(await code("department/update", { id: 500, parentid: child.id })).toBe(60010);
    expect(await code("department/update", { id: 123456, name: "x" })).toBe(60003);
  });

  it("refuses to delete the root (60007), a department with children (60006) or with members (60005)", async () => {
    expect((await sim.api("department/delete", { token, query: { id: "1" } })).errcode).toBe(60007);
    const parent = await sim.api("department/create", { token, body: { name: "有子部门", parentid: 1 } });
    await sim.api("department/create", { token, body: { name: "子部门", parentid: parent.id } });
    expect((await sim.api("department/delete", { token, query: { id: String(parent.id) } })).errcode).toBe(60006);
    const withMember = await sim.api("department/create", { token, body: { name: "有成员", parentid: 1 } });
    await createMember(sim, token, { userid: "dm1", name: "部门成员", mobile: "13800000170", department: [withMember.id] });
    expect((await sim.api("department/delete", { token, query: { id: String(withMember.id) } })).errcode).toBe(60005);
  });

  it("stops at 15 levels of departments (81002)", async () => {
    let parent = 1;
    for (let level = 2; level <= 15; level++) {
      const d = await sim.api("department/create", { token, body: { name: `层${level}`, parentid: parent } });
      expect(d.errcode).toBe(0);
      parent = d.id as number;
    }
    expect(await code("department/create", { name: "层16", parentid: parent })).toBe(81002);
  });

  it("refuses department writes with an app token (48002)", async () => {
    const appToken = await tokenFor(sim, corp.corpid, corp.appSecret);
    expect((await sim.api("department/create", { token: appToken, body: { name: "应用建的", parentid: 1 } })).errcode).toBe(48002);
  });
});
