// The product's sync against WeCom as a corp set up today sees it (the
// simulator's defaults, reference §7.5): the contact-sync token reads nothing,
// the app token reads status but no mobile, an activated member's new mobile is
// ignored, unknown IPs answer 60020. The product keeps its own record, learns
// follows by polling, changes an activated member's phone by re-creating them,
// and reconciles.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { searchMembers } from "~/server/members/directory-search";
import { directoryOverview } from "~/server/members/member-directory";
import { createMember, updateMember } from "~/server/members/manage-members";
import { reconcileAllSchools } from "~/server/wecom/reconcile";
import { runWecomStatusJob, scheduleReconciliation, sendStatusJob } from "~/server/wecom/status-jobs";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { describeFailure } from "~/server/wecom/worker";
import { tokenFor, uniqueId, type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { makeTenant, testPrisma, testScope } from "../support";
import {
  connectedSchool,
  directoryDeps,
  countCalls,
  pendingStatusJobs,
  runPendingStatusJob,
  syncDeps,
  wecomRecord,
  type ConnectedSchool,
} from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

const deps = () => syncDeps(prisma, boss);
const phone = () => `135${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

type SimMember = { userid: string; name: string; mobile?: string | null; status: number; wechatUserId?: string | null };
async function inWecom(school: ConnectedSchool, userid: string): Promise<SimMember | undefined> {
  return (await sim.ctl<{ members: SimMember[] }>("GET", `corps/${school.corp.corpid}/directory`)).members.find((m) => m.userid === userid);
}

const upsert = (school: ConnectedSchool, memberId: string) =>
  runWecomSyncJob(deps(), { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

/** A member created in the back office and synced to WeCom; returns its id and userid. */
async function syncedMember(school: ConnectedSchool, mobile: string, extra: { email?: string } = {}) {
  const member = await createMember(await directoryDeps(prisma, boss, school), {
    account: uniqueId("A"),
    name: "张同学",
    identityKindCode: "student_staff",
    department: "",
    phone: mobile,
    email: extra.email ?? "",
  });
  await upsert(school, member.id);
  return { id: member.id, account: member.account, userid: member.account.toLowerCase() };
}

async function wechatFollows(school: ConnectedSchool, mobile: string): Promise<string> {
  const wx = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信用户", phone: mobile });
  await sim.ctl("POST", `wechat-users/${wx.id}/follow`, { corpid: school.corp.corpid });
  return wx.id;
}

async function rowOf(school: ConnectedSchool, account: string) {
  const [row] = (await searchMembers(await testScope(prisma, school.tenant.tenantId), { query: account, pageSize: 1 })).rows;
  return row!;
}

describe("a school's WeCom as set up today", () => {
  it("syncs a member and sees them follow while the contact-sync token can read nothing (48009 for every read)", async () => {
    const school = await connectedSchool(prisma, sim);
    const contactToken = await tokenFor(sim, school.corp.corpid, school.corp.contactSecret);
    for (const [path, query] of [
      ["user/get", { userid: "anyone" }],
      ["user/list", { department_id: "1" }],
      ["user/simplelist", { department_id: "1" }],
      ["department/list", {}],
    ] as const) {
      expect((await sim.api(path, { token: contactToken, query })).errcode).toBe(48009);
    }

    const mobile = phone();
    const member = await syncedMember(school, mobile);
    expect(await inWecom(school, member.userid)).toMatchObject({ mobile, status: 4 });
    expect(await wecomRecord(prisma, member.id)).toMatchObject({ mobile, name: "张同学", state: "NOT_ACTIVATED", stateSource: "SYNC" });

    // No callback is configured: the watch started by the sync sees the follow.
    const [watch] = await pendingStatusJobs(prisma, `watch:${member.id}`);
    expect(watch!.startAfter.getTime() - Date.now()).toBeGreaterThan(10_000);
    await runPendingStatusJob(prisma, boss, `watch:${member.id}`);
    expect(await wecomRecord(prisma, member.id)).toMatchObject({ state: "NOT_ACTIVATED", stateSource: "POLL" });
    await wechatFollows(school, mobile);
    await runPendingStatusJob(prisma, boss, `watch:${member.id}`);
    expect(await wecomRecord(prisma, member.id)).toMatchObject({ state: "ACTIVATED", stateSource: "POLL" });
    // Followed: the watch ends.
    expect(await pendingStatusJobs(prisma, `watch:${member.id}`)).toEqual([]);
    const row = await rowOf(school, member.account);
    expect(row.wecom).toMatchObject({ state: "ACTIVATED", phoneOutdated: false });
    expect(row.wecom.stateAt).toBeInstanceOf(Date);
  });

  it("runs a job twice without harm: the second run sends WeCom nothing, judged by the product's record", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await syncedMember(school, phone());
    const calls = countCalls();
    try {
      await upsert(school, member.id);
      for (const path of ["user/create", "user/update", "user/get", "user/getuserid", "user/delete"]) expect(calls.of(path)).toBe(0);
    } finally {
      calls.restore();
    }
  });

  it("backs a watch off from 20 s, doubling, and ends it after a day without a follow", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await syncedMember(school, phone());
    const key = `watch:${member.id}`;
    await runPendingStatusJob(prisma, boss, key);
    const [second] = await pendingStatusJobs(prisma, key);
    expect(second!.data).toMatchObject({ attempt: 1 });
    const delay = (second!.startAfter.getTime() - Date.now()) / 1000;
    expect(delay).toBeGreaterThan(30);
    expect(delay).toBeLessThanOrEqual(40);

    // A watch that began almost a day ago polls once more and stops.
    await prisma.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'wecom-status' AND singleton_key = $1`, key);
    const startedAt = new Date(Date.now() - 24 * 3600_000 + 60_000).toISOString();
    await runWecomStatusJob(deps(), {
      kind: "member.watch",
      tenantId: school.tenant.tenantId,
      memberId: member.id,
      startedAt,
      attempt: 12,
    });
    expect(await pendingStatusJobs(prisma, key)).toEqual([]);
    expect(await prisma.auditLog.count({ where: { tenantId: school.tenant.tenantId, action: "wecom.watch.ended" } })).toBe(1);
  });

  it("changes an activated member's phone by removing and re-creating them, with consent, until WeCom and the product agree", async () => {
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, boss, school);
    const oldMobile = phone();
    const member = await syncedMember(school, oldMobile);
    const oldWechat = await wechatFollows(school, oldMobile);
    await runPendingStatusJob(prisma, boss, `watch:${member.id}`);
    expect((await wecomRecord(prisma, member.id))?.state).toBe("ACTIVATED");

    // Without consent: refused with the consequence explained; nothing changes anywhere.
    const newMobile = phone();
    const refusal = await failureOf(updateMember(d, { memberId: member.id, phone: newMobile }));
    expect(refusal).toMatchObject({ code: "WECOM_REJOIN_CONSENT_REQUIRED" });
    const refused = refusal as { messageIn(locale: "zh-CN" | "en"): string };
    expect(refused.messageIn("zh-CN")).toContain("重新关注");
    expect(refused.messageIn("en")).toContain("follow again");
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).phone).toBe(`+86${oldMobile}`);
    expect(await inWecom(school, member.userid)).toMatchObject({ mobile: oldMobile, status: 1 });

    // With consent: recorded with the change, then the job takes the supported path.
    await updateMember(d, { memberId: member.id, phone: newMobile, confirmWecomRejoin: true });
    expect((await wecomRecord(prisma, member.id))?.rejoinConsentAt).toBeInstanceOf(Date);
    const consent = await prisma.auditLog.findFirst({
      where: { tenantId: school.tenant.tenantId, action: "member.update", target: member.account },
      orderBy: { createdAt: "desc" },
    });
    expect(consent?.detail).toMatchObject({ changed: ["phone"], wecomRejoinConsent: true });
    expect((await rowOf(school, member.account)).wecom.phoneOutdated).toBe(true);
    await upsert(school, member.id);

    const recreated = await inWecom(school, member.userid);
    expect(recreated).toMatchObject({ mobile: newMobile, status: 4 });
    expect(recreated?.wechatUserId ?? null).toBeNull();
    expect(await sim.ctl<{ relation: string }>("GET", `wechat-users/${oldWechat}/corps/${school.corp.corpid}`)).not.toMatchObject({
      userid: member.userid,
    });
    expect(await wecomRecord(prisma, member.id)).toMatchObject({ mobile: newMobile, state: "NOT_ACTIVATED", rejoinConsentAt: null });
    expect((await rowOf(school, member.account)).wecom.phoneOutdated).toBe(false);
    const actions = (
      await prisma.auditLog.findMany({ where: { tenantId: school.tenant.tenantId, target: member.account }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["wecom.member.rejoin_started", "wecom.member.rejoined"]));

    // The member follows again with the new phone's WeChat, and the fresh watch sees it.
    const newWechat = await wechatFollows(school, newMobile);
    await runPendingStatusJob(prisma, boss, `watch:${member.id}`);
    expect(await inWecom(school, member.userid)).toMatchObject({ mobile: newMobile, status: 1, wechatUserId: newWechat });
    expect((await wecomRecord(prisma, member.id))?.state).toBe("ACTIVATED");
  });

  it("never records as done a mobile WeCom ignored: the job stops for good until the admin consents", async () => {
    // The member follows but waits for 二次验证: activated for WeCom (status still 4), so user/update ignores the mobile.
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "https://campus.example/verify" });
    await prisma.wecomConnection.update({ where: { tenantId: school.tenant.tenantId }, data: { secondVerification: true } });
    const d = await directoryDeps(prisma, boss, school);
    const oldMobile = phone();
    const member = await syncedMember(school, oldMobile);
    await wechatFollows(school, oldMobile);
    expect(await inWecom(school, member.userid)).toMatchObject({ status: 4 });

    const newMobile = phone();
    await updateMember(d, { memberId: member.id, phone: newMobile, name: "张同学二" });
    const failure = await failureOf(upsert(school, member.id));
    expect(failure).toMatchObject({ code: "WECOM_PHONE_CHANGE_NEEDS_REJOIN" });
    expect(describeFailure(failure).permanent).toBe(true);
    expect(describeFailure(failure).message).toContain("确认重新加入企业微信");
    // WeCom kept the old number; the product says so and records the name, which WeCom did take.
    expect(await inWecom(school, member.userid)).toMatchObject({ mobile: oldMobile, name: "张同学二" });
    expect(await wecomRecord(prisma, member.id)).toMatchObject({ mobile: oldMobile, name: "张同学二" });
    expect((await rowOf(school, member.account)).wecom.phoneOutdated).toBe(true);

    // The admin confirms the same phone with consent: the member is re-created with it.
    await updateMember(d, { memberId: member.id, phone: newMobile, confirmWecomRejoin: true });
    await upsert(school, member.id);
    expect(await inWecom(school, member.userid)).toMatchObject({ mobile: newMobile, name: "张同学二" });
    expect((await rowOf(school, member.account)).wecom.phoneOutdated).toBe(false);
  });

  it("stops a job for good when the member activated after the admin's change, changing nothing in WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, boss, school);
    const oldMobile = phone();
    const member = await syncedMember(school, oldMobile);
    // Changed while the product still knew the member as not activated; they follow before the job runs.
    await updateMember(d, { memberId: member.id, phone: phone() });
    await wechatFollows(school, oldMobile);
    const failure = await failureOf(upsert(school, member.id));
    expect(failure).toMatchObject({ code: "WECOM_PHONE_CHANGE_NEEDS_REJOIN" });
    expect(await inWecom(school, member.userid)).toMatchObject({ mobile: oldMobile, status: 1 });
    expect(await wecomRecord(prisma, member.id)).toMatchObject({ mobile: oldMobile, state: "ACTIVATED", stateSource: "SYNC" });
  });

  it("removes a member from WeCom when their phone is cleared and they have no email, and creates them again with a new one", async () => {
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, boss, school);
    const member = await syncedMember(school, phone());
    await updateMember(d, { memberId: member.id, phone: null });
    await upsert(school, member.id);
    expect(await inWecom(school, member.userid)).toBeUndefined();
    expect(await wecomRecord(prisma, member.id)).toMatchObject({ writtenAt: null, mobile: null, state: "NOT_IN_WECOM" });
    const again = phone();
    await updateMember(d, { memberId: member.id, phone: again });
    await upsert(school, member.id);
    expect(await inWecom(school, member.userid)).toMatchObject({ mobile: again });
  });

  it("waits, instead of failing, while a phone moves to its rightful owner and the old holder still has it in WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, boss, school);
    const contested = phone();
    const wrongHolder = await syncedMember(school, contested, { email: `${uniqueId("w")}@example.com` });
    const owner = await syncedMember(school, phone());
    // The admin takes the number from the wrong holder and gives it to its owner; the owner's job runs first.
    await updateMember(d, { memberId: wrongHolder.id, phone: null });
    await updateMember(d, { memberId: owner.id, phone: contested });
    const first = await failureOf(upsert(school, owner.id));
    expect(describeFailure(first)).toMatchObject({ permanent: false });
    expect(describeFailure(first).message).toContain(contested);

    await upsert(school, wrongHolder.id);
    await upsert(school, owner.id);
    expect(await inWecom(school, owner.userid)).toMatchObject({ mobile: contested });
    expect((await inWecom(school, wrongHolder.userid))?.mobile ?? null).toBeNull();
    expect(await wecomRecord(prisma, owner.id)).toMatchObject({ mobile: contested });
  });

  it("fails a sync job for good with 60020 when the corp does not trust the platform's address", async () => {
    const school = await connectedSchool(prisma, sim, {}, { trustedIps: false });
    const member = await prisma.member.findUniqueOrThrow({ where: { id: school.tenant.memberId } });
    const failure = await failureOf(upsert(school, member.id));
    const described = describeFailure(failure);
    expect(described).toMatchObject({ errcode: 60020, permanent: true });
    expect(described.message).not.toContain("from ip");
    expect(await wecomRecord(prisma, member.id)).toBeNull();
  });

  it("reconciles: records each member's state and tells members outside the app's visible range from members gone from WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const followed = phone();
    const visible = await syncedMember(school, followed);
    const outside = await syncedMember(school, phone());
    const gone = await syncedMember(school, phone());
    await wechatFollows(school, followed);
    // The school narrows the assistant app's range to one member, and deletes another in WeCom's console.
    await sim.ctl("PATCH", `corps/${school.corp.corpid}/apps/${school.corp.assistantAgentid}`, {
      visibleDepartments: [],
      visibleUsers: [visible.userid],
    });
    const contactToken = await tokenFor(sim, school.corp.corpid, school.corp.contactSecret);
    expect((await sim.api("user/delete", { token: contactToken, query: { userid: gone.userid } })).errcode).toBe(0);

    await runWecomStatusJob(deps(), { kind: "tenant.reconcile", tenantId: school.tenant.tenantId });
    expect(await wecomRecord(prisma, visible.id)).toMatchObject({ state: "ACTIVATED", stateSource: "RECONCILE" });
    expect(await wecomRecord(prisma, outside.id)).toMatchObject({ state: "OUT_OF_RANGE", stateSource: "RECONCILE" });
    expect(await wecomRecord(prisma, gone.id)).toMatchObject({ state: "NOT_IN_WECOM", writtenAt: null });
    const row = await rowOf(school, outside.account);
    expect(row.wecom.state).toBe("OUT_OF_RANGE");
    // The back office counts the members the app cannot see, to tell the admin to widen its range.
    expect((await directoryOverview(await testScope(prisma, school.tenant.tenantId))).wecomOutOfRange).toBe(1);

    // The next change of the member gone from WeCom creates them again.
    await upsert(school, gone.id);
    expect(await inWecom(school, gone.userid)).toBeDefined();
  });

  it("schedules the reconciliation every WECOM_RECONCILE_HOURS hours, once however many instances start", async () => {
    await scheduleReconciliation(boss, 6);
    await scheduleReconciliation(boss, 6);
    const schedules = (await boss.getSchedules()).filter((schedule) => schedule.name === "wecom-status");
    expect(schedules).toMatchObject([{ cron: "0 */6 * * *", data: { kind: "reconcile.all" } }]);
  });

  it("queues one reconciliation per connected school on the schedule's tick, one at a time", async () => {
    const school = await connectedSchool(prisma, sim);
    const unconnected = await makeTenant(prisma);
    const ticked: string[] = [];
    await reconcileAllSchools(deps(), (tenantId) => Promise.resolve(ticked.push(tenantId)));
    expect(ticked).toContain(school.tenant.tenantId);
    expect(ticked).not.toContain(unconnected.tenantId);
    const job = { kind: "tenant.reconcile" as const, tenantId: school.tenant.tenantId };
    await sendStatusJob(boss, prisma, job);
    await sendStatusJob(boss, prisma, job);
    expect(await pendingStatusJobs(prisma, `reconcile:${school.tenant.tenantId}`)).toHaveLength(1);
  });
});
