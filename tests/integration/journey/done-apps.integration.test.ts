// 「关注成功」 lists the apps the member will really see (issue 18 §5), read as 自助排查 reads them
// (troubleshoot/diagnosis.ts appsShown), against the simulated WeCom and WeChat: a member who
// follows sees the assistant app and their identity kind's apps, and the list is what the simulated
// WeChat shows; once WeCom says the member is outside the assistant's visible range, the assistant
// is no longer listed — again as WeChat shows it.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { bindPhone } from "~/server/bindings/bind-phone";
import { tenantDb } from "~/server/db/tenant-db";
import { journeyState } from "~/server/journey/journey-state";
import { troubleshoot } from "~/server/troubleshoot/troubleshoot";
import { recordWecomState } from "~/server/wecom/member-record";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { testPrisma } from "../support";
import { type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { connectedSchool, syncDeps, type ConnectedSchool } from "../wecom/wecom-test-kit";
import { freshPhone, memberScopeIn } from "./journey-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

/** A member who bound the directory's phone, written into WeCom, and followed with the WeChat of that phone. */
async function followedMember(school: ConnectedSchool) {
  const phone = freshPhone();
  const member = await prisma.member.create({
    data: {
      tenantId: school.tenant.tenantId,
      account: `A${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
      name: "应用",
      identityKindId: school.tenant.identityKindId,
      phone: phone.e164,
      phoneDisplay: phone.typed,
    },
    select: { id: true, account: true },
  });
  const scope = await memberScopeIn(prisma, boss, school, member.id, "203.0.113.9");
  await bindPhone(scope, { value: phone.typed });
  await runWecomSyncJob(syncDeps(prisma, boss), { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: member.id });
  const wechat = await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "微信", phone: phone.e164 });
  expect((await sim.ctl<{ result: string }>("POST", `wechat-users/${wechat.id}/follow`, { corpid: school.corp.corpid })).result).toBe(
    "followed",
  );
  // WeCom's subscribe callback, as the product records it.
  await recordWecomState(
    tenantDb(prisma, school.tenant.tenantId),
    { tenantId: school.tenant.tenantId, memberId: member.id },
    { state: "ACTIVATED", at: new Date(), source: "CALLBACK" },
    { callback: true },
  );
  const seen = async () =>
    (await sim.ctl<{ apps: { name: string }[] }>("GET", `wechat-users/${wechat.id}/corps/${school.corp.corpid}`)).apps.map((a) => a.name);
  return { ...member, scope, seen };
}

const sorted = (names: string[]) => [...names].sort();

describe("「关注成功」's apps", () => {
  it("are the assistant app and the identity kind's apps, as the simulated WeChat shows them, the assistant first and once", async () => {
    const school = await connectedSchool(prisma, sim);
    // The school names the assistant among the kind's apps too: it is listed once.
    await prisma.identityKind.update({ where: { id: school.tenant.identityKindId }, data: { apps: ["消息中心", "身份认证小助手"] } });
    const member = await followedMember(school);
    const state = await journeyState(member.scope);
    expect(state.step).toBe("done");
    expect(state.apps).toEqual(["身份认证小助手", "消息中心"]);
    expect(sorted(state.apps)).toEqual(sorted(await member.seen()));
  });

  it("lists the assistant even when the school's list of the kind's apps leaves it out", async () => {
    const school = await connectedSchool(prisma, sim);
    await prisma.identityKind.update({ where: { id: school.tenant.identityKindId }, data: { apps: ["消息中心"] } });
    const member = await followedMember(school);
    expect((await journeyState(member.scope)).apps).toEqual(["身份认证小助手", "消息中心"]);
    expect(sorted((await journeyState(member.scope)).apps)).toEqual(sorted(await member.seen()));
  });

  it("leaves out the assistant once WeCom says the member is outside its visible range, as WeChat does; 自助排查 reads the same", async () => {
    const school = await connectedSchool(prisma, sim);
    await prisma.identityKind.update({ where: { id: school.tenant.identityKindId }, data: { apps: ["消息中心"] } });
    const member = await followedMember(school);
    // The school's admin narrows the assistant app's visible range to someone else.
    await sim.ctl("PATCH", `corps/${school.corp.corpid}/apps/${school.corp.assistantAgentid}`, {
      visibleDepartments: [],
      visibleUsers: ["someone-else"],
    });
    expect(await member.seen()).toEqual(["消息中心"]);
    // 自助排查's look asks WeCom (user/get with the assistant's token: 60011) and records what it said.
    const found = await troubleshoot(member.scope, {});
    expect(found.findings).toMatchObject({ liveState: "OUT_OF_RANGE", apps: ["消息中心"] });
    expect((await journeyState(member.scope)).apps).toEqual(await member.seen());
  });
});
