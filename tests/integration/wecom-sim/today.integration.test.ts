// WeCom as a corp set up today sees it (reference §7.5): the simulator's defaults. 48009 for the
// contact-sync token's detail reads, 企业可信IP (60020) with its prerequisite and delay, app reads
// without personal fields, contact sync off / read-only (48002), agent/get, and the legacy
// settings that turn each rule off for tests about the old behaviour.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, makeCorp, startSim, type TestSim, tokenFor, uniqueId } from "./helpers";

let sim: TestSim;
/** A callback URL that answers 200; what was sent is read back from the simulator's delivery log (plaintext). */
let receiver: Server;
let callbackUrl: string;
beforeAll(async () => {
  sim = await startSim();
  receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end(""));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb`;
});
afterAll(async () => {
  await sim.close();
  await new Promise((resolve) => receiver.close(resolve));
});

let seq = 0;
const newPhone = () => `135${String(Date.now() % 100_000).padStart(5, "0")}${String(seq++).padStart(3, "0")}`;

describe("WeCom simulator today: the contact-sync token from a new IP (48009)", () => {
  it("answers 48009 to user/get, user/list, user/simplelist and department/list by default", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    await createMember(sim, token, { userid: "n1", name: "新IP", mobile: newPhone() });
    expect((await sim.api("user/get", { token, query: { userid: "n1" } })).errcode).toBe(48009);
    expect((await sim.api("user/list", { token, query: { department_id: "1" } })).errcode).toBe(48009);
    expect((await sim.api("user/simplelist", { token, query: { department_id: "1" } })).errcode).toBe(48009);
    expect((await sim.api("department/list", { token })).errcode).toBe(48009);
  });

  it("still answers user/list_id, department/simplelist, department/get, user/getuserid, the join QR and writes", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const mobile = newPhone();
    await createMember(sim, token, { userid: "n2", name: "仍可", mobile });
    expect(await sim.api("user/list_id", { token, body: {} })).toMatchObject({ errcode: 0, dept_user: [{ userid: "n2", department: 1 }] });
    expect(await sim.api("department/simplelist", { token })).toMatchObject({ errcode: 0, department_id: [{ id: 1, parentid: 0 }] });
    expect(await sim.api("department/get", { token, query: { id: "1" } })).toMatchObject({ errcode: 0, department: { id: 1 } });
    expect(await sim.api("user/getuserid", { token, body: { mobile } })).toMatchObject({ errcode: 0, userid: "n2" });
    expect((await sim.api("corp/get_join_qrcode", { token })).errcode).toBe(0);
    expect((await sim.api("user/update", { token, body: { userid: "n2", name: "改名" } })).errcode).toBe(0);
    expect((await sim.api("user/delete", { token, query: { userid: "n2" } })).errcode).toBe(0);
  });

  it("reads member details with the contact-sync token of a legacy corp (contactSyncLegacyIp)", async () => {
    const corp = await makeCorp(sim, { contactSyncLegacyIp: true });
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const mobile = newPhone();
    await createMember(sim, token, { userid: "l1", name: "旧IP", mobile });
    expect(await sim.api("user/get", { token, query: { userid: "l1" } })).toMatchObject({ errcode: 0, mobile });
    expect((await sim.api("department/list", { token })).errcode).toBe(0);
  });
});

describe("WeCom simulator today: app reads without personal fields", () => {
  it("gives an app created today status but no mobile, email, gender, avatar or address", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    await createMember(sim, token, {
      userid: "p1",
      name: "隐私",
      mobile: newPhone(),
      email: "p1@campus.example",
      gender: "2",
      address: "上海",
    });
    const app = await tokenFor(sim, corp.corpid, corp.assistantSecret);
    const seen = await sim.api("user/get", { token: app, query: { userid: "p1" } });
    expect(seen).toMatchObject({ errcode: 0, userid: "p1", name: "隐私", status: 4 });
    for (const field of ["mobile", "email", "gender", "avatar", "thumb_avatar", "address"]) expect(seen).not.toHaveProperty(field);
    const listed = await sim.api("user/list", { token: app, query: { department_id: "1" } });
    expect((listed.userlist as Record<string, unknown>[])[0]).not.toHaveProperty("mobile");
  });

  it("gives a legacy app (created before 2022-06-20) the full fields and no IP restriction", async () => {
    const corp = await makeCorp(sim, {}, { trustedIps: false });
    await sim.ctl("PATCH", `corps/${corp.corpid}`, { contactIpRestricted: false });
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const mobile = newPhone();
    await createMember(sim, token, { userid: "g1", name: "旧应用", mobile, email: "g1@campus.example" });
    const app = await tokenFor(sim, corp.corpid, corp.appSecret);
    expect((await sim.api("user/get", { token: app, query: { userid: "g1" } })).errcode).toBe(60020);
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.agentid}`, { legacy: true });
    expect(await sim.api("user/get", { token: app, query: { userid: "g1" } })).toMatchObject({
      errcode: 0,
      mobile,
      email: "g1@campus.example",
      gender: "0",
      status: 4,
    });
  });
});

describe("WeCom simulator today: 企业可信IP (60020)", () => {
  it("answers 60020, naming the caller's IP, to app and contact-sync tokens from an untrusted IP, but issues their tokens", async () => {
    const corp = await makeCorp(sim, {}, { trustedIps: false });
    const contacts = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const app = await tokenFor(sim, corp.corpid, corp.assistantSecret);
    const fromContacts = await sim.api("user/list_id", { token: contacts, body: {} });
    expect(fromContacts.errcode).toBe(60020);
    expect(fromContacts.errmsg).toContain("from ip: 127.0.0.1");
    expect(
      (await sim.api("user/create", { token: contacts, body: { userid: "ip1", name: "甲", mobile: newPhone(), department: [1] } })).errcode,
    ).toBe(60020);
    const fromApp = await sim.api("message/send", {
      token: app,
      body: { touser: "@all", msgtype: "text", agentid: corp.assistantAgentid, text: { content: "x" } },
    });
    expect(fromApp.errcode).toBe(60020);
    expect(fromApp.errmsg).toContain("from ip: 127.0.0.1");
    expect((await sim.api("agent/get", { token: app, query: { agentid: String(corp.assistantAgentid) } })).errcode).toBe(60020);
  });

  it("applies a trusted-IP list set in the console only after trustedIpApplySeconds (60 s)", async () => {
    const corp = await makeCorp(sim, {}, { trustedIps: false });
    const contacts = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const app = await tokenFor(sim, corp.corpid, corp.assistantSecret);
    const agentGet = () => sim.api("agent/get", { token: app, query: { agentid: String(corp.assistantAgentid) } });
    const { now } = await sim.ctl<{ now: number }>("GET", "clock");
    const set = await sim.ctl<{ ips: string[]; effectiveAt: number }>("PUT", `corps/${corp.corpid}/trusted-ips/${corp.assistantAgentid}`, {
      ips: ["127.0.0.1", "::1"],
    });
    expect(set.ips).toEqual(["127.0.0.1", "::1"]);
    expect(set.effectiveAt).toBeGreaterThanOrEqual(now + 60_000);
    await sim.ctl("PUT", `corps/${corp.corpid}/trusted-ips/contacts`, { ips: ["127.0.0.1"] });
    await sim.ctl("POST", "clock/advance", { seconds: 30 });
    expect((await agentGet()).errcode).toBe(60020);
    expect((await sim.api("user/list_id", { token: contacts, body: {} })).errcode).toBe(60020);
    await sim.ctl("POST", "clock/advance", { seconds: 31 });
    expect((await agentGet()).errcode).toBe(0);
    expect((await sim.api("user/list_id", { token: contacts, body: {} })).errcode).toBe(0);
    // The other app still trusts nobody.
    const other = await tokenFor(sim, corp.corpid, corp.appSecret);
    expect((await sim.api("agent/get", { token: other, query: { agentid: String(corp.agentid) } })).errcode).toBe(60020);
  });

  it("takes effect at once when the delay is set to 0, and a list without the caller's IP shuts it out again", async () => {
    const own = await startSim();
    try {
      const corp = await makeCorp(own);
      await own.ctl("POST", "limits", { trustedIpApplySeconds: 0 });
      const contacts = await tokenFor(own, corp.corpid, corp.contactSecret);
      expect((await own.api("user/list_id", { token: contacts, body: {} })).errcode).toBe(0);
      await own.ctl("PUT", `corps/${corp.corpid}/trusted-ips/contacts`, { ips: ["203.0.113.7"] });
      expect((await own.api("user/list_id", { token: contacts, body: {} })).errcode).toBe(60020);
    } finally {
      await own.close();
    }
  });

  it("refuses trusted IPs for an app with neither a trusted domain nor a callback URL, as the console does", async () => {
    const corp = await makeCorp(sim, {}, { trustedIps: false });
    const bare = await sim.ctl<{ agentid: number }>("POST", `corps/${corp.corpid}/apps`, { name: "裸应用" });
    expect(await sim.control("PUT", `corps/${corp.corpid}/trusted-ips/${bare.agentid}`, { ips: ["127.0.0.1"] })).toEqual({
      status: 409,
      json: { error: "trusted_ip_prerequisite", message: "请先配置可信域名或设置接收消息服务器URL" },
    });
    expect((await sim.control("POST", `corps/${corp.corpid}/apps`, { name: "也裸", trustedIps: ["127.0.0.1"] })).status).toBe(400);
    expect((await sim.control("PATCH", `corps/${corp.corpid}/apps/${bare.agentid}`, { trustedIps: ["127.0.0.1"] })).status).toBe(400);
    await sim.ctl("PUT", `corps/${corp.corpid}/callbacks/${bare.agentid}`, { url: "https://campus.example/cb", token: "Tok1" });
    expect((await sim.control("PUT", `corps/${corp.corpid}/trusted-ips/${bare.agentid}`, { ips: ["127.0.0.1"] })).status).toBe(200);
    expect((await sim.control("PUT", `corps/${corp.corpid}/trusted-ips/${bare.agentid}`, { ips: ["not-an-ip"] })).status).toBe(400);
  });
});

describe("WeCom simulator today: contact sync off or read-only (48002)", () => {
  it("answers 48002 to every call of the contact-sync token when sync is off, a token issued before included, and gettoken still works", async () => {
    const corp = await makeCorp(sim);
    const before = await tokenFor(sim, corp.corpid, corp.contactSecret);
    await sim.ctl("PATCH", `corps/${corp.corpid}`, { contactSync: "off" });
    expect((await sim.api("user/list_id", { token: before, body: {} })).errcode).toBe(48002);
    expect(
      (await sim.api("user/create", { token: before, body: { userid: "o1", name: "关", mobile: newPhone(), department: [1] } })).errcode,
    ).toBe(48002);
    expect((await sim.api("department/simplelist", { token: before })).errcode).toBe(48002);
    const fresh = await sim.api("gettoken", { query: { corpid: corp.corpid, corpsecret: corp.contactSecret } });
    expect(fresh.errcode).toBe(0);
    expect((await sim.api("user/list_id", { token: fresh.access_token as string, body: {} })).errcode).toBe(48002);
  });

  it("answers 48002 to writes only when the contact-sync API is read-only", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    await createMember(sim, token, { userid: "ro1", name: "只读", mobile: newPhone() });
    await sim.ctl("PATCH", `corps/${corp.corpid}`, { contactSync: "readOnly" });
    expect((await sim.api("user/list_id", { token, body: {} })).errcode).toBe(0);
    expect((await sim.api("department/simplelist", { token })).errcode).toBe(0);
    expect(
      (await sim.api("user/create", { token, body: { userid: "ro2", name: "乙", mobile: newPhone(), department: [1] } })).errcode,
    ).toBe(48002);
    expect((await sim.api("user/update", { token, body: { userid: "ro1", name: "改" } })).errcode).toBe(48002);
    expect((await sim.api("user/delete", { token, query: { userid: "ro1" } })).errcode).toBe(48002);
    expect((await sim.api("department/create", { token, body: { name: "院", parentid: 1 } })).errcode).toBe(48002);
    const summary = (await sim.ctl<{ corpid: string; contactSync: string }[]>("GET", "corps")).find((c) => c.corpid === corp.corpid);
    expect(summary?.contactSync).toBe("readOnly");
  });
});

describe("WeCom simulator today: agent/get (90227)", () => {
  it("answers the app's own settings with its visible range, and refuses another app (301002), an unknown one (40056) and the contact-sync token (48002)", async () => {
    const corp = await makeCorp(sim);
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.assistantAgentid}`, { visibleDepartments: [1], visibleUsers: ["teacher1"] });
    const app = await tokenFor(sim, corp.corpid, corp.assistantSecret);
    expect(await sim.api("agent/get", { token: app, query: { agentid: String(corp.assistantAgentid) } })).toMatchObject({
      errcode: 0,
      agentid: corp.assistantAgentid,
      name: "身份认证小助手",
      allow_partys: { partyid: [1] },
      allow_userinfos: { user: [{ userid: "teacher1" }] },
      allow_tags: { tagid: [] },
      close: 0,
      redirect_domain: "campus.example",
    });
    expect((await sim.api("agent/get", { token: app, query: { agentid: String(corp.agentid) } })).errcode).toBe(301002);
    expect((await sim.api("agent/get", { token: app, query: { agentid: "42" } })).errcode).toBe(40056);
    expect((await sim.api("agent/get", { token: app })).errcode).toBe(40056);
    const contacts = await tokenFor(sim, corp.corpid, corp.contactSecret);
    expect((await sim.api("agent/get", { token: contacts, query: { agentid: String(corp.assistantAgentid) } })).errcode).toBe(48002);
  });
});

describe("WeCom simulator today: directory rules for activated members", () => {
  type DirectoryMember = { userid: string; mobile: string | null; email: string | null; name: string };
  const directoryMember = async (corpid: string, userid: string) =>
    (await sim.ctl<{ members: DirectoryMember[] }>("GET", `corps/${corpid}/directory`)).members.find((m) => m.userid === userid);

  async function activated(corpid: string, token: string, extra: Record<string, unknown> = {}) {
    const mobile = newPhone();
    const userid = uniqueId("act");
    await createMember(sim, token, { userid, name: "已激活", mobile, ...extra });
    const wx = uniqueId("wx");
    await sim.ctl("POST", "wechat-users", { id: wx, name: "微信", phone: mobile });
    await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid });
    return { userid, mobile, wx };
  }

  it("ignores a new mobile for an activated member (errcode 0, number unchanged) but applies the rest, and applies it for a pending one", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const { userid, mobile } = await activated(corp.corpid, token);
    const next = newPhone();
    expect(await sim.api("user/update", { token, body: { userid, mobile: next, name: "新名字" } })).toMatchObject({
      errcode: 0,
      errmsg: "updated",
    });
    expect(await directoryMember(corp.corpid, userid)).toMatchObject({ mobile, name: "新名字" });
    const pending = uniqueId("pen");
    await createMember(sim, token, { userid: pending, name: "未激活", mobile: newPhone() });
    const other = newPhone();
    expect((await sim.api("user/update", { token, body: { userid: pending, mobile: other } })).errcode).toBe(0);
    expect(await directoryMember(corp.corpid, pending)).toMatchObject({ mobile: other });
  });

  it("also ignores the mobile of a member who followed and awaits second verification (status 4)", async () => {
    const corp = await makeCorp(sim, { secondVerificationUrl: "https://campus.example/verify" });
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const { userid, mobile } = await activated(corp.corpid, token);
    const app = await tokenFor(sim, corp.corpid, corp.appSecret);
    expect((await sim.api("user/get", { token: app, query: { userid } })).status).toBe(4);
    expect((await sim.api("user/update", { token, body: { userid, mobile: newPhone() } })).errcode).toBe(0);
    expect(await directoryMember(corp.corpid, userid)).toMatchObject({ mobile });
  });

  it("lets the activated member change the mobile themself", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const { userid, wx } = await activated(corp.corpid, token);
    const next = newPhone();
    expect(await sim.ctl("POST", `wechat-users/${wx}/mobile`, { corpid: corp.corpid, mobile: next })).toEqual({ userid, mobile: next });
    expect(await directoryMember(corp.corpid, userid)).toMatchObject({ mobile: next });
  });

  it("ignores an activated member's new email only where the corp uses 腾讯企业邮 (exmail)", async () => {
    const plain = await makeCorp(sim);
    const plainToken = await tokenFor(sim, plain.corpid, plain.contactSecret);
    const a = await activated(plain.corpid, plainToken, { email: `${uniqueId("m")}@campus.example` });
    const newMail = `${uniqueId("n")}@campus.example`;
    expect((await sim.api("user/update", { token: plainToken, body: { userid: a.userid, email: newMail } })).errcode).toBe(0);
    expect(await directoryMember(plain.corpid, a.userid)).toMatchObject({ email: newMail });

    const exmail = await makeCorp(sim, { exmail: true });
    const exToken = await tokenFor(sim, exmail.corpid, exmail.contactSecret);
    const oldMail = `${uniqueId("m")}@campus.example`;
    const b = await activated(exmail.corpid, exToken, { email: oldMail });
    expect(
      (await sim.api("user/update", { token: exToken, body: { userid: b.userid, email: `${uniqueId("n")}@campus.example` } })).errcode,
    ).toBe(0);
    expect(await directoryMember(exmail.corpid, b.userid)).toMatchObject({ email: oldMail });
  });
});

describe("WeCom simulator today: invitations", () => {
  type Invitation = { userid: string; channel: string; notices: { at: number }[] };
  const invitationsOf = (corpid: string) => sim.ctl<Invitation[]>("GET", `corps/${corpid}/invitations`);
  const smsTo = async (phone: string) =>
    (await sim.ctl<{ text: string }[]>("GET", `sms?phone=${phone}`)).filter((s) => s.text.includes("邀请你加入企业微信"));

  it("invites a member created without to_invite (it defaults to true), and not one created with to_invite false", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const invitedPhone = newPhone();
    await createMember(sim, token, { userid: "ti1", name: "默认", mobile: invitedPhone });
    await createMember(sim, token, { userid: "ti2", name: "不邀", mobile: newPhone(), to_invite: false });
    const invitations = await invitationsOf(corp.corpid);
    expect(invitations).toEqual([
      expect.objectContaining({ userid: "ti1", channel: "sms", notices: [expect.objectContaining({ at: expect.any(Number) as unknown })] }),
    ]);
    expect(await smsTo(invitedPhone)).toHaveLength(1);
  });

  it("invites a member once: batch/invite again answers 0 and sends nothing new", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    const phone = newPhone();
    await createMember(sim, token, { userid: "once1", name: "一次", mobile: phone, to_invite: false });
    expect((await sim.api("batch/invite", { token, body: { user: ["once1"] } })).errcode).toBe(0);
    expect((await sim.api("batch/invite", { token, body: { user: ["once1"] } })).errcode).toBe(0);
    expect(await invitationsOf(corp.corpid)).toHaveLength(1);
    expect(await smsTo(phone)).toHaveLength(1);
  });

  it("sends one notice at once and one a day after, 3 in all, as the clock passes, and none to a member who joined", async () => {
    const own = await startSim();
    try {
      const corp = await makeCorp(own);
      const token = await tokenFor(own, corp.corpid, corp.contactSecret);
      const phone = newPhone();
      const joinerPhone = newPhone();
      await createMember(own, token, { userid: "day1", name: "三天", mobile: phone });
      await createMember(own, token, { userid: "day2", name: "加入", mobile: joinerPhone });
      await own.ctl("POST", "wechat-users", { id: "wxjoin", name: "加入微信", phone: joinerPhone });
      await own.ctl("POST", "wechat-users/wxjoin/follow", { corpid: corp.corpid });
      const notices = async () =>
        Object.fromEntries(
          (await own.ctl<Invitation[]>("GET", `corps/${corp.corpid}/invitations`)).map((i) => [i.userid, i.notices.length]),
        );
      const sms = async () => (await own.ctl<{ text: string }[]>("GET", `sms?phone=${phone}`)).length;
      expect(await notices()).toEqual({ day1: 1, day2: 1 });
      await own.ctl("POST", "clock/advance", { seconds: 86_400 - 60 });
      expect(await notices()).toEqual({ day1: 1, day2: 1 });
      await own.ctl("POST", "clock/advance", { seconds: 60 });
      expect(await notices()).toEqual({ day1: 2, day2: 1 });
      await own.ctl("POST", "clock/advance", { seconds: 86_400 });
      expect(await notices()).toEqual({ day1: 3, day2: 1 });
      await own.ctl("POST", "clock/advance", { seconds: 5 * 86_400 });
      expect(await notices()).toEqual({ day1: 3, day2: 1 });
      expect(await sms()).toBe(3);
    } finally {
      await own.close();
    }
  });
});

describe("WeCom simulator today: message/send", () => {
  it("truncates a text over 2048 bytes at a character boundary instead of refusing it (700 汉字 = 2100 bytes)", async () => {
    const corp = await makeCorp(sim);
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    await createMember(sim, token, { userid: "long1", name: "长文", mobile: newPhone() });
    const app = await tokenFor(sim, corp.corpid, corp.appSecret);
    const texts = ["汉".repeat(700), `a${"字".repeat(700)}`, `ab${"😀".repeat(600)}`];
    for (const original of texts) {
      const answer = await sim.api("message/send", {
        token: app,
        body: { touser: "long1", msgtype: "text", agentid: corp.agentid, text: { content: original } },
      });
      expect(answer.errcode).toBe(0);
      const delivered = (await sim.ctl<{ msgid: string; content: { content: string } }[]>("GET", `corps/${corp.corpid}/messages`)).find(
        (m) => m.msgid === answer.msgid,
      );
      const content = delivered?.content.content ?? "";
      expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
      expect(Buffer.byteLength(content)).toBeGreaterThan(2044);
      expect(content).not.toContain("\uFFFD");
      expect(original.startsWith(content)).toBe(true);
    }
    const exact = "汉".repeat(682);
    const fits = await sim.api("message/send", {
      token: app,
      body: { touser: "long1", msgtype: "text", agentid: corp.agentid, text: { content: exact } },
    });
    const kept = (await sim.ctl<{ msgid: string; content: { content: string } }[]>("GET", `corps/${corp.corpid}/messages`)).find(
      (m) => m.msgid === fits.msgid,
    );
    expect(kept?.content.content).toBe(exact);
  });
});

describe("WeCom simulator today: callbacks", () => {
  type Delivery = { agent: number | "contacts"; kind: string; message: string };
  const xmlValue = (xml: string, name: string) => new RegExp(`<${name}>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</${name}>`).exec(xml)?.[1];
  async function deliveries(corpid: string): Promise<Delivery[]> {
    await sim.ctl("POST", "callbacks/idle");
    return sim.ctl<Delivery[]>("GET", `callbacks?corpid=${corpid}`);
  }
  /** A today-style corp whose contact-sync assistant and assistant app both call back (the contact callback configured today). */
  async function wiredCorp(contactCallback: Record<string, unknown> = {}) {
    const corp = await makeCorp(sim);
    await sim.ctl("PUT", `corps/${corp.corpid}/callbacks/contacts`, { url: callbackUrl, token: "ContactTok", ...contactCallback });
    await sim.ctl("PUT", `corps/${corp.corpid}/callbacks/${corp.assistantAgentid}`, { url: callbackUrl, token: "AppTok" });
    const token = await tokenFor(sim, corp.corpid, corp.contactSecret);
    return { corp, token };
  }

  it("does not call back the assistant's own user/create, while a member the admin adds in the console arrives with UserID and Department only", async () => {
    const { corp, token } = await wiredCorp();
    await createMember(sim, token, { userid: "api1", name: "接口", mobile: newPhone() });
    await sim.ctl("POST", `corps/${corp.corpid}/console/members`, { userid: "con1", name: "后台", mobile: newPhone(), department: [1] });
    const contact = (await deliveries(corp.corpid)).filter((d) => d.agent === "contacts");
    expect(contact.map((d) => [d.kind, xmlValue(d.message, "UserID")])).toEqual([["create_user", "con1"]]);
    const message = contact[0]?.message ?? "";
    expect(xmlValue(message, "Department")).toBe("1");
    for (const field of ["Name", "Mobile", "Status", "Email", "Gender"]) expect(message).not.toContain(`<${field}>`);
  });

  it("sends no contact event for a follow, an unfollow, an exit or a new name or mobile; the assistant app hears subscribe / unsubscribe", async () => {
    const { corp, token } = await wiredCorp();
    const mobile = newPhone();
    await createMember(sim, token, { userid: "quiet1", name: "安静", mobile });
    await sim.ctl("POST", "wechat-users", { id: "wxquiet1", name: "微信", phone: mobile });
    await sim.ctl("POST", "wechat-users/wxquiet1/follow", { corpid: corp.corpid });
    await sim.ctl("PATCH", `corps/${corp.corpid}/console/members/quiet1`, { name: "改名" });
    await sim.ctl("POST", "wechat-users/wxquiet1/unfollow", { corpid: corp.corpid });
    await sim.ctl("POST", "wechat-users/wxquiet1/follow", { corpid: corp.corpid });
    await sim.ctl("POST", "wechat-users/wxquiet1/mobile", { corpid: corp.corpid, mobile: newPhone() });
    await sim.ctl("POST", "wechat-users/wxquiet1/exit", { corpid: corp.corpid });
    const all = await deliveries(corp.corpid);
    expect(all.filter((d) => d.agent === "contacts")).toEqual([]);
    expect(all.filter((d) => d.agent === corp.assistantAgentid).map((d) => [d.kind, xmlValue(d.message, "FromUserName")])).toEqual([
      ["subscribe", "quiet1"],
      ["unsubscribe", "quiet1"],
      ["subscribe", "quiet1"],
      ["unsubscribe", "quiet1"],
    ]);
  });

  it("sends update_user when the console moves a member to another department, with UserID and Department only", async () => {
    const { corp, token } = await wiredCorp();
    const dept = await sim.api("department/create", { token, body: { name: "新学院", parentid: 1 } });
    await createMember(sim, token, { userid: "move1", name: "调动", mobile: newPhone() });
    await sim.ctl("PATCH", `corps/${corp.corpid}/console/members/move1`, { department: [dept.id] });
    const contact = (await deliveries(corp.corpid)).filter((d) => d.agent === "contacts");
    expect(contact.map((d) => [d.kind, xmlValue(d.message, "UserID"), xmlValue(d.message, "Department")])).toEqual([
      ["update_user", "move1", String(dept.id)],
    ]);
    expect(contact[0]?.message).not.toContain("<Name>");
  });

  it("sends a restricted callback update_party only when a department's parent changes, with Id and ParentId", async () => {
    const { corp, token } = await wiredCorp({ echoOwnApiChanges: true });
    const a = await sim.api("department/create", { token, body: { name: "甲院", parentid: 1 } });
    const b = await sim.api("department/create", { token, body: { name: "乙院", parentid: 1 } });
    await sim.api("department/update", { token, body: { id: b.id, name: "乙院改名" } });
    await sim.api("department/update", { token, body: { id: b.id, parentid: a.id } });
    const updates = (await deliveries(corp.corpid)).filter((d) => d.kind === "update_party");
    expect(updates.map((d) => [xmlValue(d.message, "Id"), xmlValue(d.message, "ParentId")])).toEqual([[String(b.id), String(a.id)]]);
    expect(updates[0]?.message).not.toContain("<Name>");
  });

  it("echoes the assistant's own writes only when asked to (echoOwnApiChanges), and a full callback still hears a follow", async () => {
    const { corp, token } = await wiredCorp({ fieldSet: "full", echoOwnApiChanges: true });
    const mobile = newPhone();
    await createMember(sim, token, { userid: "echo1", name: "回声", mobile });
    await sim.ctl("POST", "wechat-users", { id: "wxecho1", name: "微信", phone: mobile });
    await sim.ctl("POST", "wechat-users/wxecho1/follow", { corpid: corp.corpid });
    const contact = (await deliveries(corp.corpid)).filter((d) => d.agent === "contacts");
    expect(contact.map((d) => [d.kind, xmlValue(d.message, "Status")])).toEqual([
      ["create_user", "4"],
      ["update_user", "1"],
    ]);
  });

  it("sends subscribe / unsubscribe to an app whose visible range gains or loses an activated member (range or department changed), and nothing for one not activated", async () => {
    const { corp, token } = await wiredCorp();
    const dept = await sim.api("department/create", { token, body: { name: "可见", parentid: 1 } });
    const other = await sim.api("department/create", { token, body: { name: "另一个", parentid: 1 } });
    const mobile = newPhone();
    await createMember(sim, token, { userid: "vr1", name: "范围", mobile, department: [dept.id] });
    await createMember(sim, token, { userid: "vr2", name: "未激活", mobile: newPhone(), department: [dept.id] });
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.assistantAgentid}`, { visibleDepartments: [other.id] });
    await sim.ctl("POST", "wechat-users", { id: "wxvr1", name: "微信", phone: mobile });
    await sim.ctl("POST", "wechat-users/wxvr1/follow", { corpid: corp.corpid });
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.assistantAgentid}`, { visibleDepartments: [other.id, dept.id] });
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.assistantAgentid}`, { visibleDepartments: [other.id] });
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.assistantAgentid}`, { visibleUsers: ["vr1"] });
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.assistantAgentid}`, { visibleUsers: [] });
    // The member moves into the visible department and out again.
    await sim.api("user/update", { token, body: { userid: "vr1", department: [other.id] } });
    await sim.ctl("PATCH", `corps/${corp.corpid}/console/members/vr1`, { department: [dept.id] });
    const app = (await deliveries(corp.corpid)).filter((d) => d.agent === corp.assistantAgentid);
    expect(app.map((d) => [d.kind, xmlValue(d.message, "FromUserName"), xmlValue(d.message, "AgentID")])).toEqual([
      ["subscribe", "vr1", String(corp.assistantAgentid)],
      ["unsubscribe", "vr1", String(corp.assistantAgentid)],
      ["subscribe", "vr1", String(corp.assistantAgentid)],
      ["unsubscribe", "vr1", String(corp.assistantAgentid)],
      ["subscribe", "vr1", String(corp.assistantAgentid)],
      ["unsubscribe", "vr1", String(corp.assistantAgentid)],
    ]);
  });
});

describe("WeCom simulator today: state files from before", () => {
  it("gives a corp kept in an older state file today's defaults, keeping a switched-off contact sync off", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wecom-sim-old-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await startSim({ stateFile });
      const corp = await makeCorp(first);
      await first.close();
      // Rewrite it as the simulator wrote it before: contactSyncEnabled / contactSyncNewIp, apps without trusted IPs.
      const state = JSON.parse(readFileSync(stateFile, "utf8")) as { corps: Record<string, unknown>[] };
      for (const c of state.corps) {
        for (const key of [
          "contactSync",
          "contactSyncLegacyIp",
          "contactIpRestricted",
          "contactTrustedIps",
          "contactTrustedIpsPending",
          "exmail",
        ])
          delete c[key];
        Object.assign(c, { contactSyncEnabled: false, contactSyncNewIp: true });
        for (const app of c.apps as Record<string, unknown>[])
          for (const key of ["legacy", "trustedIps", "trustedIpsPending"]) delete app[key];
      }
      writeFileSync(stateFile, JSON.stringify(state));
      const second = await startSim({ stateFile });
      try {
        const summary = (await second.ctl<Record<string, unknown>[]>("GET", "corps")).find((c) => c.corpid === corp.corpid);
        expect(summary).toMatchObject({
          contactSync: "off",
          contactSyncLegacyIp: false,
          contactIpRestricted: true,
          contactTrustedIps: [],
          exmail: false,
        });
        expect(summary?.apps).toEqual([
          expect.objectContaining({ legacy: false, trustedIps: [] }),
          expect.objectContaining({ legacy: false, trustedIps: [] }),
        ]);
        const app = await tokenFor(second, corp.corpid, corp.appSecret);
        expect((await second.api("agent/get", { token: app, query: { agentid: String(corp.agentid) } })).errcode).toBe(60020);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
