// The journey against a real WeCom simulator process: a bound member goes into the school's
// directory through the sync, the follow page's QR is WeCom's join QR (fetched once, served by the
// product), 二次验证 redeems WeCom's code on the page and reports success (both APIs) only on the
// member's same-origin post, a code for another account is not taken, and a registration link of
// one school is recognised on another's host.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { bindPhone } from "~/server/bindings/bind-phone";
import { encryptionKey } from "~/server/crypto/keys";
import { journeyState } from "~/server/journey/journey-state";
import { POST as confirmRoute } from "~/app/(school)/verify/confirm/route";
import { completeSecondVerification, openSecondVerification, SECOND_VERIFICATION_RATE_LIMIT } from "~/server/journey/second-verification";
import { activationFunnel } from "~/server/members/funnel";
import { checkQrToken } from "~/server/qr/registration-qr";
import { signQrToken } from "~/server/qr/registration-link";
import { followQr } from "~/server/wecom/join-qr";
import { recordWecomState } from "~/server/wecom/member-record";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { refusedWith } from "../codes/codes-kit";
import { makeTenant, sessionCookie, testPrisma, testScope } from "../support";
import { type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { connectedSchool, countCalls, syncDeps, type ConnectedSchool } from "../wecom/wecom-test-kit";
import { tenantDb } from "~/server/db/tenant-db";
import { memberScopeIn } from "./journey-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

const memberScope = (school: ConnectedSchool, memberId: string) => memberScopeIn(prisma, boss, school, memberId);

/** Runs the member's pending upsert, as a worker would. */
const sync = (school: ConnectedSchool, memberId: string) =>
  runWecomSyncJob(syncDeps(prisma, boss), { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId });

/** A member of the school in WeCom (bound and synced), and a WeChat user of the member's phone. */
async function syncedMember(school: ConnectedSchool, options: { account?: string } = {}) {
  const phone = `+86135${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const member = await prisma.member.create({
    data: {
      tenantId: school.tenant.tenantId,
      account: options.account ?? `V${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
      name: "二次验证",
      identityKindId: school.tenant.identityKindId,
      phone,
      phoneDisplay: phone.slice(3),
    },
    select: { id: true, account: true },
  });
  const scope = await memberScope(school, member.id);
  await bindPhone(scope, { value: phone.slice(3) });
  await sync(school, member.id);
  const wechat = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone });
  return { ...member, phone, scope, wechatId: wechat.id };
}

const follow = (school: ConnectedSchool, wechatId: string) =>
  sim.ctl<{ result: string; secondVerificationUrl: string | null }>("POST", `wechat-users/${wechatId}/follow`, {
    corpid: school.corp.corpid,
  });

const statusInSim = async (school: ConnectedSchool, userid: string) =>
  (await sim.ctl<{ members: { userid: string; status: number }[] }>("GET", `corps/${school.corp.corpid}/directory`)).members.find(
    (m) => m.userid === userid,
  )?.status;

const codeOf = (link: string | null) => new URL(link!).searchParams.get("code")!;

const ticketOf = (opened: Awaited<ReturnType<typeof openSecondVerification>>) => {
  if (opened.result !== "confirm") throw new Error(`the page would not ask: ${opened.result}`);
  return opened.ticket;
};

/** The button's form post as the member's browser sends it: the session cookie of `memberId`, from the school's own page unless `headers` say otherwise. */
async function confirmPost(school: ConnectedSchool, memberId: string, ticket: string, headers: Record<string, string> = {}) {
  const { host, tenantId } = school.tenant;
  const request = new Request(`http://${host}/verify/confirm`, {
    method: "POST",
    headers: {
      host,
      cookie: await sessionCookie({ sub: memberId, kind: "member", tenantId, host, ver: 0 }),
      "content-type": "application/x-www-form-urlencoded",
      origin: `http://${host}`,
      "sec-fetch-site": "same-origin",
      ...headers,
    },
    body: new URLSearchParams({ ticket }).toString(),
  });
  return confirmRoute(request);
}

describe("bind → WeCom directory → follow", () => {
  it("moves from syncing to follow once the sync put the member in WeCom, and to done once WeCom says so", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await prisma.member.create({
      data: {
        tenantId: school.tenant.tenantId,
        account: `F${Date.now()}`,
        name: "关注",
        identityKindId: school.tenant.identityKindId,
        phone: "+8613512340000",
        phoneDisplay: "13512340000",
      },
      select: { id: true },
    });
    const scope = await memberScope(school, member.id);
    expect((await journeyState(scope)).step).toBe("bind");
    await bindPhone(scope, { value: "13512340000" });
    expect((await journeyState(scope)).step).toBe("syncing");
    await sync(school, member.id);
    expect((await journeyState(scope)).step).toBe("follow");
    await recordWecomState(
      tenantDb(prisma, school.tenant.tenantId),
      { tenantId: school.tenant.tenantId, memberId: member.id },
      { state: "ACTIVATED", at: new Date(), source: "CALLBACK" },
      { callback: true },
    );
    expect((await journeyState(scope)).step).toBe("done");
  });

  it("tells a candidate's done page the apps of that identity kind only (UESTC: 消息中心)", async () => {
    const school = await connectedSchool(prisma, sim);
    const kind = await prisma.identityKind.create({
      data: { tenantId: school.tenant.tenantId, code: "candidate", nameZh: "考生", nameEn: "Exam candidates", apps: ["消息中心"] },
    });
    const member = await prisma.member.create({
      data: { tenantId: school.tenant.tenantId, account: `K${Date.now()}`, name: "考生", identityKindId: kind.id },
      select: { id: true },
    });
    const state = await journeyState(await memberScope(school, member.id));
    expect(state.member.identityKind).toEqual({ code: "candidate", nameZh: "考生", nameEn: "Exam candidates", apps: ["消息中心"] });
  });

  it("says the sync failed, and that WeCom holds the phone on someone else (60104), when it does", async () => {
    const school = await connectedSchool(prisma, sim);
    // WeCom already has the number, on a member created in its own console.
    await sim.ctl("POST", `corps/${school.corp.corpid}/console/members`, {
      userid: "consoleonly",
      name: "别人",
      mobile: "13512349999",
      department: [1],
    });
    const member = await prisma.member.create({
      data: { tenantId: school.tenant.tenantId, account: `G${Date.now()}`, name: "冲突", identityKindId: school.tenant.identityKindId },
      select: { id: true },
    });
    const scope = await memberScope(school, member.id);
    await prisma.phonePolicy.update({ where: { tenantId: school.tenant.tenantId }, data: { confirmNewByCode: false } });
    await bindPhone(scope, { value: "13512349999" });
    const failure = await sync(school, member.id).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeTruthy();
    // As the queue records a job that failed for good.
    await prisma.$executeRawUnsafe(
      `UPDATE pgboss.job SET state = 'failed', output = '{"message":"手机号码已存在","errcode":60104}'::jsonb
        WHERE data->>'memberId' = $1 AND data->>'kind' = 'member.upsert'`,
      member.id,
    );
    // And as the worker records it on the school's own row (jobs/wecom-jobs.ts), which the journey reads.
    await prisma.wecomJob.updateMany({
      where: { subject: member.id, kind: "member.upsert" },
      data: { state: "FAILED", attempts: 1, lastErrcode: 60104, lastError: "手机号码已存在" },
    });
    expect(await journeyState(scope)).toMatchObject({ step: "syncFailed", syncError: { phoneExists: true } });
  });

  it("serves WeCom's join QR as the follow QR, asking WeCom once for a week's worth", async () => {
    const school = await connectedSchool(prisma, sim);
    const scope = await memberScope(school, school.tenant.memberId);
    const calls = countCalls();
    try {
      const first = await followQr(scope);
      const second = await followQr(scope);
      expect(first.contentType).toBe("image/png");
      expect(second.base64).toBe(first.base64);
      expect(calls.of("corp/get_join_qrcode")).toBe(1);
      const png = PNG.sync.read(Buffer.from(first.base64, "base64"));
      const link = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? "";
      expect(link).toContain(`${sim.url}/wework_admin/genqrcode?action=join&vcode=`);
      // The simulated WeChat recognises it as the corp's join QR.
      const wechat = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "扫码", phone: "+8613512348888" });
      expect(await sim.ctl("POST", `wechat-users/${wechat.id}/scan`, { url: link })).toMatchObject({
        kind: "follow",
        corpid: school.corp.corpid,
      });
    } finally {
      calls.restore();
    }
  });
});

describe("二次验证 (UESTC step 5)", () => {
  it("redeems WeCom's code once on the page, and admits the member with tfa_succ only on the member's post", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    const member = await syncedMember(school);
    const followed = await follow(school, member.wechatId);
    expect(followed.result).toBe("followed");
    const userid = member.account.toLowerCase();
    // Following is not enough: WeCom waits for the school's verification.
    expect(await statusInSim(school, userid)).toBe(4);
    const calls = countCalls();
    try {
      // What opening /verify?code= does: it says whose verification it is, and WeCom is told nothing.
      const opened = await openSecondVerification(member.scope, { code: codeOf(followed.secondVerificationUrl), api: "tfa" });
      expect(opened).toMatchObject({ result: "confirm", account: member.account });
      expect(await statusInSim(school, userid)).toBe(4);
      expect(calls.of("user/tfa_succ")).toBe(0);
      // The funnel counts the member as following (WeCom sent them here), not yet as activated.
      const lastSteps = async () =>
        (await activationFunnel(await testScope(prisma, school.tenant.tenantId), {})).filter(
          (s) => s.key === "followed" || s.key === "verified",
        );
      expect((await lastSteps()).map((s) => s.value)).toEqual([1, 0]);

      const answer = await confirmPost(school, member.id, ticketOf(opened));
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/done");
      expect(await statusInSim(school, userid)).toBe(1);
      // The product read WeCom's word at once: the next page says 「关注成功」 with nothing left to wait for.
      expect((await journeyState(member.scope)).step).toBe("done");
      // The code was redeemed once, by the page; the post used what the page learnt.
      expect(calls.of("auth/get_tfa_info")).toBe(1);
      expect(calls.of("user/tfa_succ")).toBe(1);
      expect((await lastSteps()).map((s) => s.value)).toEqual([1, 1]);
    } finally {
      calls.restore();
    }
    const audit = await prisma.auditLog.findFirst({
      where: { tenantId: school.tenant.tenantId, action: "wecom.secondVerification.passed" },
    });
    expect(audit).toMatchObject({ actorId: member.id, target: member.account });
  });

  it("with ?api=authsucc: redeems the code with getuserinfo on the page and admits the member with user/authsucc on the post", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify?api=authsucc" });
    const member = await syncedMember(school);
    await follow(school, member.wechatId);
    const { url } = await sim.ctl<{ url: string }>(
      "GET",
      `wechat-users/${member.wechatId}/second-verification?corpid=${school.corp.corpid}`,
    );
    const opened = await openSecondVerification(member.scope, { code: codeOf(url), api: "authsucc" });
    expect(await statusInSim(school, member.account.toLowerCase())).toBe(4);
    expect((await confirmPost(school, member.id, ticketOf(opened))).headers.get("location")).toBe("/done");
    expect(await statusInSim(school, member.account.toLowerCase())).toBe(1);
  });

  it("refuses the post from another site's page, which cannot tap the button for the member", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    const member = await syncedMember(school);
    const followed = await follow(school, member.wechatId);
    const opened = await openSecondVerification(member.scope, { code: codeOf(followed.secondVerificationUrl), api: "tfa" });
    for (const crossSite of [
      { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
      // A sibling school is same-site, not same-origin.
      { origin: `http://other-school.localhost`, "sec-fetch-site": "same-site" },
    ]) {
      const answer = await confirmPost(school, member.id, ticketOf(opened), crossSite);
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/verify/result?error=CROSS_SITE_REFUSED");
    }
    expect(await statusInSim(school, member.account.toLowerCase())).toBe(4);
    // The member's own tap still works: the refusal was the origin's.
    expect((await confirmPost(school, member.id, ticketOf(opened))).headers.get("location")).toBe("/done");
  });

  it("refuses a ticket in another member's post, and WeCom admits no one", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    const named = await syncedMember(school);
    const other = await syncedMember(school);
    const followed = await follow(school, named.wechatId);
    const opened = await openSecondVerification(named.scope, { code: codeOf(followed.secondVerificationUrl), api: "tfa" });
    const answer = await confirmPost(school, other.id, ticketOf(opened));
    expect(answer.headers.get("location")).toBe("/verify/result?error=SECOND_VERIFICATION_EXPIRED");
    await refusedWith(completeSecondVerification(other.scope, { ticket: ticketOf(opened) }), "SECOND_VERIFICATION_EXPIRED");
    expect(await statusInSim(school, named.account.toLowerCase())).toBe(4);
  });

  it("does not take a code WeCom issued for another account, and names the account to sign in as", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    const named = await syncedMember(school);
    const signedIn = await syncedMember(school);
    const followed = await follow(school, named.wechatId);
    await expect(openSecondVerification(signedIn.scope, { code: codeOf(followed.secondVerificationUrl), api: "tfa" })).resolves.toEqual({
      result: "otherAccount",
      account: named.account,
    });
    expect(await statusInSim(school, named.account.toLowerCase())).toBe(4);
  });

  it("stops one member sending WeCom code after code, and not the member next to them", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    const member = await syncedMember(school);
    const neighbour = await syncedMember(school);
    for (let i = 0; i < SECOND_VERIFICATION_RATE_LIMIT.limit; i++)
      await refusedWith(openSecondVerification(member.scope, { code: `made-up-${i}`, api: "tfa" }), "SECOND_VERIFICATION_EXPIRED");
    await refusedWith(openSecondVerification(member.scope, { code: "made-up-once-more", api: "tfa" }), "RATE_LIMITED");
    await refusedWith(completeSecondVerification(member.scope, { ticket: "made-up-ticket" }), "RATE_LIMITED");
    // Same campus address, another member: untouched.
    const followed = await follow(school, neighbour.wechatId);
    await expect(
      openSecondVerification(neighbour.scope, { code: codeOf(followed.secondVerificationUrl), api: "tfa" }),
    ).resolves.toMatchObject({
      result: "confirm",
    });
  });

  it("says a used or stale code must be opened again from WeCom's notice, and a used ticket too", async () => {
    const school = await connectedSchool(prisma, sim, { secondVerificationUrl: "http://uestc.localhost/verify" });
    const member = await syncedMember(school);
    const followed = await follow(school, member.wechatId);
    const code = codeOf(followed.secondVerificationUrl);
    const opened = await openSecondVerification(member.scope, { code, api: "tfa" });
    await refusedWith(openSecondVerification(member.scope, { code, api: "tfa" }), "SECOND_VERIFICATION_EXPIRED");
    await refusedWith(openSecondVerification(member.scope, { code: "no-such-code", api: "tfa" }), "SECOND_VERIFICATION_EXPIRED");
    await completeSecondVerification(member.scope, { ticket: ticketOf(opened) });
    // WeCom's tfa_code is single use (40207).
    await refusedWith(completeSecondVerification(member.scope, { ticket: ticketOf(opened) }), "SECOND_VERIFICATION_EXPIRED");
  });
});

describe("the registration QR code's link on a school's host", () => {
  it("is this school's, another school's (named, while that school is open), or not ours", async () => {
    const a = await makeTenant(prisma);
    const b = await makeTenant(prisma);
    const onA = await testScope(prisma, a.tenantId);
    expect(await checkQrToken(onA, { token: signQrToken(encryptionKey(), a.tenantId, "register") })).toEqual({ kind: "thisSchool" });
    const bToken = signQrToken(encryptionKey(), b.tenantId, "register");
    const other = await checkQrToken(onA, { token: bToken });
    expect(other).toMatchObject({ kind: "otherSchool", slug: b.slug, path: `/join?q=${bToken}` });
    expect(other.kind === "otherSchool" && other.name).toMatch(/^测试学校/);
    await prisma.tenant.update({ where: { id: b.tenantId }, data: { status: "SUSPENDED" } });
    expect(await checkQrToken(onA, { token: bToken })).toEqual({ kind: "invalid" });
    expect(
      await checkQrToken(onA, { token: `${bToken.slice(0, -1)}A` === bToken ? `${bToken.slice(0, -1)}B` : `${bToken.slice(0, -1)}A` }),
    ).toEqual({
      kind: "invalid",
    });
  });
});
