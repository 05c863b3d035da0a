// 自助排查 (issue 18 §2) against a real WeCom simulator: each case built as it happens — in the
// product's database and in the simulated WeCom and WeChat through its control API — then the
// diagnosis the member reads, and that the fix it offers works.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { POST as actRoute } from "~/app/(school)/(member)/me/troubleshoot/act/route";
import { bindPhone } from "~/server/bindings/bind-phone";
import { unbindWechat } from "~/server/bindings/unbind-wechat";
import { tenantDb } from "~/server/db/tenant-db";
import { myHelpdeskCases, listHelpdeskCases } from "~/server/helpdesk/cases";
import { completeSecondVerification, openSecondVerification } from "~/server/journey/second-verification";
import { recordWecomState } from "~/server/wecom/member-record";
import { runWecomStatusJob } from "~/server/wecom/status-jobs";
import { runWecomSyncJob } from "~/server/wecom/sync";
import {
  sendTroubleshootCase,
  troubleshoot,
  troubleshootRerunSync,
  troubleshootResendInvitation,
} from "~/server/troubleshoot/troubleshoot";
import { sessionCookie, testPrisma } from "../support";
import { type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { connectedSchool, syncDeps, type ConnectedSchool } from "../wecom/wecom-test-kit";
import { memberScopeIn } from "./journey-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

const memberScope = (school: ConnectedSchool, memberId: string) => memberScopeIn(prisma, boss, school, memberId, "203.0.113.8");
const deps = () => syncDeps(prisma, boss);
const sync = (school: ConnectedSchool, memberId: string) =>
  runWecomSyncJob(deps(), { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId });

const freshPhone = () => {
  const typed = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  return { typed, e164: `+86${typed}` };
};

/** A member who bound a phone; `synced` puts them into WeCom as the worker would. */
async function boundMember(school: ConnectedSchool, options: { synced?: boolean; idNumberHash?: string } = {}) {
  const phone = freshPhone();
  const member = await prisma.member.create({
    data: {
      tenantId: school.tenant.tenantId,
      account: `T${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
      name: "排查",
      identityKindId: school.tenant.identityKindId,
      phone: phone.e164,
      phoneDisplay: phone.typed,
      idNumberHash: options.idNumberHash ?? null,
    },
    select: { id: true, account: true },
  });
  const scope = await memberScope(school, member.id);
  await bindPhone(scope, { value: phone.typed });
  if (options.synced !== false) await sync(school, member.id);
  return { ...member, phone, scope, userid: member.account.toLowerCase() };
}

const wechatOf = (phone: string) => sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone });
const follow = (school: ConnectedSchool, wechatId: string) =>
  sim.ctl<{ result: string; secondVerificationUrl: string | null }>("POST", `wechat-users/${wechatId}/follow`, {
    corpid: school.corp.corpid,
  });
const viewOf = (school: ConnectedSchool, wechatId: string) =>
  sim.ctl<{ relation: string; userid: string | null; apps: { name: string }[] }>(
    "GET",
    `wechat-users/${wechatId}/corps/${school.corp.corpid}`,
  );

/** WeCom's subscribe callback as the product records it, and, `minutesAgo` > 0, as if heard that long ago. */
async function recordActivated(school: ConnectedSchool, memberId: string, minutesAgo = 0) {
  await recordWecomState(
    tenantDb(prisma, school.tenant.tenantId),
    { tenantId: school.tenant.tenantId, memberId },
    { state: "ACTIVATED", at: new Date(), source: "CALLBACK" },
    { callback: true },
  );
  if (minutesAgo > 0) {
    const at = new Date(Date.now() - minutesAgo * 60_000);
    await prisma.memberWecom.update({ where: { memberId }, data: { stateAt: at, stateSince: at } });
  }
}

describe("自助排查", () => {
  it("case 1 (UCAS 6-1): followed with a WeChat of another phone sees only the assistant; 关注身份验证 with the bound phone fixes it", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school);
    const other = await wechatOf(freshPhone().e164);
    expect((await follow(school, other.id)).result).toBe("needs_verification");
    expect((await viewOf(school, other.id)).relation).toBe("unidentified");

    const found = await troubleshoot(member.scope, { seen: "assistantOnly" });
    expect(found).toMatchObject({ case: "phoneNotWechats", action: "changePhone" });
    expect(found.findings).toMatchObject({ boundDisplay: member.phone.typed, liveState: "NOT_ACTIVATED" });

    // The fix the page says: 关注身份验证 in the assistant with the bound phone and WeCom's SMS code.
    await sim.ctl("POST", `wechat-users/${other.id}/verify/start`, { corpid: school.corp.corpid, phone: member.phone.e164 });
    const sms = await sim.ctl<{ text: string }[]>("GET", `sms?phone=${encodeURIComponent(member.phone.e164)}`);
    const code = /验证码 (\d{6})/.exec(sms.at(-1)!.text)![1]!;
    await sim.ctl("POST", `wechat-users/${other.id}/verify/confirm`, { corpid: school.corp.corpid, phone: member.phone.e164, code });
    expect((await viewOf(school, other.id)).userid).toBe(member.userid);
    // WeCom's answer read now: followed (and WeChat may take minutes to show the apps).
    const after = await troubleshoot(member.scope, {});
    expect(after).toMatchObject({ case: "allGood", findings: { liveState: "ACTIVATED" } });
  });

  it("case 2: in WeCom, never followed (未激活) → resend the invitation, which WeCom sends; a second press within 3 days sends nothing more", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school);
    const found = await troubleshoot(member.scope, {});
    expect(found).toMatchObject({
      case: "notActivated",
      action: "resendInvitation",
      findings: { liveState: "NOT_ACTIVATED", step: "follow" },
    });

    await troubleshootResendInvitation(member.scope);
    await runWecomSyncJob(deps(), { kind: "member.invite", tenantId: school.tenant.tenantId, memberId: member.id });
    const invitations = await sim.ctl<{ userid: string }[] | { invitations: { userid: string }[] }>(
      "GET",
      `corps/${school.corp.corpid}/invitations`,
    );
    expect(JSON.stringify(invitations)).toContain(member.userid);
    await expect(troubleshootResendInvitation(member.scope)).rejects.toMatchObject({ code: "FIX_INVITE_RECENT" });

    // Following then ends the case.
    const wechat = await wechatOf(member.phone.e164);
    expect((await follow(school, wechat.id)).result).toBe("followed");
    expect((await troubleshoot(member.scope, {})).case).toBe("allGood");
  });

  it("case 3 (UCAS 6-3, SUES 1.2-3): the same person's other account follows with the WeChat → sign in as it; once it unbinds, the case is gone", async () => {
    const school = await connectedSchool(prisma, sim);
    const person = `hash-${Date.now()}-${Math.random()}`;
    const first = await boundMember(school, { idNumberHash: person });
    const second = await boundMember(school, { idNumberHash: person });
    const wechat = await wechatOf(first.phone.e164);
    expect((await follow(school, wechat.id)).result).toBe("followed");
    await recordActivated(school, first.id);
    // The WeChat scanning again as the second account: WeCom keeps it as the first.
    expect((await follow(school, wechat.id)).result).toBe("already_following");

    const found = await troubleshoot(second.scope, { seen: "assistantOnly" });
    expect(found).toMatchObject({ case: "followsAsOther", action: "signInAsOther", otherAccount: first.account });

    // The fix: signed in as the first account, 解绑微信; once WeCom's job ran, the WeChat is free.
    await unbindWechat(first.scope);
    await sync(school, first.id);
    expect((await viewOf(school, wechat.id)).relation).toBe("none");
    expect((await troubleshoot(second.scope, { seen: "nothing" })).case).toBe("notActivated");
  });

  it("case 4: 二次验证 pending once WeCom sent the member to it; confirming it ends the case; an activated member is told none is needed", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { secondVerification: true } });
    const member = await boundMember(school);
    const wechat = await wechatOf(member.phone.e164);
    const followed = await follow(school, wechat.id);
    const code = new URL(followed.secondVerificationUrl!).searchParams.get("code")!;
    const opened = await openSecondVerification(member.scope, { code, api: "tfa" });

    expect(await troubleshoot(member.scope, {})).toMatchObject({ case: "verificationPending", findings: { liveState: "NOT_ACTIVATED" } });

    if (opened.result !== "confirm") throw new Error("the verification page would not ask");
    await completeSecondVerification(member.scope, { ticket: opened.ticket });
    expect((await viewOf(school, wechat.id)).apps.map((a) => a.name)).toContain("消息中心");
    // 「看得到消息中心即已激活」: waiting for a notice that will not come.
    expect(await troubleshoot(member.scope, { seen: "noNotice" })).toMatchObject({ case: "verificationNotNeeded", action: "none" });
  });

  it("case 5 (UESTC FAQ 1): the verification notice never arrived → unfollow and follow again, and WeCom sends it again", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { secondVerification: true } });
    const member = await boundMember(school);
    const wechat = await wechatOf(member.phone.e164);
    await follow(school, wechat.id);

    expect(await troubleshoot(member.scope, { seen: "noNotice" })).toMatchObject({ case: "noticeMissing", action: "follow" });
    await sim.ctl("POST", `wechat-users/${wechat.id}/unfollow`, { corpid: school.corp.corpid });
    const again = await follow(school, wechat.id);
    expect(again.result).toBe("followed");
    expect(again.secondVerificationUrl).toContain("code=");
  });

  it("case 6: WeCom has not caught up — the write still queued, or WeCom said 「已关注」 minutes ago — says when to look again", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { synced: false });
    const before = Date.now();
    const waiting = await troubleshoot(member.scope, {});
    expect(waiting).toMatchObject({ case: "catchingUp", action: "lookAgain", findings: { step: "syncing", syncJobState: "QUEUED" } });
    expect(waiting.lookAgainAt!.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    await sync(school, member.id);
    expect((await troubleshoot(member.scope, {})).case).toBe("notActivated");

    const wechat = await wechatOf(member.phone.e164);
    await follow(school, wechat.id);
    await recordActivated(school, member.id, 2);
    const recent = await troubleshoot(member.scope, { seen: "assistantOnly" });
    expect(recent.case).toBe("catchingUp");
    // Ten minutes after WeCom said so (UCAS 5 方法一: 稍后重新进入查看).
    expect(Math.abs(recent.lookAgainAt!.getTime() - (Date.now() + 8 * 60_000))).toBeLessThan(5_000);
  });

  it("case 7 (UCAS 5): follows but sees only the assistant: names the identity's apps, and the helpdesk case carries every finding", async () => {
    const school = await connectedSchool(prisma, sim);
    await prisma.identityKind.update({ where: { id: school.tenant.identityKindId }, data: { apps: ["消息中心", "身份认证小助手"] } });
    const member = await boundMember(school);
    const wechat = await wechatOf(member.phone.e164);
    await follow(school, wechat.id);
    await recordActivated(school, member.id, 60);
    // The school's 消息中心 does not include the member in its visible range.
    await sim.ctl("PATCH", `corps/${school.corp.corpid}/apps/${school.corp.agentid}`, {
      visibleDepartments: [],
      visibleUsers: ["someone-else"],
    });
    expect((await viewOf(school, wechat.id)).apps.map((a) => a.name)).toEqual(["身份认证小助手"]);

    const found = await troubleshoot(member.scope, { seen: "assistantOnly" });
    expect(found).toMatchObject({ case: "onlyAssistant", action: "helpdesk", apps: ["消息中心"] });
    // WeCom saying 「已关注」 again — the six-hourly reconciliation, the page's own read just now — is no
    // news: the member has followed for an hour, and is not told to wait for WeChat to catch up.
    await runWecomStatusJob(deps(), { kind: "tenant.reconcile", tenantId: school.tenant.tenantId });
    const record = await prisma.memberWecom.findUniqueOrThrow({ where: { memberId: member.id } });
    expect(record).toMatchObject({ state: "ACTIVATED", stateSource: "RECONCILE" });
    expect(Date.now() - record.stateSince!.getTime()).toBeGreaterThan(59 * 60_000);
    expect(await troubleshoot(member.scope, { seen: "assistantOnly" })).toMatchObject({ case: "onlyAssistant" });

    await expect(sendTroubleshootCase(member.scope, { seen: "assistantOnly", note: "只看到小助手" })).resolves.toEqual({ status: "sent" });
    await expect(sendTroubleshootCase(member.scope, { seen: "assistantOnly" })).resolves.toEqual({ status: "alreadyOpen" });
    const admin = await memberScope(school, member.id);
    const [sent] = (await listHelpdeskCases(admin, { status: "OPEN", take: 10 })).filter((c) => c.member.id === member.id);
    expect(sent).toMatchObject({
      kind: "TROUBLESHOOT",
      note: "只看到小助手",
      findings: { diagnosis: "onlyAssistant", liveState: "ACTIVATED", seen: "assistantOnly", step: "done" },
    });
    expect((await myHelpdeskCases(member.scope)).map((c) => c.kind)).toEqual(["TROUBLESHOOT"]);
  });

  it("a failed write into WeCom → 【重新写入企业微信】 queues it again, and once it ran the member is in WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { synced: false });
    await prisma.wecomJob.updateMany({ where: { subject: member.id, kind: "member.upsert" }, data: { state: "FAILED", lastErrcode: -1 } });
    expect(await troubleshoot(member.scope, {})).toMatchObject({ case: "syncFailed", action: "rerunSync" });
    await troubleshootRerunSync(member.scope);
    expect((await troubleshoot(member.scope, {})).case).toBe("catchingUp");
    await sync(school, member.id);
    expect(await troubleshoot(member.scope, {})).toMatchObject({ case: "notActivated", findings: { liveState: "NOT_ACTIVATED" } });
  });

  it("the page's buttons are plain same-origin form posts answered with a 303 back to the page", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school);
    const { host, tenantId } = school.tenant;
    const post = async (body: Record<string, string>, headers: Record<string, string> = {}) =>
      actRoute(
        new Request(`http://${host}/me/troubleshoot/act`, {
          method: "POST",
          headers: {
            host,
            cookie: await sessionCookie({ sub: member.id, kind: "member", tenantId, host, ver: 0 }),
            "content-type": "application/x-www-form-urlencoded",
            origin: `http://${host}`,
            "sec-fetch-site": "same-origin",
            ...headers,
          },
          body: new URLSearchParams(body).toString(),
        }),
      );
    const sent = await post({ action: "helpdesk", seen: "nothing", note: "帮帮我" });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/me/troubleshoot?seen=nothing&done=sent");
    const invited = await post({ action: "resendInvitation" });
    expect(invited.headers.get("location")).toBe("/me/troubleshoot?done=invited");
    const again = await post({ action: "resendInvitation" });
    expect(again.headers.get("location")).toBe("/me/troubleshoot?done=inviteRecent");
    const bad = await post({ action: "deleteEverything" });
    expect(bad.headers.get("location")).toBe("/me/troubleshoot?error=INVALID_INPUT");
    // Another site's page cannot file a case in the member's name.
    const elsewhere = await post({ action: "helpdesk" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(elsewhere.headers.get("location")).toBe("/me/troubleshoot?error=CROSS_SITE_REFUSED");
    expect(await prisma.helpdeskCase.count({ where: { memberId: member.id } })).toBe(1);
  });
});
