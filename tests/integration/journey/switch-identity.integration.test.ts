// 切换身份 from 个人中心 (issue 18 §1; UCAS FAQ 12, IMUT 三 4) against a real WeCom simulator: only the
// member's other entries of the same school with the same ID number are offered (never another
// school's, even with the very same blind index); switching moves the bound phone and the binding to
// the chosen entry, ends every session of the old one, audits, and chains WeCom's jobs so that the
// chosen entry asks WeCom for the phone only after the old one let it go: no 60104, the old entry
// released, the same WeChat then follows as the new identity. The form post answers 303s: a session of
// the chosen entry where it signs in here, the school's sign-in where it signs in at CAS.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { POST as switchRoute } from "~/app/(school)/(member)/me/switch/confirm/route";
import { createCaller } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import type { SessionClaims } from "~/server/auth/session-user";
import { bindPhone } from "~/server/bindings/bind-phone";
import { otherIdentities, switchIdentity } from "~/server/bindings/switch-identity";
import { tenantDb } from "~/server/db/tenant-db";
import { journeyState } from "~/server/journey/journey-state";
import { recordWecomState } from "~/server/wecom/member-record";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { handleWecomJob } from "~/server/wecom/worker";
import { refusedWith } from "../codes/codes-kit";
import { callerFor, sessionCookie, testPrisma } from "../support";
import { type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { connectedSchool, syncDeps, type ConnectedSchool } from "../wecom/wecom-test-kit";
import { jobsOf, memberScopeIn } from "./journey-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

const memberScope = (school: ConnectedSchool, memberId: string) => memberScopeIn(prisma, boss, school, memberId, "203.0.113.7");

const claimsOf = (school: ConnectedSchool, memberId: string, ver = 0): SessionClaims => ({
  sub: memberId,
  kind: "member",
  tenantId: school.tenant.tenantId,
  host: school.tenant.host,
  ver,
});

type QueuedSync = { id: string; data: { kind: string; tenantId: string; memberId: string; then?: string } };

/** The member's sync jobs still waiting in the queue, as the worker would take them. */
const queuedSyncs = (school: ConnectedSchool, memberId: string) =>
  prisma.$queryRawUnsafe<QueuedSync[]>(
    `SELECT id::text, data FROM pgboss.job WHERE name = 'wecom-sync' AND state = 'created'
        AND data->>'tenantId' = $1 AND data->>'memberId' = $2 ORDER BY created_on`,
    school.tenant.tenantId,
    memberId,
  );

/** Runs the member's queued sync jobs as the worker does (their data as queued, `then` included), and marks them done. */
async function runQueued(school: ConnectedSchool, memberId: string): Promise<number> {
  const jobs = await queuedSyncs(school, memberId);
  for (const job of jobs) {
    await runWecomSyncJob(syncDeps(prisma, boss), job.data);
    await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'completed' WHERE id = $1::uuid`, job.id);
  }
  return jobs.length;
}

const viewOf = (school: ConnectedSchool, wechatId: string) =>
  sim.ctl<{ relation: string; userid: string | null }>("GET", `wechat-users/${wechatId}/corps/${school.corp.corpid}`);

const inSimDirectory = async (school: ConnectedSchool, userid: string) =>
  (
    await sim.ctl<{ members: { userid: string; status: number; mobile?: string }[] }>("GET", `corps/${school.corp.corpid}/directory`)
  ).members.find((m) => m.userid === userid) ?? null;

const row = (id: string) => prisma.member.findUniqueOrThrow({ where: { id }, include: { binding: true, wecom: true } });

let serial = 0;
const account = (prefix: string) => `${prefix}${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase();

async function entry(school: ConnectedSchool, options: { idNumberHash: string | null; department?: string; phone?: string }) {
  return prisma.member.create({
    data: {
      tenantId: school.tenant.tenantId,
      account: account("S"),
      name: "切换",
      identityKindId: school.tenant.identityKindId,
      department: options.department ?? "",
      idNumberHash: options.idNumberHash,
      ...(options.phone ? { phone: options.phone, phoneDisplay: options.phone.slice(3) } : {}),
    },
    select: { id: true, account: true },
  });
}

const freshHash = () => `h${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`.padEnd(64, "0").slice(0, 64);

/**
 * A person with two entries of one school sharing an ID number (本科学号 A and 研究生学号 B): A bound its
 * phone, was put into WeCom and followed with the WeChat of that phone.
 */
async function personWithTwoEntries(school: ConnectedSchool) {
  const idNumberHash = freshHash();
  const typed = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const phone = `+86${typed}`;
  // In the school's root department: a department of their own would have its own job first (department-sync.ts).
  const a = await entry(school, { idNumberHash, phone });
  const b = await entry(school, { idNumberHash });
  const scope = await memberScope(school, a.id);
  await bindPhone(scope, { value: typed });
  expect(await runQueued(school, a.id)).toBeGreaterThan(0);
  const wechat = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone });
  expect((await sim.ctl<{ result: string }>("POST", `wechat-users/${wechat.id}/follow`, { corpid: school.corp.corpid })).result).toBe(
    "followed",
  );
  await recordWecomState(
    tenantDb(prisma, school.tenant.tenantId),
    { tenantId: school.tenant.tenantId, memberId: a.id },
    { state: "ACTIVATED", at: new Date(), source: "CALLBACK" },
    { callback: true },
  );
  expect((await viewOf(school, wechat.id)).userid).toBe(a.account.toLowerCase());
  return { a, b, idNumberHash, typed, phone, scope, wechatId: wechat.id };
}

describe("切换身份: what is offered", () => {
  it("offers only the member's other entries of this school with the same ID number, never another school's with the same one", async () => {
    const school = await connectedSchool(prisma, sim);
    const elsewhere = await connectedSchool(prisma, sim);
    const idNumberHash = freshHash();
    const a = await entry(school, { idNumberHash });
    const b = await entry(school, { idNumberHash, department: "研究生院" });
    await entry(school, { idNumberHash: freshHash() });
    await entry(school, { idNumberHash: null });
    // Another school's member whose stored index is the very same string.
    const foreign = await entry(elsewhere, { idNumberHash });

    const offered = await otherIdentities(await memberScope(school, a.id));
    expect(offered.map(({ id, account, department, follows }) => ({ id, account, department, follows }))).toEqual([
      { id: b.id, account: b.account, department: "研究生院", follows: false },
    ]);
    expect(offered[0]!.identityKind.code).toBeTruthy();
    // Through 个人中心's procedure too: nothing of the other school.
    const listed = await (await callerFor(prisma, school.tenant.host, claimsOf(school, a.id))).me.profile.otherIdentities();
    expect(listed.map((o) => o.account)).toEqual([b.account]);
    expect(JSON.stringify(listed)).not.toContain(foreign.account);
    // A member without an ID number, or the only entry of theirs, is offered nothing.
    expect(await otherIdentities(await memberScope(school, school.tenant.memberId))).toEqual([]);
    expect(await otherIdentities(await memberScope(elsewhere, foreign.id))).toEqual([]);

    // And switching to the other school's entry is refused, changing nothing.
    await refusedWith(switchIdentity(await memberScope(school, a.id), { memberId: foreign.id }), "SWITCH_IDENTITY_NOT_OFFERED");
    await refusedWith(switchIdentity(await memberScope(school, a.id), { memberId: a.id }), "SWITCH_IDENTITY_NOT_OFFERED");
    expect((await row(a.id)).sessionVersion).toBe(0);
    expect((await row(foreign.id)).sessionVersion).toBe(0);
  });
});

describe("切换身份: switching", () => {
  it("moves the phone and the binding, ends A's sessions, audits; WeCom lets A go before B asks for the phone, and the WeChat follows as B", async () => {
    const school = await connectedSchool(prisma, sim);
    const person = await personWithTwoEntries(school);
    const { a, b } = person;
    const onDeviceOfA = async () => (await callerFor(prisma, school.tenant.host, claimsOf(school, a.id))).me.profile.get();
    await expect(onDeviceOfA()).resolves.toMatchObject({ account: a.account });

    await expect(switchIdentity(person.scope, { memberId: b.id })).resolves.toMatchObject({
      from: a.account,
      to: { id: b.id, account: b.account, sessionVersion: 0 },
      sessionHere: true,
      moved: "PHONE",
    });

    const [afterA, afterB] = [await row(a.id), await row(b.id)];
    expect({ phone: afterA.phone, binding: afterA.binding }).toEqual({ phone: null, binding: null });
    expect({ phone: afterB.phone, phoneDisplay: afterB.phoneDisplay, binding: afterB.binding?.value }).toEqual({
      phone: person.phone,
      phoneDisplay: person.typed,
      binding: person.phone,
    });
    // Every session of A ends; B is the one that goes on (the route issues its session).
    await expect(onDeviceOfA()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const asB = await memberScope(school, b.id);
    expect((await journeyState(asB)).step).not.toBe("bind");

    const audit = await prisma.auditLog.findMany({ where: { tenantId: school.tenant.tenantId, action: "member.identity.switched" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "member", actorId: a.id, target: a.account, ip: "203.0.113.7" });
    expect(audit[0]!.detail).toMatchObject({
      to: b.account,
      moved: "PHONE",
      before: { from: { phone: person.typed, binding: person.phone, wecomState: "ACTIVATED" }, to: { phone: null, binding: null } },
      wecomRelease: true,
    });

    // Only A's release is queued, carrying B on: B's sync waits for it.
    expect((await queuedSyncs(school, a.id)).map((j) => j.data)).toEqual([expect.objectContaining({ kind: "member.upsert", then: b.id })]);
    expect(await queuedSyncs(school, b.id)).toEqual([]);
    expect((await viewOf(school, person.wechatId)).userid).toBe(a.account.toLowerCase());

    // The worker runs A's release: the WeChat no longer follows as A, and B's sync is queued now.
    expect(await runQueued(school, a.id)).toBe(1);
    expect((await viewOf(school, person.wechatId)).relation).toBe("none");
    expect(await inSimDirectory(school, a.account.toLowerCase())).toBeNull();
    expect(await jobsOf(prisma, school.tenant.tenantId, b.id)).toContain("wecom-sync:member.upsert");

    // B's run creates B with the phone: WeCom took it (no 60104, the job did not fail).
    expect(await runQueued(school, b.id)).toBe(1);
    expect(await inSimDirectory(school, b.account.toLowerCase())).toMatchObject({ status: 4 });
    expect((await row(b.id)).wecom).toMatchObject({ mobile: person.typed, state: "NOT_ACTIVATED" });
    expect(
      await prisma.wecomJob.count({ where: { tenantId: school.tenant.tenantId, subject: { in: [a.id, b.id] }, state: "FAILED" } }),
    ).toBe(0);
    expect((await journeyState(asB)).step).toBe("follow");

    // The same WeChat follows again: now as B.
    expect(
      (await sim.ctl<{ result: string }>("POST", `wechat-users/${person.wechatId}/follow`, { corpid: school.corp.corpid })).result,
    ).toBe("followed");
    expect(await viewOf(school, person.wechatId)).toMatchObject({ relation: "member", userid: b.account.toLowerCase() });
  });

  it("A's release failing for good does not leave B waiting in silence: B's own write runs, and is retried while WeCom holds the phone on A", async () => {
    const school = await connectedSchool(prisma, sim);
    const person = await personWithTwoEntries(school);
    await switchIdentity(person.scope, { memberId: person.b.id });
    const [release] = await queuedSyncs(school, person.a.id);

    // WeCom answers A's release with errors until the queue's last try: it failed for good.
    await sim.ctl("POST", "faults", { fail: { count: 10, status: 503 } });
    const lastTry = { id: release!.id, name: "wecom-sync", data: release!.data, expireInSeconds: 600, retryCount: 3, retryLimit: 3 };
    await expect(handleWecomJob(syncDeps(prisma, boss), lastTry)).rejects.toThrow();
    await sim.ctl("DELETE", "faults");
    expect(await prisma.wecomJob.findFirst({ where: { jobId: release!.id } })).toMatchObject({ state: "FAILED" });
    await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'failed' WHERE id = $1::uuid`, release!.id);

    // B's write is queued anyway; WeCom still holds the phone on A, so it is retried, visibly, as B's own.
    const [forB] = await queuedSyncs(school, person.b.id);
    expect(forB?.data).toMatchObject({ kind: "member.upsert", memberId: person.b.id });
    await expect(
      handleWecomJob(syncDeps(prisma, boss), {
        id: forB!.id,
        name: "wecom-sync",
        data: forB!.data,
        expireInSeconds: 600,
        retryCount: 0,
        retryLimit: 3,
      }),
    ).rejects.toThrow();
    expect(await prisma.wecomJob.findFirst({ where: { jobId: forB!.id } })).toMatchObject({ state: "RETRYING", lastErrcode: null });
    expect(await inSimDirectory(school, person.b.account.toLowerCase())).toBeNull();
  });

  it("refuses to switch to an entry that follows already, and changes nothing", async () => {
    const school = await connectedSchool(prisma, sim);
    const person = await personWithTwoEntries(school);
    await prisma.memberWecom.upsert({
      where: { memberId: person.b.id },
      create: { memberId: person.b.id, tenantId: school.tenant.tenantId, state: "ACTIVATED" },
      update: { state: "ACTIVATED" },
    });
    const [offered] = await otherIdentities(person.scope);
    expect(offered).toMatchObject({ id: person.b.id, follows: true });
    await refusedWith(switchIdentity(person.scope, { memberId: person.b.id }), "SWITCH_IDENTITY_TARGET_FOLLOWS");
    const after = await row(person.a.id);
    expect({ phone: after.phone, binding: after.binding?.value, sessionVersion: after.sessionVersion }).toEqual({
      phone: person.phone,
      binding: person.phone,
      sessionVersion: 0,
    });
  });
});

/** 【确认切换】's form post as the member's browser sends it, from the school's own page unless `headers` say otherwise. */
async function confirmPost(school: ConnectedSchool, claims: SessionClaims, body: string, headers: Record<string, string> = {}) {
  const { host } = school.tenant;
  return switchRoute(
    new Request(`http://${host}/me/switch/confirm`, {
      method: "POST",
      headers: {
        host,
        cookie: await sessionCookie(claims),
        "content-type": "application/x-www-form-urlencoded",
        origin: `http://${host}`,
        "sec-fetch-site": "same-origin",
        ...headers,
      },
      body,
    }),
  );
}

const sessionTokenOf = (answer: Response) =>
  answer.headers
    .getSetCookie()
    .find((c) => c.startsWith("next-auth.session-token="))
    ?.split(";")[0]
    ?.slice("next-auth.session-token=".length);

describe("【确认切换】, the form post", () => {
  it("switches and answers with the follow page and a session of the chosen entry, which 个人中心 then shows", async () => {
    const school = await connectedSchool(prisma, sim);
    const person = await personWithTwoEntries(school);
    const answer = await confirmPost(school, claimsOf(school, person.a.id), `memberId=${person.b.id}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/follow");
    const token = sessionTokenOf(answer);
    expect(token).toBeTruthy();
    // The browser presents the new cookie: it is B's session.
    const headers = new Headers({ host: school.tenant.host, cookie: `next-auth.session-token=${token}` });
    const caller = createCaller(await createContext({ headers, prisma }));
    await expect(caller.me.profile.get()).resolves.toMatchObject({ account: person.b.account, phoneDisplay: person.typed });
  });

  it("where the chosen identity signs in at the school's CAS, ends the session and sends the member to sign in there as it", async () => {
    const school = await connectedSchool(prisma, sim);
    const person = await personWithTwoEntries(school);
    const kind = await prisma.identityKind.update({
      where: { id: school.tenant.identityKindId },
      data: { providerKind: "CAS" },
      select: { code: true },
    });
    const answer = await confirmPost(school, claimsOf(school, person.a.id), `memberId=${person.b.id}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/login?kind=${kind.code}&returnTo=%2Ffollow`);
    const cookies = answer.headers.getSetCookie();
    expect(cookies.some((c) => /^next-auth\.session-token=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect(cookies.some((c) => c.startsWith("campus.identity-renew=1"))).toBe(true);
    // The phone moved all the same: signing in at the school as B leads on to following.
    expect((await row(person.b.id)).binding?.value).toBe(person.phone);
  });

  it("refuses another site's post, an id that is not a uuid, and another school's entry, changing nothing", async () => {
    const school = await connectedSchool(prisma, sim);
    const elsewhere = await connectedSchool(prisma, sim);
    const person = await personWithTwoEntries(school);
    const foreign = await entry(elsewhere, { idNumberHash: person.idNumberHash });
    const cases: [string, Record<string, string>, string][] = [
      [`memberId=${person.b.id}`, { origin: "http://evil.example", "sec-fetch-site": "cross-site" }, "CROSS_SITE_REFUSED"],
      ["memberId=not-a-uuid", {}, "INVALID_INPUT"],
      [`memberId=${foreign.id}`, {}, "SWITCH_IDENTITY_NOT_OFFERED"],
    ];
    for (const [body, headers, code] of cases) {
      const answer = await confirmPost(school, claimsOf(school, person.a.id), body, headers);
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe(`/me/switch?error=${code}`);
    }
    const after = await row(person.a.id);
    expect({ binding: after.binding?.value, sessionVersion: after.sessionVersion }).toEqual({ binding: person.phone, sessionVersion: 0 });
    expect((await row(foreign.id)).phone).toBeNull();
  });
});
