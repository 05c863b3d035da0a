// Access tokens as reference §1 describes them: per (corp, secret), 7200 s, reused while valid,
// and the error codes of gettoken and of a business call with a bad token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCorp, startSim, type TestCorp, type TestSim, tokenFor } from "./helpers";

let sim: TestSim;
let corp: TestCorp;
beforeAll(async () => {
  sim = await startSim();
  corp = await makeCorp(sim);
});
afterAll(() => sim.close());

describe("WeCom simulator: access tokens", () => {
  it("issues a token valid for 7200 s and returns the same token while it is valid", async () => {
    const first = await sim.api("gettoken", { query: { corpid: corp.corpid, corpsecret: corp.contactSecret } });
    expect(first).toMatchObject({ errcode: 0, errmsg: "ok", expires_in: 7200 });
    expect(typeof first.access_token).toBe("string");
    const again = await sim.api("gettoken", { query: { corpid: corp.corpid, corpsecret: corp.contactSecret } });
    expect(again.access_token).toBe(first.access_token);
    const app = await sim.api("gettoken", { query: { corpid: corp.corpid, corpsecret: corp.appSecret } });
    expect(app.access_token).not.toBe(first.access_token);
  });

  it("refuses gettoken with the reference's codes: 41002, 41004, 40013, 40001, 40091", async () => {
    const other = await makeCorp(sim);
    const code = async (query: Record<string, string>) => (await sim.api("gettoken", { query })).errcode;
    expect(await code({ corpsecret: corp.contactSecret })).toBe(41002);
    expect(await code({ corpid: corp.corpid })).toBe(41004);
    expect(await code({ corpid: "wwnosuchcorp", corpsecret: corp.contactSecret })).toBe(40013);
    expect(await code({ corpid: corp.corpid, corpsecret: "not-the-secret" })).toBe(40001);
    expect(await code({ corpid: corp.corpid, corpsecret: other.appSecret })).toBe(40091);
  });

  it("answers 41001 without a token and 40014 for a token it never issued", async () => {
    expect((await sim.api("user/get", { query: { userid: "x1" } })).errcode).toBe(41001);
    expect((await sim.api("user/get", { token: "bogus", query: { userid: "x1" } })).errcode).toBe(40014);
  });

  it("expires a token after its lifetime with 42001, and gettoken then issues a new one", async () => {
    const c = await makeCorp(sim);
    await sim.ctl("POST", "tokens/ttl", { seconds: 60 });
    const token = await tokenFor(sim, c.corpid, c.contactSecret);
    expect((await sim.api("department/simplelist", { token })).errcode).toBe(0);
    await sim.ctl("POST", "clock/advance", { seconds: 61 });
    expect((await sim.api("department/simplelist", { token })).errcode).toBe(42001);
    const fresh = await tokenFor(sim, c.corpid, c.contactSecret);
    expect(fresh).not.toBe(token);
    expect((await sim.api("department/simplelist", { token: fresh })).errcode).toBe(0);
    await sim.ctl("POST", "tokens/ttl", { seconds: 7200 });
  });

  it("forces expiry (42001) or invalidation (40014) of live tokens through the control API", async () => {
    const c = await makeCorp(sim);
    const token = await tokenFor(sim, c.corpid, c.contactSecret);
    expect(await sim.ctl("POST", "tokens/expire", { corpid: c.corpid })).toEqual({ count: 1 });
    expect((await sim.api("department/simplelist", { token })).errcode).toBe(42001);
    const next = await tokenFor(sim, c.corpid, c.contactSecret);
    await sim.ctl("POST", "tokens/expire", { corpid: c.corpid, mode: "invalidate" });
    expect((await sim.api("department/simplelist", { token: next })).errcode).toBe(40014);
  });

  it("keeps each token to its own secret: an app token cannot write the directory, the contact-sync token cannot send messages", async () => {
    const appToken = await tokenFor(sim, corp.corpid, corp.appSecret);
    const contactToken = await tokenFor(sim, corp.corpid, corp.contactSecret);
    expect(
      (await sim.api("user/create", { token: appToken, body: { userid: "a1", name: "甲", mobile: "13900000001", department: [1] } }))
        .errcode,
    ).toBe(48002);
    const send = await sim.api("message/send", {
      token: contactToken,
      body: { touser: "@all", msgtype: "text", agentid: corp.agentid, text: { content: "hi" } },
    });
    expect(send.errcode).toBe(48002);
  });

  it("answers 40001 for a reset secret", async () => {
    const c = await makeCorp(sim);
    const { secret } = await sim.ctl<{ secret: string }>("POST", `corps/${c.corpid}/secrets/${c.agentid}`);
    expect((await sim.api("gettoken", { query: { corpid: c.corpid, corpsecret: c.appSecret } })).errcode).toBe(40001);
    expect((await sim.api("gettoken", { query: { corpid: c.corpid, corpsecret: secret } })).errcode).toBe(0);
  });

  it("blocks an IP that keeps sending wrong secrets with 45009, even for the right secret", async () => {
    const own = await startSim();
    try {
      const c = await makeCorp(own);
      await own.ctl("POST", "limits", { wrongSecretsBeforeBlock: 3 });
      for (let i = 0; i < 3; i++)
        expect((await own.api("gettoken", { query: { corpid: c.corpid, corpsecret: "wrong" } })).errcode).toBe(40001);
      expect((await own.api("gettoken", { query: { corpid: c.corpid, corpsecret: c.contactSecret } })).errcode).toBe(45009);
      await own.ctl("POST", "clock/advance", { seconds: 3601 });
      expect((await own.api("gettoken", { query: { corpid: c.corpid, corpsecret: c.contactSecret } })).errcode).toBe(0);
    } finally {
      await own.close();
    }
  });

  it("puts a hint suffix on errmsg, so clients must branch on errcode", async () => {
    const answer = await sim.api("user/get", { token: "bogus", query: { userid: "x1" } });
    expect(answer.errmsg).toMatch(/hint: \[.+\], from ip: .+, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=40014/);
  });
});
