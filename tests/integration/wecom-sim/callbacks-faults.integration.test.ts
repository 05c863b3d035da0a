// Callbacks (reference §7): each encrypted POST is checked here with node:crypto alone — the
// signature sha1(sort(token, timestamp, nonce, Encrypt)) and AES-256-CBC decryption with the
// EncodingAESKey — not with the simulator's code. Also the reference's own test vectors, the
// echostr URL verification, retries and the fault controls (latency, 5xx, 45009, dropped callbacks).
import { createDecipheriv, createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeMsgSignature, encryptCallbackMessage } from "~/sims/wecom";
import { createMember, makeCorp, startSim, type TestCorp, type TestSim, tokenFor, uniqueId } from "./helpers";

// ── An independent decoder, straight from reference §7.2 ─────────────────────────────────────
function decrypt(encodingAesKey: string, encrypted: string): { msg: string; receiveId: string } {
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  expect(key).toHaveLength(32);
  const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, "base64")), decipher.final()]);
  const pad = padded[padded.length - 1] ?? 0;
  expect(pad).toBeGreaterThanOrEqual(1);
  expect(pad).toBeLessThanOrEqual(32);
  expect(padded.length % 32).toBe(0);
  const plain = padded.subarray(0, padded.length - pad);
  const length = plain.readUInt32BE(16);
  return { msg: plain.subarray(20, 20 + length).toString("utf8"), receiveId: plain.subarray(20 + length).toString("utf8") };
}
const sha1 = (...parts: string[]) =>
  createHash("sha1")
    .update([...parts].sort().join(""))
    .digest("hex");
const xmlValue = (xml: string, name: string) => new RegExp(`<${name}>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</${name}>`).exec(xml)?.[1];

type Received = { query: URLSearchParams; body: string; method: string };
type Receiver = {
  url: string;
  received: Received[];
  answer: (r: Received) => Promise<{ status: number; body: string }>;
  close: () => Promise<void>;
};

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", received: [], answer: () => Promise.resolve({ status: 200, body: "" }), close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = {
        query: new URL(req.url ?? "/", "http://x").searchParams,
        body: Buffer.concat(chunks).toString("utf8"),
        method: req.method ?? "",
      };
      receiver.received.push(r);
      void receiver.answer(r).then(({ status, body }) => {
        if (!res.destroyed) res.writeHead(status).end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wecom/callback`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Opens one received POST the way the product must: check the signature, then decrypt. */
function open(r: Received, token: string, encodingAesKey: string) {
  const encrypt = xmlValue(r.body, "Encrypt") ?? "";
  const timestamp = r.query.get("timestamp") ?? "";
  const nonce = r.query.get("nonce") ?? "";
  expect(r.query.get("msg_signature")).toBe(sha1(token, timestamp, nonce, encrypt));
  return { ...decrypt(encodingAesKey, encrypt), envelope: r.body };
}

let sim: TestSim;
let receiver: Receiver;
let corp: TestCorp;
let contacts: string;
const TOKEN = "CallbackToken42";
const KEY = "boitUnefUVeUmraz0pHCRL8pCvGOQjQAKL5jfOAYGi8";

beforeAll(async () => {
  sim = await startSim();
  receiver = await startReceiver();
  corp = await makeCorp(sim);
  contacts = await tokenFor(sim, corp.corpid, corp.contactSecret);
  // A contact callback configured before 2022-08-15 (full field set), for the tests about the transport and legacy payloads.
  await sim.ctl("PUT", `corps/${corp.corpid}/callbacks/contacts`, {
    url: receiver.url,
    token: TOKEN,
    encodingAesKey: KEY,
    fieldSet: "full",
  });
  await sim.ctl("PUT", "callbacks/settings", { timeoutMs: 300, retryDelayMs: 0 });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const settle = () => sim.ctl("POST", "callbacks/idle");

/** The admin adds a member in WeCom's console: a change the contact callback hears of (the API's own writes it does not). */
const consoleCreate = (corpid: string, member: Record<string, unknown>) =>
  sim.ctl("POST", `corps/${corpid}/console/members`, { department: [1], ...member });

describe("WeCom simulator: the callback encoder against the reference's test vectors", () => {
  it("reproduces vector A's Encrypt and msg_signature for the POST event and the echostr", () => {
    const msg =
      "<xml><ToUserName><![CDATA[wwREFERENCE0000001]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>create_user</ChangeType><UserID><![CDATA[s2024001]]></UserID><Department><![CDATA[1,2]]></Department></xml>";
    const encrypt = encryptCallbackMessage({
      encodingAesKey: KEY,
      receiveId: "wwREFERENCE0000001",
      message: msg,
      random: Buffer.from("0123456789ABCDEF"),
    });
    expect(encrypt).toBe(
      "IHLT923+tJy9iW+Eav3HVvNIN9/eaAI03w16HroPnMHH6i8NGRn35sv7oXqzoGK7k8qq8icQ7IeXcuplw8+rLut1rT8b0+u3cFcwXFUZO0M1OWaoE5QqSaTeVWUNMkoRLTuzgKoO+nCGlBPoBTzCWRvPfWMgPc2OR4LKb1u9O9TwUs7nMHTaDfbq63zBv3inX9+U6OgiGir52jb3udizLUHquwnkoJ539KCqNQzb3+rZrQ+Kp/xuenH72mjqe2BMFssBKSYZFVClCN7xQoIVlc4DWp0tVLHuOm+Pl6EA26BRROoUH35/b96VCv08n5prFuII4DgjnXcuW+wXgfb+Rc/3GoeSqL83st4sAUhYjWNtQlM6HEJIwOK5Km9BIumhFClgzNohYyMsDRmdYXs7YG9kx2EUDPMo3Zgnr56ZIsfGjB1jfueJrvzX7Q8uHNiA603Y/ZlanrqspAsfhF2A2obA/bO1wqgKFWLxQdUAOuJYNrtu5k9O4jaFx22f1ec+",
    );
    expect(computeMsgSignature("RefToken123", "1700000001", "24681357", encrypt)).toBe("32b5ae9d0cf8924720664681da9922770f38ef4a");
    const echostr = encryptCallbackMessage({
      encodingAesKey: KEY,
      receiveId: "wwREFERENCE0000001",
      message: "8402517391028844121",
      random: Buffer.from("abcdefghijklmnop"),
    });
    expect(echostr).toBe("9MEb6TSJ80v+XPHivZOcRQx0Ezes/STZsNTTHicn8VqnwQUJCJmVF9uy0m5ge8F9NaspvOLBC4kDSGt1ebiDsw==");
    expect(computeMsgSignature("RefToken123", "1700000000", "1357924680", echostr)).toBe("7aa97bf19d4efa32137a9df07bc3e78b43966caa");
  });

  it("reproduces vector B (wechatpy's) and a changed nonce no longer matches its signature", () => {
    const echostr = encryptCallbackMessage({
      encodingAesKey: "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
      receiveId: "wx49f0ab532d5d035a",
      message: "5927782489442352469",
      random: Buffer.from("2304fc2fe146f1f8"),
    });
    expect(echostr).toBe("4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==");
    expect(computeMsgSignature("123456", "1411443780", "437374425", echostr)).toBe("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96");
    expect(computeMsgSignature("123456", "1411443780", "437374424", echostr)).not.toBe("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96");
  });
});

describe("WeCom simulator: callbacks to the product", () => {
  it("POSTs create_user as encrypted XML that verifies and decrypts with an independent implementation", async () => {
    receiver.received.length = 0;
    const userid = uniqueId("cb");
    await consoleCreate(corp.corpid, { userid, name: "回调", mobile: "13400000001" });
    await settle();
    expect(receiver.received).toHaveLength(1);
    const r = receiver.received[0];
    if (!r) throw new Error("nothing received");
    expect(r.method).toBe("POST");
    const opened = open(r, TOKEN, KEY);
    expect(opened.receiveId).toBe(corp.corpid);
    expect(xmlValue(opened.envelope, "ToUserName")).toBe(corp.corpid);
    expect(opened.msg).toContain(`<ToUserName><![CDATA[${corp.corpid}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>`);
    expect(xmlValue(opened.msg, "Event")).toBe("change_contact");
    expect(xmlValue(opened.msg, "ChangeType")).toBe("create_user");
    expect(xmlValue(opened.msg, "UserID")).toBe(userid);
    expect(xmlValue(opened.msg, "Mobile")).toBe("13400000001");
    expect(xmlValue(opened.msg, "Status")).toBe("4");
  });

  it("tells a legacy (full) contact callback of a follow (update_user Status 1) and an unfollow (Status 4), and apps get subscribe/unsubscribe", async () => {
    const appReceiver = await startReceiver();
    try {
      await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.agentid}`, {
        callback: { url: appReceiver.url, token: "AppToken1", encodingAesKey: KEY },
      });
      const userid = uniqueId("fo");
      await createMember(sim, contacts, { userid, name: "关注", mobile: "13400000002" });
      await settle();
      receiver.received.length = 0;
      await sim.ctl("POST", "wechat-users", { id: `wx${userid}`, name: "关注微信", phone: "13400000002" });
      await sim.ctl("POST", `wechat-users/wx${userid}/follow`, { corpid: corp.corpid });
      await sim.ctl("POST", `wechat-users/wx${userid}/unfollow`, { corpid: corp.corpid });
      await settle();
      const contactEvents = receiver.received.map((r) => open(r, TOKEN, KEY).msg);
      expect(contactEvents.map((m) => [xmlValue(m, "ChangeType"), xmlValue(m, "UserID"), xmlValue(m, "Status")])).toEqual([
        ["update_user", userid, "1"],
        ["update_user", userid, "4"],
      ]);
      const appEvents = appReceiver.received.map((r) => open(r, "AppToken1", KEY));
      expect(appEvents.map((e) => [xmlValue(e.msg, "Event"), xmlValue(e.msg, "FromUserName"), xmlValue(e.msg, "AgentID")])).toEqual([
        ["subscribe", userid, String(corp.agentid)],
        ["unsubscribe", userid, String(corp.agentid)],
      ]);
      expect(xmlValue(appEvents[0]?.envelope ?? "", "AgentID")).toBe(String(corp.agentid));
    } finally {
      await sim.ctl("PATCH", `corps/${corp.corpid}/apps/${corp.agentid}`, { callback: null });
      await appReceiver.close();
    }
  });

  it("sends only UserID and Department to a callback configured with the post-2022 restricted field set (the default)", async () => {
    const c = await makeCorp(sim);
    const own = await startReceiver();
    try {
      const config = await sim.ctl<{ fieldSet: string }>("PUT", `corps/${c.corpid}/callbacks/contacts`, {
        url: own.url,
        token: TOKEN,
        encodingAesKey: KEY,
      });
      expect(config.fieldSet).toBe("restricted");
      await consoleCreate(c.corpid, { userid: "r1", name: "受限", mobile: "13400000003" });
      await settle();
      const msg = open(own.received[0] as Received, TOKEN, KEY).msg;
      expect(xmlValue(msg, "ChangeType")).toBe("create_user");
      expect(xmlValue(msg, "UserID")).toBe("r1");
      expect(xmlValue(msg, "Department")).toBe("1");
      expect(msg).not.toContain("<Mobile>");
      expect(msg).not.toContain("<Name>");
      expect(msg).not.toContain("<Status>");
    } finally {
      await own.close();
    }
  });

  it("does not echo the contact-sync token's own department writes to its callback", async () => {
    receiver.received.length = 0;
    await sim.api("department/create", { token: contacts, body: { name: uniqueId("部"), parentid: 1 } });
    await settle();
    expect(receiver.received).toHaveLength(0);
  });

  it("retries a callback answered with a non-200 status, 3 attempts in total", async () => {
    receiver.received.length = 0;
    let calls = 0;
    receiver.answer = () => Promise.resolve(++calls < 3 ? { status: 500, body: "" } : { status: 200, body: "" });
    await consoleCreate(corp.corpid, { userid: uniqueId("rt"), name: "重试", mobile: "13400000004" });
    await settle();
    receiver.answer = () => Promise.resolve({ status: 200, body: "" });
    expect(receiver.received).toHaveLength(3);
    const log = await sim.ctl<{ outcome: string; attempts: { status: number }[] }[]>("GET", `callbacks?corpid=${corp.corpid}`);
    expect(log.at(-1)).toMatchObject({ outcome: "delivered", attempts: [{ status: 500 }, { status: 500 }, { status: 200 }] });
  });

  it("gives up after 3 attempts that each get no answer within the timeout", async () => {
    receiver.received.length = 0;
    receiver.answer = () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: "" }), 1000));
    await consoleCreate(corp.corpid, { userid: uniqueId("to"), name: "超时", mobile: "13400000005" });
    await settle();
    receiver.answer = () => Promise.resolve({ status: 200, body: "" });
    expect(receiver.received).toHaveLength(3);
    const log = await sim.ctl<{ outcome: string; attempts: { status: number | null; error?: string }[] }[]>(
      "GET",
      `callbacks?corpid=${corp.corpid}`,
    );
    expect(log.at(-1)?.outcome).toBe("failed");
    expect(log.at(-1)?.attempts.map((a) => a.status)).toEqual([null, null, null]);
  });

  it("drops the next N callbacks when told to, and delivers again afterwards", async () => {
    receiver.received.length = 0;
    await sim.ctl("POST", "faults", { dropCallbacks: 1 });
    await consoleCreate(corp.corpid, { userid: uniqueId("dr"), name: "丢弃", mobile: "13400000006" });
    const kept = uniqueId("ok");
    await consoleCreate(corp.corpid, { userid: kept, name: "送达", mobile: "13400000007" });
    await settle();
    expect(receiver.received.map((r) => xmlValue(open(r, TOKEN, KEY).msg, "UserID"))).toEqual([kept]);
    const log = await sim.ctl<{ outcome: string }[]>("GET", `callbacks?corpid=${corp.corpid}`);
    expect(log.slice(-2).map((l) => l.outcome)).toEqual(["dropped", "delivered"]);
  });

  it("makes the echostr URL-verification request, which passes only when the product answers with the decrypted echo", async () => {
    receiver.received.length = 0;
    receiver.answer = (r) => {
      const echostr = r.query.get("echostr") ?? "";
      expect(r.query.get("msg_signature")).toBe(sha1(TOKEN, r.query.get("timestamp") ?? "", r.query.get("nonce") ?? "", echostr));
      return Promise.resolve({ status: 200, body: decrypt(KEY, echostr).msg });
    };
    const good = await sim.ctl<{ ok: boolean; expected: string; body: string }>("POST", `corps/${corp.corpid}/callbacks/contacts/verify`);
    expect(good.ok).toBe(true);
    expect(good.body).toBe(good.expected);
    expect(receiver.received[0]?.method).toBe("GET");
    receiver.answer = () => Promise.resolve({ status: 200, body: '"wrong"\n' });
    expect((await sim.ctl<{ ok: boolean }>("POST", `corps/${corp.corpid}/callbacks/contacts/verify`)).ok).toBe(false);
    receiver.answer = () => Promise.resolve({ status: 200, body: "" });
  });
});

describe("WeCom simulator: fault controls and frequency limits", () => {
  it("adds latency to API calls", async () => {
    await sim.ctl("POST", "faults", { latencyMs: 300 });
    const started = Date.now();
    await sim.api("department/simplelist", { token: contacts });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    await sim.ctl("DELETE", "faults");
  });

  it("answers the next N calls with HTTP 5xx, then works again", async () => {
    await sim.ctl("POST", "faults", { fail: { count: 2, status: 503 } });
    const url = new URL(`/cgi-bin/department/simplelist?access_token=${contacts}`, sim.url);
    expect((await fetch(url)).status).toBe(503);
    expect((await fetch(url)).status).toBe(503);
    expect((await fetch(url)).status).toBe(200);
  });

  it("fails every call at ratio 1, and can answer errcode -1 (system busy) instead of a 5xx", async () => {
    await sim.ctl("POST", "faults", { fail: { ratio: 1, status: -1 } });
    expect((await sim.api("department/simplelist", { token: contacts })).errcode).toBe(-1);
    await sim.ctl("DELETE", "faults");
    expect((await sim.api("department/simplelist", { token: contacts })).errcode).toBe(0);
  });

  it("limits faults to the named API paths", async () => {
    await sim.ctl("POST", "faults", { paths: ["user/get"], fail: { count: 1, status: 502 } });
    expect((await sim.api("department/simplelist", { token: contacts })).errcode).toBe(0);
    await expect(sim.api("user/get", { token: contacts, query: { userid: "x" } })).rejects.toThrow("HTTP 502");
    await sim.ctl("DELETE", "faults");
  });

  it("forces 45009 on the next N calls", async () => {
    await sim.ctl("POST", "faults", { rateLimit: { count: 1 } });
    expect((await sim.api("department/simplelist", { token: contacts })).errcode).toBe(45009);
    expect((await sim.api("department/simplelist", { token: contacts })).errcode).toBe(0);
  });

  it("answers 45009 past the per-minute limit of an API and blocks it for 60 s", async () => {
    const own = await startSim();
    try {
      const c = await makeCorp(own);
      const t = await tokenFor(own, c.corpid, c.contactSecret);
      await own.ctl("POST", "limits", { perApiPerMinute: 3 });
      for (let i = 0; i < 3; i++) expect((await own.api("department/simplelist", { token: t })).errcode).toBe(0);
      expect((await own.api("department/simplelist", { token: t })).errcode).toBe(45009);
      expect((await own.api("department/get", { token: t, query: { id: "1" } })).errcode).toBe(0);
      await own.ctl("POST", "clock/advance", { seconds: 61 });
      expect((await own.api("department/simplelist", { token: t })).errcode).toBe(0);
    } finally {
      await own.close();
    }
  });

  it("allows only 5 calls a minute to an API called with debug=1", async () => {
    const own = await startSim();
    try {
      const c = await makeCorp(own);
      const t = await tokenFor(own, c.corpid, c.contactSecret);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await own.api("department/simplelist", { token: t, query: { debug: "1" } })).errcode);
      expect(codes).toEqual([0, 0, 0, 0, 0, 45009]);
    } finally {
      await own.close();
    }
  });
});

describe("WeCom simulator: state file and phone page", () => {
  it("keeps corps, members, tokens and WeChat users across a restart with a state file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wecom-sim-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await startSim({ stateFile });
      const c = await makeCorp(first);
      const t = await tokenFor(first, c.corpid, c.contactSecret);
      const appToken = await tokenFor(first, c.corpid, c.appSecret);
      await createMember(first, t, { userid: "kept1", name: "保留", mobile: "13300000001" });
      await first.ctl("POST", "wechat-users", { id: "wxkept", name: "保留微信", phone: "13300000001" });
      await first.close();
      const second = await startSim({ stateFile });
      try {
        expect(await second.api("user/get", { token: appToken, query: { userid: "kept1" } })).toMatchObject({ errcode: 0, name: "保留" });
        expect((await second.api("user/list_id", { token: t, body: {} })).errcode).toBe(0);
        expect(await second.ctl("GET", "wechat-users")).toEqual([expect.objectContaining({ id: "wxkept" })]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves the phone page in Chinese at 375 px, with the selected WeChat user's apps, inbox and SMS outbox", async () => {
    const c = await makeCorp(sim);
    const t = await tokenFor(sim, c.corpid, c.contactSecret);
    await createMember(sim, t, { userid: "page1", name: "页面", mobile: "13300000002" });
    await sim.ctl("POST", "wechat-users", { id: "wxpage", name: "页面微信", phone: "13300000002" });
    await sim.ctl("POST", "wechat-users/wxpage/follow", { corpid: c.corpid });
    const html = await (await fetch(new URL("/", sim.url), { headers: { cookie: "wxsim_user=wxpage" } })).text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("max-width:375px");
    expect(html).toContain("页面微信");
    expect(html).toContain("消息中心");
    expect(html).toContain("短信发件箱");
  });

  it("creates a WeChat user and follows a join QR through the page's forms", async () => {
    const c = await makeCorp(sim);
    const t = await tokenFor(sim, c.corpid, c.contactSecret);
    await createMember(sim, t, { userid: "form1", name: "表单", mobile: "13300000003" });
    const created = await fetch(new URL("/wechat/users", sim.url), {
      method: "POST",
      body: new URLSearchParams({ name: "表单微信", phone: "13300000003" }),
      redirect: "manual",
    });
    expect(created.status).toBe(303);
    const cookie = (created.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { url } = await sim.ctl<{ url: string }>("POST", `corps/${c.corpid}/join-qrcode`);
    const scanned = await fetch(new URL("/wechat/scan", sim.url), {
      method: "POST",
      body: new URLSearchParams({ link: url }),
      headers: { cookie },
      redirect: "manual",
    });
    expect(decodeURIComponent(scanned.headers.get("location") ?? "")).toContain("关注成功");
    const appToken = await tokenFor(sim, c.corpid, c.appSecret);
    expect((await sim.api("user/get", { token: appToken, query: { userid: "form1" } })).status).toBe(1);
  });
});
