// OAuth code → userid (reference §3), second verification with user/authsucc and tfa_succ,
// invitations and the join QR (§4), and app messages into the member's inbox (§5).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, makeCorp, startSim, type TestCorp, type TestSim, tokenFor, uniqueId } from "./helpers";

let sim: TestSim;
let corp: TestCorp;
let contacts: string;
let app: string;
beforeAll(async () => {
  sim = await startSim();
  corp = await makeCorp(sim);
  contacts = await tokenFor(sim, corp.corpid, corp.contactSecret);
  app = await tokenFor(sim, corp.corpid, corp.appSecret);
});
afterAll(() => sim.close());

let seq = 0;
const newPhone = () => `136${String(Date.now() % 100_000).padStart(5, "0")}${String(seq++).padStart(3, "0")}`;

async function followingMember(c: TestCorp = corp, token = contacts): Promise<{ userid: string; wx: string }> {
  const phone = newPhone();
  const userid = uniqueId("s");
  await createMember(sim, token, { userid, name: "成员", mobile: phone });
  const wx = uniqueId("wx");
  await sim.ctl("POST", "wechat-users", { id: wx, name: "微信", phone });
  await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: c.corpid });
  return { userid, wx };
}

const authorizeUrl = (redirect: string, corpid = corp.corpid) =>
  `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${corpid}&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&scope=snsapi_base&state=abc123&agentid=${corp.agentid}#wechat_redirect`;

async function codeFor(wx: string, redirect = "https://campus.example/wecom/callback"): Promise<string> {
  const scanned = await sim.ctl<{ kind: string; location: string }>("POST", `wechat-users/${wx}/scan`, { url: authorizeUrl(redirect) });
  expect(scanned.kind).toBe("redirect");
  const location = new URL(scanned.location);
  expect(location.origin + location.pathname).toBe(redirect);
  expect(location.searchParams.get("state")).toBe("abc123");
  return location.searchParams.get("code") ?? "";
}

describe("WeCom simulator: OAuth", () => {
  it("redirects a following member to redirect_uri with a code that auth/getuserinfo turns into the userid", async () => {
    const { userid, wx } = await followingMember();
    const code = await codeFor(wx);
    expect(await sim.api("auth/getuserinfo", { token: app, query: { code } })).toEqual({ errcode: 0, errmsg: "ok", userid });
  });

  it("serves the authorize URL on its own origin for a browser whose WeChat user is the page's cookie", async () => {
    const { userid, wx } = await followingMember();
    const url = new URL("/connect/oauth2/authorize", sim.url);
    url.search = new URLSearchParams({
      appid: corp.corpid,
      redirect_uri: "http://localhost:3000/cb",
      response_type: "code",
      scope: "snsapi_base",
      state: "s1",
    }).toString();
    const response = await fetch(url, { redirect: "manual", headers: { cookie: `wxsim_user=${wx}` } });
    expect(response.status).toBe(302);
    const code = new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "";
    expect((await sim.api("auth/getuserinfo", { token: contacts, query: { code } })).userid).toBe(userid);
  });

  it("accepts a code once only (40029 the second time)", async () => {
    const { wx } = await followingMember();
    const code = await codeFor(wx);
    expect((await sim.api("auth/getuserinfo", { token: app, query: { code } })).errcode).toBe(0);
    expect((await sim.api("auth/getuserinfo", { token: app, query: { code } })).errcode).toBe(40029);
  });

  it("lets a code expire after 5 minutes (40029)", async () => {
    const { wx } = await followingMember();
    const code = await codeFor(wx);
    await sim.ctl("POST", "clock/advance", { seconds: 301 });
    const fresh = await tokenFor(sim, corp.corpid, corp.appSecret);
    expect((await sim.api("auth/getuserinfo", { token: fresh, query: { code } })).errcode).toBe(40029);
  });

  it("gives an openid, not a userid, for a WeChat user who is no member", async () => {
    const wx = uniqueId("wx");
    await sim.ctl("POST", "wechat-users", { id: wx, name: "路人", phone: newPhone() });
    const answer = await sim.api("auth/getuserinfo", { token: app, query: { code: await codeFor(wx) } });
    expect(answer).toMatchObject({ errcode: 0 });
    expect(answer).not.toHaveProperty("userid");
    expect(answer.openid).toMatch(/^o/);
  });

  it("answers the legacy user/getuserinfo with capitalised keys", async () => {
    const { userid, wx } = await followingMember();
    expect(await sim.api("user/getuserinfo", { token: app, query: { code: await codeFor(wx) } })).toMatchObject({
      errcode: 0,
      UserId: userid,
    });
  });

  it("refuses a code whose redirect_uri is not the app's trusted domain (50001)", async () => {
    const { wx } = await followingMember();
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.agentid}`, { trustedDomain: "ucas.campus.example" });
    const wrong = await codeFor(wx, "https://evil.example/cb");
    expect((await sim.api("auth/getuserinfo", { token: app, query: { code: wrong } })).errcode).toBe(50001);
    const right = await codeFor(wx, "https://ucas.campus.example/cb");
    expect((await sim.api("auth/getuserinfo", { token: app, query: { code: right } })).errcode).toBe(0);
    await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.agentid}`, { trustedDomain: "campus.example" });
  });
});

describe("WeCom simulator: second verification", () => {
  /** A corp that asks for 二次验证, and a member whose WeChat (phone matching) is ready to follow. */
  async function memberOfVerifyingCorp() {
    const c = await makeCorp(sim, { secondVerificationUrl: "https://uestc.campus.example/wecom/verify" });
    const t = await tokenFor(sim, c.corpid, c.contactSecret);
    // Status is read with an app token: the contact-sync token may not read members from a new IP (48009).
    const a = await tokenFor(sim, c.corpid, c.appSecret);
    const phone = newPhone();
    const userid = uniqueId("k");
    await createMember(sim, t, { userid, name: "考生", mobile: phone });
    const wx = uniqueId("wx");
    await sim.ctl("POST", "wechat-users", { id: wx, name: "考生微信", phone });
    return { c, t, a, userid, wx };
  }
  it("keeps a member who followed at status 4 until the product calls user/authsucc with the code's userid", async () => {
    const { c, t, a, userid, wx } = await memberOfVerifyingCorp();
    const followed = await sim.ctl<{ result: string; secondVerificationUrl: string }>("POST", `wechat-users/${wx}/follow`, {
      corpid: c.corpid,
    });
    expect(followed.result).toBe("followed");
    const link = new URL(followed.secondVerificationUrl);
    expect(link.origin + link.pathname).toBe("https://uestc.campus.example/wecom/verify");
    expect((await sim.api("user/get", { token: a, query: { userid } })).status).toBe(4);
    const view = await sim.ctl<{ apps: { name: string }[]; awaitingSecondVerification: boolean }>(
      "GET",
      `wechat-users/${wx}/corps/${c.corpid}`,
    );
    expect(view).toMatchObject({ awaitingSecondVerification: true, apps: [{ name: "身份认证小助手" }] });
    const who = await sim.api("auth/getuserinfo", { token: t, query: { code: link.searchParams.get("code") ?? "" } });
    expect(who.userid).toBe(userid);
    expect(await sim.api("user/authsucc", { token: t, query: { userid } })).toEqual({ errcode: 0, errmsg: "ok" });
    expect((await sim.api("user/get", { token: a, query: { userid } })).status).toBe(1);
    expect((await sim.ctl<{ apps: unknown[] }>("GET", `wechat-users/${wx}/corps/${c.corpid}`)).apps).toHaveLength(2);
  });

  it("also admits through auth/get_tfa_info + user/tfa_succ, refusing a wrong tfa_code (40207)", async () => {
    const { c, t, a, userid, wx } = await memberOfVerifyingCorp();
    const followed = await sim.ctl<{ secondVerificationUrl: string }>("POST", `wechat-users/${wx}/follow`, { corpid: c.corpid });
    const code = new URL(followed.secondVerificationUrl).searchParams.get("code");
    const info = await sim.api("auth/get_tfa_info", { token: t, body: { code } });
    expect(info).toMatchObject({ errcode: 0, userid });
    expect((await sim.api("user/tfa_succ", { token: t, body: { userid, tfa_code: "wrong" } })).errcode).toBe(40207);
    expect((await sim.api("user/tfa_succ", { token: t, body: { userid, tfa_code: info.tfa_code } })).errcode).toBe(0);
    expect((await sim.api("user/get", { token: a, query: { userid } })).status).toBe(1);
  });

  it("answers user/authsucc with 40210 where no second verification is configured, and 60111 for an unknown member", async () => {
    expect((await sim.api("user/authsucc", { token: contacts, query: { userid: "anyone" } })).errcode).toBe(40210);
    const c = await makeCorp(sim, { secondVerificationUrl: "https://x.example/v" });
    const t = await tokenFor(sim, c.corpid, c.contactSecret);
    expect((await sim.api("user/authsucc", { token: t, query: { userid: "nosuch" } })).errcode).toBe(60111);
  });
});

describe("WeCom simulator: invitations and the join QR code", () => {
  it("invites members, reporting invalid users, departments and tags as arrays", async () => {
    const phone = newPhone();
    const userid = uniqueId("inv");
    await createMember(sim, contacts, { userid, name: "被邀请", mobile: phone, to_invite: false });
    expect(await sim.ctl("GET", `corps/${corp.corpid}/invitations`)).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ userid })]),
    );
    const answer = await sim.api("batch/invite", { token: contacts, body: { user: [userid, "nosuch"], party: [424242], tag: [7] } });
    expect(answer).toEqual({ errcode: 0, errmsg: "ok", invaliduser: ["nosuch"], invalidparty: [424242], invalidtag: [7] });
    expect(await sim.ctl("GET", `corps/${corp.corpid}/invitations`)).toEqual(
      expect.arrayContaining([expect.objectContaining({ userid, channel: "sms" })]),
    );
    expect((await sim.ctl<{ text: string }[]>("GET", `sms?phone=${phone}`)).at(-1)?.text).toContain("邀请你加入企业微信");
  });

  it("refuses an invitation with no list (82001) or with '|' strings instead of arrays (40035)", async () => {
    expect((await sim.api("batch/invite", { token: contacts, body: {} })).errcode).toBe(82001);
    expect((await sim.api("batch/invite", { token: contacts, body: { user: "a|b" } })).errcode).toBe(40035);
  });

  it("gives a join QR link with the contact-sync token that a WeChat user can scan to follow, and refuses an app token", async () => {
    const answer = await sim.api("corp/get_join_qrcode", { token: contacts, query: { size_type: "2" } });
    expect(answer.errcode).toBe(0);
    expect(answer.join_qrcode).toMatch(/\/wework_admin\/genqrcode\?/);
    expect((await sim.api("corp/get_join_qrcode", { token: contacts, query: { size_type: "9" } })).errcode).toBe(40058);
    expect((await sim.api("corp/get_join_qrcode", { token: app })).errcode).toBe(48002);
    const phone = newPhone();
    const userid = uniqueId("qr");
    await createMember(sim, contacts, { userid, name: "扫码", mobile: phone });
    const wx = uniqueId("wx");
    await sim.ctl("POST", "wechat-users", { id: wx, name: "扫码微信", phone });
    expect(await sim.ctl("POST", `wechat-users/${wx}/scan`, { url: answer.join_qrcode })).toMatchObject({
      kind: "follow",
      follow: { result: "followed", userid },
    });
  });
});

describe("WeCom simulator: app messages", () => {
  it("delivers message/send into each recipient's inbox and reports invalid users lower-cased", async () => {
    const { userid, wx } = await followingMember();
    const answer = await sim.api("message/send", {
      token: app,
      body: { touser: `${userid}|NoSuchUser`, msgtype: "text", agentid: corp.agentid, text: { content: "关注成功，欢迎使用消息中心" } },
    });
    expect(answer).toMatchObject({ errcode: 0, errmsg: "ok", invaliduser: "nosuchuser" });
    expect(typeof answer.msgid).toBe("string");
    const view = await sim.ctl<{ inbox: { msgtype: string; content: unknown; agentid: number }[] }>(
      "GET",
      `wechat-users/${wx}/corps/${corp.corpid}`,
    );
    expect(view.inbox).toEqual([
      expect.objectContaining({ msgtype: "text", agentid: corp.agentid, content: { content: "关注成功，欢迎使用消息中心" } }),
    ]);
  });

  it("sends a textcard to a department", async () => {
    const dept = await sim.api("department/create", { token: contacts, body: { name: uniqueId("班"), parentid: 1 } });
    const userid = uniqueId("tc");
    await createMember(sim, contacts, { userid, name: "卡片", mobile: newPhone(), department: [dept.id] });
    const answer = await sim.api("message/send", {
      token: app,
      body: {
        toparty: String(dept.id),
        msgtype: "textcard",
        agentid: corp.agentid,
        textcard: { title: "审批通过", description: "网站变更申请已通过", url: "https://xawl.example/a/1" },
      },
    });
    expect(answer.errcode).toBe(0);
    const messages = await sim.ctl<{ userid: string; content: { btntxt: string } }[]>("GET", `corps/${corp.corpid}/messages`);
    expect(messages.find((m) => m.userid === userid)?.content.btntxt).toBe("详情");
  });

  it("fails with 81013 when every recipient is invalid, 82001 with none, 301002 for another app's agentid, 40056 for an unknown one", async () => {
    const send = (body: Record<string, unknown>) =>
      sim.api("message/send", { token: app, body: { msgtype: "text", agentid: corp.agentid, text: { content: "x" }, ...body } });
    expect((await send({ touser: "nosuch1|nosuch2" })).errcode).toBe(81013);
    expect((await send({})).errcode).toBe(82001);
    expect((await send({ touser: "@all", agentid: corp.assistantAgentid })).errcode).toBe(301002);
    expect((await send({ touser: "@all", agentid: 42 })).errcode).toBe(40056);
  });

  it("drops messages past 30 a minute per member silently, as WeCom does", async () => {
    const own = await startSim();
    try {
      const c = await makeCorp(own);
      const ct = await tokenFor(own, c.corpid, c.contactSecret);
      const at = await tokenFor(own, c.corpid, c.appSecret);
      await createMember(own, ct, { userid: "flood", name: "刷屏", mobile: "13500000001" });
      await own.ctl("POST", "limits", { messagesPerMemberPerMinute: 3 });
      for (let i = 0; i < 5; i++) {
        expect(
          (
            await own.api("message/send", {
              token: at,
              body: { touser: "flood", msgtype: "text", agentid: c.agentid, text: { content: `第${i}条` } },
            })
          ).errcode,
        ).toBe(0);
      }
      expect(await own.ctl<unknown[]>("GET", `corps/${c.corpid}/messages`)).toHaveLength(3);
    } finally {
      await own.close();
    }
  });
});
