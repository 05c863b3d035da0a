// 更换手机号 from 个人中心 (issue 18 §1; UCAS FAQ 4(2), 10; UESTC FAQ 3) against a real WeCom simulator:
// the new phone is confirmed by a code sent to it (none, a wrong or an expired one changes nothing),
// a phone another member holds is refused as binding refuses it, and the change reaches the
// directory, the binding and the audit log in one go and WeCom through the durable sync: taken for
// a member not yet activated, ignored for an activated one (whose follow stays) until the member
// changes it in WeCom themselves; a lost WeChat is let go by 解绑微信. The form posts answer 303s.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { POST as confirmRoute } from "~/app/(school)/(member)/me/phone/confirm/route";
import { POST as sendRoute } from "~/app/(school)/(member)/me/phone/send/route";
import type { SessionClaims } from "~/server/auth/session-user";
import { bindPhone } from "~/server/bindings/bind-phone";
import { confirmPhoneChange, pendingPhoneChange, phoneInWecom, requestPhoneChangeCode } from "~/server/bindings/change-phone";
import { unbindWechat } from "~/server/bindings/unbind-wechat";
import { tenantDb } from "~/server/db/tenant-db";
import { errorMessage } from "~/server/errors";
import { recordWecomState } from "~/server/wecom/member-record";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { refusedWith } from "../codes/codes-kit";
import { sessionCookie, testPrisma } from "../support";
import { type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { connectedSchool, syncDeps, type ConnectedSchool } from "../wecom/wecom-test-kit";
import { jobsOf, memberScopeIn, outboxCode } from "./journey-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

const memberScope = (school: ConnectedSchool, memberId: string) => memberScopeIn(prisma, boss, school, memberId, "203.0.113.8");

/** Runs the member's pending upsert, as a worker would. */
const sync = (school: ConnectedSchool, memberId: string) =>
  runWecomSyncJob(syncDeps(prisma, boss), { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId });

const fresh = () => {
  const typed = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  return { typed, e164: `+86${typed}` };
};

const viewOf = (school: ConnectedSchool, wechatId: string) =>
  sim.ctl<{ relation: string; userid: string | null }>("GET", `wechat-users/${wechatId}/corps/${school.corp.corpid}`);

const inSimDirectory = async (school: ConnectedSchool, userid: string) =>
  (
    await sim.ctl<{ members: { userid: string; mobile: string | null; status: number }[] }>("GET", `corps/${school.corp.corpid}/directory`)
  ).members.find((m) => m.userid === userid) ?? null;

const row = (id: string) => prisma.member.findUniqueOrThrow({ where: { id }, include: { binding: true, wecom: true } });

const auditRows = (school: ConnectedSchool, action: string) =>
  prisma.auditLog.findMany({ where: { tenantId: school.tenant.tenantId, action }, orderBy: { createdAt: "asc" } });

/** A member who bound their directory phone and was put into WeCom by the sync; `follow` also follows with that phone's WeChat. */
async function boundMember(school: ConnectedSchool, { follow }: { follow: boolean }) {
  const phone = fresh();
  const member = await prisma.member.create({
    data: {
      tenantId: school.tenant.tenantId,
      account: `P${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
      name: "换号",
      identityKindId: school.tenant.identityKindId,
      phone: phone.e164,
      phoneDisplay: phone.typed,
    },
    select: { id: true, account: true },
  });
  const scope = await memberScope(school, member.id);
  await bindPhone(scope, { value: phone.typed });
  await sync(school, member.id);
  const wechat = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "旧微信", phone: phone.e164 });
  if (follow) {
    const followed = await sim.ctl<{ result: string }>("POST", `wechat-users/${wechat.id}/follow`, { corpid: school.corp.corpid });
    expect(followed.result).toBe("followed");
    await recordWecomState(
      tenantDb(prisma, school.tenant.tenantId),
      { tenantId: school.tenant.tenantId, memberId: member.id },
      { state: "ACTIVATED", at: new Date(), source: "CALLBACK" },
      { callback: true },
    );
  }
  return { ...member, phone, scope, wechatId: wechat.id, userid: member.account.toLowerCase() };
}

/** Another member of the school holding `e164` in the directory (and bound to it when `bound`). */
async function holder(school: ConnectedSchool, e164: string, bound: boolean) {
  const other = await prisma.member.create({
    data: {
      tenantId: school.tenant.tenantId,
      account: `H${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
      name: "他人",
      identityKindId: school.tenant.identityKindId,
      phone: e164,
      phoneDisplay: e164.slice(3),
    },
    select: { id: true },
  });
  if (bound)
    await prisma.phoneBinding.create({
      data: { tenantId: school.tenant.tenantId, memberId: other.id, channel: "PHONE", value: e164, confirmedBy: "CODE" },
    });
  return other;
}

/** Sends the code to `typed` and confirms with the code the outbox got. */
async function changeTo(school: ConnectedSchool, scope: Awaited<ReturnType<typeof memberScope>>, next: { typed: string; e164: string }) {
  await requestPhoneChangeCode(scope, { value: next.typed });
  return confirmPhoneChange(scope, { code: await outboxCode(prisma, school.tenant.tenantId, next.e164) });
}

describe("更换手机号: the code sent to the new phone", () => {
  it("changes nothing without the code, with a wrong one or an expired one; the right one changes the directory and the binding and is audited", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: false });
    const next = fresh();

    // No code asked for yet.
    await refusedWith(confirmPhoneChange(member.scope, { code: "123456" }), "CODE_NOT_REQUESTED");
    await expect(requestPhoneChangeCode(member.scope, { value: next.typed })).resolves.toMatchObject({ to: next.typed, ttlMinutes: 5 });
    await expect(pendingPhoneChange(member.scope)).resolves.toMatchObject({ to: next.typed });
    const code = await outboxCode(prisma, school.tenant.tenantId, next.e164);
    const wrong = code === "000000" ? "111111" : "000000";
    const refused = await refusedWith(confirmPhoneChange(member.scope, { code: wrong }), "CODE_WRONG");
    expect(refused.vars.remaining).toBeGreaterThan(0);
    expect((await row(member.id)).phone).toBe(member.phone.e164);

    // The code expires: refused, and the phone is still the old one.
    await prisma.verificationCode.updateMany({
      where: { tenantId: school.tenant.tenantId, memberId: member.id, purpose: "CHANGE_PHONE" },
      data: { createdAt: new Date(Date.now() - 10 * 60_000), expiresAt: new Date(Date.now() - 1000) },
    });
    await refusedWith(confirmPhoneChange(member.scope, { code }), "CODE_EXPIRED");
    expect((await row(member.id)).phone).toBe(member.phone.e164);

    // A new code (after the resend interval), then the right one.
    await prisma.$executeRawUnsafe(
      `UPDATE "RateLimit" SET "expiresAt" = now() - interval '1 second' WHERE key LIKE $1`,
      `codes:resend:${school.tenant.tenantId}:%`,
    );
    await expect(changeTo(school, member.scope, next)).resolves.toEqual({ display: next.typed, wecomActivated: false });
    const after = await row(member.id);
    expect({
      phone: after.phone,
      phoneDisplay: after.phoneDisplay,
      binding: after.binding?.value,
      confirmedBy: after.binding?.confirmedBy,
    }).toEqual({
      phone: next.e164,
      phoneDisplay: next.typed,
      binding: next.e164,
      confirmedBy: "CODE",
    });
    // The code is used up: it cannot change anything again.
    await refusedWith(
      confirmPhoneChange(member.scope, { code: await outboxCode(prisma, school.tenant.tenantId, next.e164) }),
      "CODE_ALREADY_USED",
    );
    await expect(pendingPhoneChange(member.scope)).resolves.toBeNull();
    const audit = await auditRows(school, "member.phone.changed");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "member", actorId: member.id, target: member.account, ip: "203.0.113.8" });
    expect(audit[0]!.detail).toMatchObject({
      before: { phone: member.phone.typed, wecomState: "NOT_ACTIVATED" },
      after: { phone: next.typed },
      wecomActivated: false,
    });
  });

  it("refuses the phone the member has, a phone on another member's entry or bound by another member, and a foreign one the school does not take, sending no code", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: true });
    await refusedWith(requestPhoneChangeCode(member.scope, { value: member.phone.typed }), "PHONE_CHANGE_SAME_PHONE");
    const onEntry = fresh();
    await holder(school, onEntry.e164, false);
    await refusedWith(requestPhoneChangeCode(member.scope, { value: onEntry.typed }), "PHONE_ALREADY_EXISTS");
    const boundByOther = fresh();
    await holder(school, boundByOther.e164, true);
    await refusedWith(requestPhoneChangeCode(member.scope, { value: boundByOther.typed }), "PHONE_BOUND_TO_OTHER_ACCOUNT");
    expect(errorMessage("PHONE_BOUND_TO_OTHER_ACCOUNT", "zh-CN")).toContain("请换一个手机号");
    await prisma.phonePolicy.update({ where: { tenantId: school.tenant.tenantId }, data: { allowForeign: false } });
    await refusedWith(requestPhoneChangeCode(member.scope, { value: "0085291234567" }), "PHONE_FOREIGN_NOT_ALLOWED");
    await refusedWith(requestPhoneChangeCode(member.scope, { value: "12345" }), "PHONE_INVALID");
    expect(
      await prisma.outboxMessage.count({
        where: { tenantId: school.tenant.tenantId, destination: { in: [onEntry.e164, boundByOther.e164] } },
      }),
    ).toBe(0);
    expect((await auditRows(school, "member.binding.refused")).map((r) => (r.detail as { refusal: string }).refusal)).toEqual([
      "PHONE_ALREADY_EXISTS",
      "PHONE_BOUND_TO_OTHER_ACCOUNT",
    ]);
    expect((await row(member.id)).phone).toBe(member.phone.e164);
  });

  it("refuses the confirmation when another member took the phone after the code was sent, and keeps the code for another try", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: false });
    const next = fresh();
    await requestPhoneChangeCode(member.scope, { value: next.typed });
    await holder(school, next.e164, true);
    await refusedWith(
      confirmPhoneChange(member.scope, { code: await outboxCode(prisma, school.tenant.tenantId, next.e164) }),
      "PHONE_BOUND_TO_OTHER_ACCOUNT",
    );
    expect((await row(member.id)).phone).toBe(member.phone.e164);
    await expect(pendingPhoneChange(member.scope)).resolves.toMatchObject({ to: next.typed });
  });
});

describe("更换手机号 and WeCom", () => {
  it("a member not yet activated: the job gives WeCom the new phone, and the WeChat of the new phone follows without verification", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: false });
    const next = fresh();
    await changeTo(school, member.scope, next);
    expect(await jobsOf(prisma, school.tenant.tenantId, member.id)).toContain("wecom-sync:member.upsert");
    // Before the job ran the page says it is on its way, not done.
    await expect(phoneInWecom(member.scope)).resolves.toEqual({ phone: next.typed, wecomHasIt: false, activated: false });

    await sync(school, member.id);
    expect(await inSimDirectory(school, member.userid)).toMatchObject({ mobile: next.typed, status: 4 });
    await expect(phoneInWecom(member.scope)).resolves.toEqual({ phone: next.typed, wecomHasIt: true, activated: false });
    expect((await auditRows(school, "wecom.member.mobile_changed")).map((r) => r.target)).toEqual([member.account]);
    const newWechat = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "新微信", phone: next.e164 });
    const followed = await sim.ctl<{ result: string }>("POST", `wechat-users/${newWechat.id}/follow`, { corpid: school.corp.corpid });
    expect(followed.result).toBe("followed");
  });

  it("an activated member: WeCom keeps the old phone and the follow, never recorded as changed, until the member changes it in WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: true });
    const next = fresh();
    await expect(changeTo(school, member.scope, next)).resolves.toEqual({ display: next.typed, wecomActivated: true });
    expect((await row(member.id)).phone).toBe(next.e164);
    expect(await jobsOf(prisma, school.tenant.tenantId, member.id)).toContain("wecom-sync:member.upsert");

    // WeCom ignores the mobile of an activated member: the job leaves it to the member (no failure for
    // the admin to chase, nobody removed), and says so in the audit log.
    await sync(school, member.id);
    expect(await auditRows(school, "wecom.member.mobile_left_to_member")).toHaveLength(1);
    expect(await inSimDirectory(school, member.userid)).toMatchObject({ mobile: member.phone.typed, status: 1 });
    expect((await viewOf(school, member.wechatId)).relation).toBe("member");
    expect((await row(member.id)).wecom).toMatchObject({ mobile: member.phone.typed, state: "ACTIVATED", rejoinConsentAt: null });
    await expect(phoneInWecom(member.scope)).resolves.toEqual({ phone: next.typed, wecomHasIt: false, activated: true });

    // The member changes it in WeCom themselves (UESTC FAQ 3), keeping the follow: WeCom and the directory agree.
    await sim.ctl("POST", `wechat-users/${member.wechatId}/mobile`, { corpid: school.corp.corpid, mobile: next.typed });
    expect(await inSimDirectory(school, member.userid)).toMatchObject({ mobile: next.typed, status: 1 });
    expect((await viewOf(school, member.wechatId)).relation).toBe("member");
    expect(await auditRows(school, "wecom.member.mobile_changed")).toEqual([]);
  });

  it("an activated member whose old WeChat is lost: 解绑微信 after the change lets the old WeChat go", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: true });
    await changeTo(school, member.scope, fresh());
    await unbindWechat(member.scope);
    await sync(school, member.id);
    expect((await viewOf(school, member.wechatId)).relation).toBe("none");
    expect(await inSimDirectory(school, member.userid)).toBeNull();
  });
});

describe("更换手机号's form posts", () => {
  const claimsOf = (school: ConnectedSchool, memberId: string): SessionClaims => ({
    sub: memberId,
    kind: "member",
    tenantId: school.tenant.tenantId,
    host: school.tenant.host,
    ver: 0,
  });
  async function post(
    route: (request: Request) => Promise<Response>,
    path: string,
    school: ConnectedSchool,
    memberId: string,
    body: string,
    headers: Record<string, string> = {},
  ) {
    const { host } = school.tenant;
    return route(
      new Request(`http://${host}${path}`, {
        method: "POST",
        headers: {
          host,
          cookie: await sessionCookie(claimsOf(school, memberId)),
          "content-type": "application/x-www-form-urlencoded",
          origin: `http://${host}`,
          "sec-fetch-site": "same-origin",
          ...headers,
        },
        body,
      }),
    );
  }

  it("send → the code's form; a wrong code → back with the tries left; the right one → the result page; a refusal goes back to the form it came from", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: false });
    const next = fresh();
    const taken = fresh();
    await holder(school, taken.e164, false);

    const refused = await post(sendRoute, "/me/phone/send", school, member.id, `value=${taken.typed}`);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/me/phone?new=1&error=PHONE_ALREADY_EXISTS");

    const sent = await post(sendRoute, "/me/phone/send", school, member.id, `value=${next.typed}`);
    expect(sent.headers.get("location")).toBe("/me/phone?minutes=5");
    // 【重新获取验证码】 at once: refused on the code's form with the seconds to wait.
    const resent = await post(sendRoute, "/me/phone/send", school, member.id, `value=${next.typed}&resend=1`);
    expect(resent.headers.get("location")).toMatch(/^\/me\/phone\?error=CODE_RESEND_TOO_SOON&seconds=\d+$/);

    const code = await outboxCode(prisma, school.tenant.tenantId, next.e164);
    const wrong = await post(confirmRoute, "/me/phone/confirm", school, member.id, `code=${code === "000000" ? "111111" : "000000"}`);
    expect(wrong.headers.get("location")).toMatch(/^\/me\/phone\?error=CODE_WRONG&remaining=\d+$/);
    const done = await post(confirmRoute, "/me/phone/confirm", school, member.id, `code=${code}`);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/me/phone/done");
    expect((await row(member.id)).phone).toBe(next.e164);
  });

  it("refuses a post from another site's page and changes nothing", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await boundMember(school, { follow: false });
    const next = fresh();
    await requestPhoneChangeCode(member.scope, { value: next.typed });
    const code = await outboxCode(prisma, school.tenant.tenantId, next.e164);
    const answer = await post(confirmRoute, "/me/phone/confirm", school, member.id, `code=${code}`, {
      origin: "http://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/me/phone?error=CROSS_SITE_REFUSED");
    expect((await row(member.id)).phone).toBe(member.phone.e164);
  });
});
