// 解绑微信 from 个人中心 (issue 18 §1; UCAS FAQ 11, XAU §3, IMUT 二) against a real WeCom simulator:
// what the member loses here (the binding and the phone they bound, every session), what WeCom does
// once the job ran (the WeChat released), the audit row, the journey that starts over at binding
// rather than at a stale 「关注成功」, the form post's origin check, another school's member out of
// reach, and a clear answer when there is nothing to unbind.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { POST as unbindRoute } from "~/app/(school)/(member)/me/unbind/confirm/route";
import { bindPhone } from "~/server/bindings/bind-phone";
import { unbindWechat } from "~/server/bindings/unbind-wechat";
import { tenantDb } from "~/server/db/tenant-db";
import { errorMessage } from "~/server/errors";
import { journeyState } from "~/server/journey/journey-state";
import { recordWecomState } from "~/server/wecom/member-record";
import { runWecomSyncJob } from "~/server/wecom/sync";
import type { SessionClaims } from "~/server/auth/session-user";
import { refusedWith } from "../codes/codes-kit";
import { callerFor, sessionCookie, testPrisma } from "../support";
import { type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { connectedSchool, syncDeps, type ConnectedSchool } from "../wecom/wecom-test-kit";
import { jobsOf, memberScopeIn, outboxCode } from "./journey-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

const memberScope = (school: ConnectedSchool, memberId: string) => memberScopeIn(prisma, boss, school, memberId, "203.0.113.7");

/** Runs the member's pending upsert, as a worker would. */
const sync = (school: ConnectedSchool, memberId: string) =>
  runWecomSyncJob(syncDeps(prisma, boss), { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId });

const claimsOf = (school: ConnectedSchool, memberId: string): SessionClaims => ({
  sub: memberId,
  kind: "member",
  tenantId: school.tenant.tenantId,
  host: school.tenant.host,
  ver: 0,
});

/** What the WeChat user sees of the school's enterprise account. */
const viewOf = (school: ConnectedSchool, wechatId: string) =>
  sim.ctl<{ relation: string; userid: string | null; apps: { name: string }[] }>(
    "GET",
    `wechat-users/${wechatId}/corps/${school.corp.corpid}`,
  );

const inSimDirectory = async (school: ConnectedSchool, userid: string) =>
  (await sim.ctl<{ members: { userid: string; status: number }[] }>("GET", `corps/${school.corp.corpid}/directory`)).members.find(
    (m) => m.userid === userid,
  ) ?? null;

const row = (id: string) => prisma.member.findUniqueOrThrow({ where: { id }, include: { binding: true, wecom: true } });

/** A member who bound their phone, was put into WeCom by the sync and followed with the WeChat of that phone. */
async function followedMember(school: ConnectedSchool) {
  const typed = `135${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const phone = `+86${typed}`;
  const member = await prisma.member.create({
    data: {
      tenantId: school.tenant.tenantId,
      account: `U${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
      name: "解绑",
      identityKindId: school.tenant.identityKindId,
      phone,
      phoneDisplay: typed,
    },
    select: { id: true, account: true },
  });
  const scope = await memberScope(school, member.id);
  await bindPhone(scope, { value: typed });
  await sync(school, member.id);
  const wechat = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone });
  const followed = await sim.ctl<{ result: string }>("POST", `wechat-users/${wechat.id}/follow`, { corpid: school.corp.corpid });
  expect(followed.result).toBe("followed");
  // WeCom's subscribe callback, as the product records it.
  await recordWecomState(
    tenantDb(prisma, school.tenant.tenantId),
    { tenantId: school.tenant.tenantId, memberId: member.id },
    { state: "ACTIVATED", at: new Date(), source: "CALLBACK" },
    { callback: true },
  );
  expect((await journeyState(scope)).step).toBe("done");
  expect((await viewOf(school, wechat.id)).relation).toBe("member");
  return { ...member, typed, phone, scope, wechatId: wechat.id, userid: member.account.toLowerCase() };
}

/** 【确认解绑】's form post as the member's browser sends it, from the school's own page unless `headers` say otherwise. */
async function confirmPost(school: ConnectedSchool, claims: SessionClaims, headers: Record<string, string> = {}) {
  const { host } = school.tenant;
  return unbindRoute(
    new Request(`http://${host}/me/unbind/confirm`, {
      method: "POST",
      headers: {
        host,
        cookie: await sessionCookie(claims),
        "content-type": "application/x-www-form-urlencoded",
        origin: `http://${host}`,
        "sec-fetch-site": "same-origin",
        ...headers,
      },
      body: "",
    }),
  );
}

describe("解绑微信", () => {
  it("removes the binding and the phone bound, ends every session, audits, and queues WeCom's removal; once it ran the WeChat no longer follows", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await followedMember(school);
    // The member signed in on two devices (each request re-reads the account).
    const onDevice = async () => (await callerFor(prisma, school.tenant.host, claimsOf(school, member.id))).me.profile.get();
    await expect(onDevice()).resolves.toMatchObject({ account: member.account });
    await expect(onDevice()).resolves.toMatchObject({ account: member.account });

    await expect(unbindWechat(member.scope)).resolves.toEqual({ account: member.account, wecomJobQueued: true });

    const after = await row(member.id);
    expect({ phone: after.phone, binding: after.binding }).toEqual({ phone: null, binding: null });
    // Every device's session ends: the next request of either is nobody's.
    await expect(onDevice()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(onDevice()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const audit = await prisma.auditLog.findMany({ where: { tenantId: school.tenant.tenantId, action: "member.wechat.unbound" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "member", actorId: member.id, target: member.account, ip: "203.0.113.7" });
    expect(audit[0]!.detail).toMatchObject({
      before: { phone: member.typed, binding: member.phone, wecomState: "ACTIVATED" },
      after: { phone: null, binding: null },
      wecomRemoval: true,
    });
    expect(await jobsOf(prisma, school.tenant.tenantId, member.id)).toContain("wecom-sync:member.upsert");
    // Before the job ran, WeCom's last word is still 「已关注」: signing in again starts at binding, not at 「关注成功」.
    expect(after.wecom?.state).toBe("ACTIVATED");
    expect((await journeyState(member.scope)).step).toBe("bind");
    expect((await viewOf(school, member.wechatId)).relation).toBe("member");

    await sync(school, member.id);
    const view = await viewOf(school, member.wechatId);
    expect(view.relation).toBe("none");
    expect(view.apps).toEqual([]);
    // Nothing left to reach WeCom by (no phone, no e-mail): the member is gone from its directory.
    expect(await inSimDirectory(school, member.userid)).toBeNull();
    expect((await row(member.id)).wecom).toMatchObject({ state: "NOT_IN_WECOM", writtenAt: null, rejoinConsentAt: null });
    expect((await journeyState(member.scope)).step).toBe("bind");
  });

  it("releases the WeChat even when the member bound the same phone again before the job ran, and leaves no consent behind", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await followedMember(school);
    await unbindWechat(member.scope);
    // The phone left the account, so binding it again is confirmed by a code, as any new phone.
    await expect(bindPhone(member.scope, { value: member.typed })).resolves.toMatchObject({ status: "codeSent" });
    const code = await outboxCode(prisma, school.tenant.tenantId, member.phone);
    await expect(bindPhone(member.scope, { value: member.typed, code })).resolves.toMatchObject({ status: "bound" });

    await sync(school, member.id);
    // The old follow ended; the member is back in WeCom with the phone, waiting to be followed again.
    expect((await viewOf(school, member.wechatId)).relation).not.toBe("member");
    expect(await inSimDirectory(school, member.userid)).toMatchObject({ status: 4 });
    expect((await row(member.id)).wecom).toMatchObject({ state: "NOT_ACTIVATED", rejoinConsentAt: null });
    expect((await journeyState(member.scope)).step).toBe("follow");
  });

  it("uses the consent up when WeCom lost the member meanwhile, so a later sync never removes the member who followed again", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await followedMember(school);
    await unbindWechat(member.scope);
    await bindPhone(member.scope, { value: member.typed });
    await bindPhone(member.scope, { value: member.typed, code: await outboxCode(prisma, school.tenant.tenantId, member.phone) });
    // An admin deleted the member in WeCom's console before the job ran.
    await sim.ctl("DELETE", `corps/${school.corp.corpid}/console/members/${member.userid}`);
    await sync(school, member.id);
    expect(await inSimDirectory(school, member.userid)).toMatchObject({ status: 4 });
    expect((await row(member.id)).wecom?.rejoinConsentAt).toBeNull();

    // The member follows again; later an admin renames them: WeCom gets the name, and the member stays.
    expect(
      (await sim.ctl<{ result: string }>("POST", `wechat-users/${member.wechatId}/follow`, { corpid: school.corp.corpid })).result,
    ).toBe("followed");
    await recordWecomState(
      tenantDb(prisma, school.tenant.tenantId),
      { tenantId: school.tenant.tenantId, memberId: member.id },
      { state: "ACTIVATED", at: new Date(), source: "CALLBACK" },
      { callback: true },
    );
    await prisma.member.update({ where: { id: member.id }, data: { name: "改名" } });
    await sync(school, member.id);
    expect((await viewOf(school, member.wechatId)).relation).toBe("member");
  });

  it("is refused, with what to do instead, when the member has neither bound nor followed", async () => {
    const school = await connectedSchool(prisma, sim);
    const scope = await memberScope(school, school.tenant.memberId);
    await refusedWith(unbindWechat(scope), "UNBIND_NOTHING_TO_UNBIND");
    expect(errorMessage("UNBIND_NOTHING_TO_UNBIND", "zh-CN")).toContain("无需解绑");
    expect(await prisma.auditLog.count({ where: { tenantId: school.tenant.tenantId, action: "member.wechat.unbound" } })).toBe(0);
    expect((await row(school.tenant.memberId)).sessionVersion).toBe(0);
  });

  it("cannot reach another school's member: neither by a session of theirs on this host nor by their id in this school's scope", async () => {
    const here = await connectedSchool(prisma, sim);
    const there = await connectedSchool(prisma, sim);
    const theirs = await followedMember(there);
    // Their session presented on this school's host is nobody's here.
    const answer = await confirmPost(here, { ...claimsOf(there, theirs.id), host: here.tenant.host });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/login");
    // Their id acting in this school's scope reaches no row.
    await refusedWith(unbindWechat(await memberScope(here, theirs.id)), "UNAUTHENTICATED");
    const after = await row(theirs.id);
    expect({ phone: after.phone, binding: after.binding?.value, sessionVersion: after.sessionVersion }).toEqual({
      phone: theirs.phone,
      binding: theirs.phone,
      sessionVersion: 0,
    });
    expect((await viewOf(there, theirs.wechatId)).relation).toBe("member");
  });
});

describe("【确认解绑】, the form post", () => {
  it("unbinds and answers with the done page, this browser's session cookie cleared and the next sign-in asked afresh", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await followedMember(school);
    const answer = await confirmPost(school, claimsOf(school, member.id));
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/unbound");
    const cookies = answer.headers.getSetCookie();
    expect(cookies.some((c) => /^next-auth\.session-token=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect(cookies.some((c) => c.startsWith("campus.identity-renew=1"))).toBe(true);
    expect((await row(member.id)).binding).toBeNull();
  });

  it("refuses a post from another site's page, which cannot unbind the member, and changes nothing", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await followedMember(school);
    for (const crossSite of [
      { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "http://other-school.localhost", "sec-fetch-site": "same-site" },
    ]) {
      const answer = await confirmPost(school, claimsOf(school, member.id), crossSite);
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/me/unbind?error=CROSS_SITE_REFUSED");
    }
    const after = await row(member.id);
    expect({ binding: after.binding?.value, sessionVersion: after.sessionVersion }).toEqual({ binding: member.phone, sessionVersion: 0 });
  });
});
