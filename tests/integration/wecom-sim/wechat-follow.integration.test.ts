// Following the enterprise account from the simulated WeChat, as the manuals describe it:
// SUES 1.3 (follow at once / 关注身份验证), SUES 2.3 and 2.4, SUES 1.2 note 3 (one member ↔ one
// WeChat), UCAS FAQ 5/6 (the school fixes the phone; the two-WeChat x/y case).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, makeCorp, startSim, type TestCorp, type TestSim, tokenFor, uniqueId } from "./helpers";

let sim: TestSim;
let corp: TestCorp;
let token: string;
/** The assistant app's token: it reads status (the contact-sync token may not read members from a new IP, 48009). */
let appToken: string;
beforeAll(async () => {
  sim = await startSim();
  corp = await makeCorp(sim);
  token = await tokenFor(sim, corp.corpid, corp.contactSecret);
  appToken = await tokenFor(sim, corp.corpid, corp.assistantSecret);
});
afterAll(() => sim.close());

let phoneSeq = 0;
const newPhone = () => `137${String(Date.now() % 100_000).padStart(5, "0")}${String(phoneSeq++).padStart(3, "0")}`;

async function wechatUser(phone: string): Promise<string> {
  const id = uniqueId("wx");
  await sim.ctl("POST", "wechat-users", { id, name: `微信${id}`, phone });
  return id;
}
type View = { relation: string; userid: string | null; status: number | null; apps: { name: string }[]; offersFollowVerification: boolean };
const view = (wx: string) => sim.ctl<View>("GET", `wechat-users/${wx}/corps/${corp.corpid}`);
const status = async (userid: string) => (await sim.api("user/get", { token: appToken, query: { userid } })).status;
async function lastSmsCode(phone: string): Promise<string> {
  const sms = await sim.ctl<{ text: string }[]>("GET", `sms?phone=${encodeURIComponent(phone)}`);
  const match = /验证码 (\d{6})/.exec(sms.at(-1)?.text ?? "");
  if (!match?.[1]) throw new Error(`no code sent to ${phone}`);
  return match[1];
}

describe("WeCom simulator: following in WeChat", () => {
  it("follows at once, without verification, when the WeChat's phone is the member's directory mobile", async () => {
    const phone = newPhone();
    const userid = uniqueId("s");
    await createMember(sim, token, { userid, name: "直接关注", mobile: phone });
    const wx = await wechatUser(phone);
    const { url } = await sim.ctl<{ url: string }>("POST", `corps/${corp.corpid}/join-qrcode`);
    expect(await sim.ctl("POST", `wechat-users/${wx}/scan`, { url })).toEqual({
      kind: "follow",
      corpid: corp.corpid,
      follow: { result: "followed", userid, secondVerificationUrl: null },
    });
    expect(await status(userid)).toBe(1);
    expect((await view(wx)).apps.map((a) => a.name)).toEqual(["消息中心", "身份认证小助手"]);
  });

  it("makes a WeChat with another phone pass 关注身份验证 with an SMS code, then shows the apps", async () => {
    const directoryPhone = newPhone();
    const userid = uniqueId("s");
    await createMember(sim, token, { userid, name: "需验证", mobile: directoryPhone });
    const wx = await wechatUser(newPhone());
    expect(await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: corp.corpid })).toEqual({ result: "needs_verification" });
    expect(await view(wx)).toMatchObject({ relation: "unidentified", offersFollowVerification: true, apps: [{ name: "身份认证小助手" }] });
    expect(await status(userid)).toBe(4);
    expect(await sim.ctl("POST", `wechat-users/${wx}/verify/start`, { corpid: corp.corpid, phone: directoryPhone })).toEqual({
      sentTo: directoryPhone,
    });
    const wrong = await sim.control<{ message: string }>("POST", `wechat-users/${wx}/verify/confirm`, {
      corpid: corp.corpid,
      phone: directoryPhone,
      code: "000000x",
    });
    expect(wrong).toMatchObject({ status: 409, json: { message: "验证码错误" } });
    const code = await lastSmsCode(directoryPhone);
    expect(await sim.ctl("POST", `wechat-users/${wx}/verify/confirm`, { corpid: corp.corpid, phone: directoryPhone, code })).toEqual({
      result: "followed",
      userid,
      secondVerificationUrl: null,
    });
    expect(await status(userid)).toBe(1);
    expect(await view(wx)).toMatchObject({ relation: "member", userid, status: 1 });
  });

  it("refuses a phone that is not in the directory: 「该手机号不存在于企业通讯录中」", async () => {
    const wx = await wechatUser(newPhone());
    await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: corp.corpid });
    const answer = await sim.control("POST", `wechat-users/${wx}/verify/start`, { corpid: corp.corpid, phone: newPhone() });
    expect(answer).toEqual({ status: 409, json: { error: "phone_not_in_directory", message: "该手机号不存在于企业通讯录中" } });
  });

  it("refuses a phone another member already verified with: 「手机号已被其他成员验证」", async () => {
    // Member B verified with phone p; B's directory phone changed later; member A now holds p.
    const p = newPhone();
    const b = uniqueId("b");
    await createMember(sim, token, { userid: b, name: "成员B", mobile: newPhone() });
    const wxB = await wechatUser(newPhone());
    await sim.ctl("POST", `wechat-users/${wxB}/follow`, { corpid: corp.corpid });
    await sim.api("user/update", { token, body: { userid: b, mobile: p } });
    // B's directory mobile is now p, and the unidentified follower wxB is not p's WeChat, so B verifies by SMS.
    await sim.ctl("POST", `wechat-users/${wxB}/verify/start`, { corpid: corp.corpid, phone: p });
    await sim.ctl("POST", `wechat-users/${wxB}/verify/confirm`, { corpid: corp.corpid, phone: p, code: await lastSmsCode(p) });
    // B, activated now, changes the mobile themself (user/update would be ignored).
    await sim.ctl("POST", `wechat-users/${wxB}/mobile`, { corpid: corp.corpid, mobile: newPhone() });
    const a = uniqueId("a");
    await createMember(sim, token, { userid: a, name: "成员A", mobile: p });
    const wxA = await wechatUser(newPhone());
    await sim.ctl("POST", `wechat-users/${wxA}/follow`, { corpid: corp.corpid });
    const answer = await sim.control("POST", `wechat-users/${wxA}/verify/start`, { corpid: corp.corpid, phone: p });
    expect(answer).toEqual({ status: 409, json: { error: "phone_verified_by_other", message: "手机号已被其他成员验证" } });
    expect(await status(a)).toBe(4);
  });

  it("lets one member follow with one WeChat only, and one WeChat follow as one member only", async () => {
    const phone = newPhone();
    const userid = uniqueId("s");
    await createMember(sim, token, { userid, name: "一对一", mobile: phone });
    const wx = await wechatUser(phone);
    await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: corp.corpid });
    expect(await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: corp.corpid })).toEqual({ result: "already_following", userid });
    const answer = await sim.control("POST", `wechat-users/${wx}/verify/start`, { corpid: corp.corpid, phone });
    expect(answer).toMatchObject({ status: 409, json: { error: "already_following" } });
  });

  it("UCAS FAQ 6: after verifying with WeChat x, WeChat y is told it succeeded but sees no apps, whichever phone it enters", async () => {
    const x = newPhone();
    const y = newPhone();
    const userid = uniqueId("s");
    await createMember(sim, token, { userid, name: "两个微信", mobile: x });
    const wxX = await wechatUser(x);
    await sim.ctl("POST", `wechat-users/${wxX}/follow`, { corpid: corp.corpid });
    // The member then puts y in the directory themself (for an activated member, user/update ignores mobile).
    await sim.ctl("POST", `wechat-users/${wxX}/mobile`, { corpid: corp.corpid, mobile: y });
    const wxY = await wechatUser(y);
    expect(await sim.ctl("POST", `wechat-users/${wxY}/follow`, { corpid: corp.corpid })).toEqual({ result: "followed_without_apps" });
    for (const phone of [y, x]) {
      await sim.ctl("POST", `wechat-users/${wxY}/verify/start`, { corpid: corp.corpid, phone });
      const code = await lastSmsCode(phone);
      expect(await sim.ctl("POST", `wechat-users/${wxY}/verify/confirm`, { corpid: corp.corpid, phone, code })).toEqual({
        result: "verified_without_apps",
      });
    }
    expect(await view(wxY)).toMatchObject({ relation: "unidentified", userid: null });
    expect((await view(wxY)).apps.map((a) => a.name)).toEqual(["身份认证小助手"]);
    expect(await view(wxX)).toMatchObject({ relation: "member", userid, status: 1 });
    // 方法: unbind WeChat x (不再关注); then y's WeChat follows at once with y.
    await sim.ctl("POST", `wechat-users/${wxX}/unfollow`, { corpid: corp.corpid });
    expect(await status(userid)).toBe(4);
    await sim.ctl("POST", `wechat-users/${wxY}/unfollow`, { corpid: corp.corpid });
    expect(await sim.ctl("POST", `wechat-users/${wxY}/follow`, { corpid: corp.corpid })).toMatchObject({ result: "followed", userid });
  });

  it("UCAS FAQ 5 方法四: when the school saves the WeChat's phone on the member, the waiting follower follows without verification", async () => {
    const wechatPhone = newPhone();
    const userid = uniqueId("s");
    await createMember(sim, token, { userid, name: "后台改号", mobile: newPhone() });
    const wx = await wechatUser(wechatPhone);
    expect(await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: corp.corpid })).toEqual({ result: "needs_verification" });
    await sim.api("user/update", { token, body: { userid, mobile: wechatPhone } });
    expect(await view(wx)).toMatchObject({ relation: "member", userid, status: 1 });
  });

  it("unfollowing sets status 4 and leaving the company sets status 5", async () => {
    const phone = newPhone();
    const userid = uniqueId("s");
    await createMember(sim, token, { userid, name: "退出", mobile: phone });
    const wx = await wechatUser(phone);
    await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: corp.corpid });
    expect(await sim.ctl("POST", `wechat-users/${wx}/unfollow`, { corpid: corp.corpid })).toEqual({ userid });
    expect(await status(userid)).toBe(4);
    await sim.ctl("POST", `wechat-users/${wx}/follow`, { corpid: corp.corpid });
    expect(await sim.ctl("POST", `wechat-users/${wx}/exit`, { corpid: corp.corpid })).toEqual({ userid });
    expect(await status(userid)).toBe(5);
    expect(await view(wx)).toMatchObject({ relation: "none", apps: [] });
  });

  it("refuses a second WeChat user with a phone already bound to a WeChat", async () => {
    const phone = newPhone();
    await wechatUser(phone);
    expect(await sim.control("POST", "wechat-users", { name: "重复", phone })).toMatchObject({
      status: 409,
      json: { error: "phone_taken" },
    });
  });

  it("lets a join QR link work for 7 days only", async () => {
    const { url } = await sim.ctl<{ url: string }>("POST", `corps/${corp.corpid}/join-qrcode`);
    const wx = await wechatUser(newPhone());
    await sim.ctl("POST", "clock/advance", { seconds: 7 * 86_400 + 1 });
    expect(await sim.ctl("POST", `wechat-users/${wx}/scan`, { url })).toEqual({ kind: "error", message: "该二维码已过期" });
  });
});
