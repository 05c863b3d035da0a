// Durable sync: changes made in the product reach the simulator's directory
// through jobs written in the same transaction, run by workers of two "app
// instances", through injected faults, without loss or duplication.
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { createMember, deleteMember, updateMember } from "~/server/members/manage-members";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { listSyncJobs, retrySyncJob } from "~/server/wecom/sync-jobs-admin";
import { describeFailure, startWecomWorker } from "~/server/wecom/worker";
import { startSim, uniqueId, type TestSim } from "../wecom-sim/helpers";
import { testPrisma, testScope } from "../support";
import {
  connectedSchool,
  directoryDeps,
  countCalls,
  encryptionKey,
  FAST_RETRY,
  type ConnectedSchool,
  eventually,
  pendingStatusJobs,
} from "./wecom-test-kit";

const prisma = testPrisma();
const secondInstance = testPrisma();
let sim: TestSim;
let bossA: PgBoss;
let bossB: PgBoss;
let workersRunning = false;

const deps = (client = prisma) => ({ prisma: client, encryptionKey: encryptionKey(), retry: FAST_RETRY, jobs: bossA });

beforeAll(async () => {
  sim = await startSim();
  bossA = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
  bossB = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
});
afterAll(async () => {
  await bossA.stop({ graceful: false, wait: true });
  await bossB.stop({ graceful: false, wait: true });
  await sim.close();
  await prisma.$disconnect();
  await secondInstance.$disconnect();
});

async function startWorkers() {
  if (workersRunning) return;
  workersRunning = true;
  await startWecomWorker(bossA, deps(prisma), { concurrency: 1, pollingIntervalSeconds: 0.5 });
  await startWecomWorker(bossB, deps(secondInstance), { concurrency: 1, pollingIntervalSeconds: 0.5 });
}

type SimMember = { userid: string; name: string; mobile?: string; status: number };

async function simMembers(school: ConnectedSchool): Promise<SimMember[]> {
  return (await sim.ctl<{ members: SimMember[] }>("GET", `corps/${school.corp.corpid}/directory`)).members;
}

const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

describe("durable WeCom sync", () => {
  it("keeps a change's job in PostgreSQL until a worker runs it, and a rolled-back change leaves no job", async () => {
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, bossA, school);
    const account = uniqueId("W");
    const member = await createMember(d, {
      account,
      name: "待同步",
      identityKindCode: "student_staff",
      department: "",
      phone: phone(),
      email: "",
    });
    // No worker has run yet (as after a crash right after the commit): the job waits, WeCom has nothing.
    const pending = await listSyncJobs(await testScope(prisma, school.tenant.tenantId));
    expect(pending.filter((job) => job.memberId === member.id)).toMatchObject([{ state: "created", kind: "member.upsert" }]);
    expect((await simMembers(school)).some((m) => m.userid === account.toLowerCase())).toBe(false);

    // The same account again fails on the unique constraint: its job must vanish with it.
    await expect(
      createMember(d, { account, name: "重复", identityKindCode: "student_staff", department: "", phone: "", email: "" }),
    ).rejects.toMatchObject({
      code: "ACCOUNT_ALREADY_EXISTS",
    });
    expect(await listSyncJobs(await testScope(prisma, school.tenant.tenantId))).toHaveLength(pending.length);

    await startWorkers();
    await eventually("the member in WeCom", async () => (await simMembers(school)).find((m) => m.userid === account.toLowerCase()));
    // The worker records what WeCom kept only after WeCom has answered: wait for the record too.
    const synced = await eventually("the member's WeCom record", async () => {
      const found = await prisma.member.findUniqueOrThrow({ where: { id: member.id }, include: { wecom: true } });
      return found.wecom?.state ? found : undefined;
    });
    expect(synced).toMatchObject({ wecomUserId: account.toLowerCase(), wecom: { state: "NOT_ACTIVATED", stateSource: "SYNC" } });
  });

  it("brings a member created, renamed, re-phoned and deleted to the same end in WeCom while faults are injected", async () => {
    await startWorkers();
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, bossA, school);
    await sim.ctl("POST", "faults", { latencyMs: 30, fail: { ratio: 0.3, status: 502 } });
    try {
      const account = uniqueId("F");
      const userid = account.toLowerCase();
      const first = phone();
      const member = await createMember(d, {
        account,
        name: "王五",
        identityKindCode: "student_staff",
        department: "",
        phone: first,
        email: "",
      });
      await eventually("create", async () => (await simMembers(school)).find((m) => m.userid === userid && m.mobile === first));

      await updateMember(d, { memberId: member.id, name: "王五一" });
      await eventually("rename", async () => (await simMembers(school)).find((m) => m.userid === userid && m.name === "王五一"));

      const second = phone();
      await updateMember(d, { memberId: member.id, phone: second });
      await eventually("new phone", async () => (await simMembers(school)).find((m) => m.userid === userid && m.mobile === second));

      await deleteMember(d, { memberId: member.id });
      await eventually("delete", async () => !(await simMembers(school)).some((m) => m.userid === userid));
    } finally {
      await sim.ctl("DELETE", "faults");
    }
    // Every job of these changes has finished: none pending, none failed (the fixture's own failed job aside).
    const leftOver = async () =>
      (await listSyncJobs(await testScope(prisma, school.tenant.tenantId))).filter((j) => j.id !== school.tenant.failedSyncJobId);
    await eventually("no job left", async () => (await leftOver()).length === 0);
  });

  it("leaves a member with neither phone nor email out of WeCom until they have one", async () => {
    await startWorkers();
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, bossA, school);
    const account = uniqueId("N");
    const member = await createMember(d, {
      account,
      name: "无手机",
      identityKindCode: "student_staff",
      department: "",
      phone: "",
      email: "",
    });
    await eventually(
      "the job to finish",
      async () => !(await listSyncJobs(await testScope(prisma, school.tenant.tenantId))).some((j) => j.memberId === member.id),
    );
    expect((await simMembers(school)).some((m) => m.userid === account.toLowerCase())).toBe(false);
    const bound = phone();
    await updateMember(d, { memberId: member.id, phone: bound });
    await eventually("the member in WeCom", async () =>
      (await simMembers(school)).find((m) => m.userid === account.toLowerCase() && m.mobile === bound),
    );
  });

  it("runs a job twice without harm: the second run sends WeCom nothing, and removing twice is fine", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await prisma.member.findUniqueOrThrow({ where: { id: school.tenant.memberId } });
    const job = { kind: "member.upsert" as const, tenantId: school.tenant.tenantId, memberId: member.id };
    await runWecomSyncJob(deps(), job);
    const calls = countCalls();
    try {
      await runWecomSyncJob(deps(), job);
      // Judged by the product's record of what WeCom holds: no read-back (the contact-sync token may not read).
      for (const path of ["user/create", "user/update", "user/get", "user/getuserid"]) expect(calls.of(path)).toBe(0);
    } finally {
      calls.restore();
    }
    expect((await simMembers(school)).filter((m) => m.userid === member.account.toLowerCase())).toHaveLength(1);
    const removal = {
      kind: "member.delete" as const,
      tenantId: school.tenant.tenantId,
      memberId: member.id,
      wecomUserId: member.account.toLowerCase(),
    };
    await runWecomSyncJob(deps(), removal);
    await expect(runWecomSyncJob(deps(), removal)).resolves.toBeUndefined();
  });

  it("leaves no one in WeCom when the member is deleted, and their removal done, while their sync is creating them there", async () => {
    const school = await connectedSchool(prisma, sim);
    const account = uniqueId("D");
    const member = await prisma.member.create({
      data: {
        tenantId: school.tenant.tenantId,
        account,
        name: "将被删除",
        identityKindId: school.tenant.identityKindId,
        phone: `+86${phone()}`,
      },
    });
    // The admin deletes the member, and the removal job finds nothing in WeCom, just before user/create arrives.
    const original = globalThis.fetch;
    globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith("/user/create")) {
        await prisma.member.delete({ where: { id: member.id } });
      }
      return original(input, init);
    };
    try {
      await runWecomSyncJob(deps(), { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: member.id });
    } finally {
      globalThis.fetch = original;
    }
    expect((await simMembers(school)).filter((m) => m.userid === account.toLowerCase())).toEqual([]);
  });

  it("stops for good, instead of retrying, a job naming a school that does not exist", async () => {
    const job = { kind: "member.upsert" as const, tenantId: randomUUID(), memberId: randomUUID() };
    const failure = await runWecomSyncJob(deps(), job).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: "TENANT_UNAVAILABLE" });
    expect(describeFailure(failure).permanent).toBe(true);
  });

  it("invites a synced member and sends members an app message through jobs", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = school.tenant.memberId;
    const run = (job: Parameters<typeof runWecomSyncJob>[1]) => runWecomSyncJob(deps(), job);
    await run({ kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: member });
    await run({ kind: "member.invite", tenantId: school.tenant.tenantId, memberId: member });
    await run({ kind: "message.text", tenantId: school.tenant.tenantId, memberIds: [member], content: "请尽快完成企业微信认证" });
    const userid = (await prisma.member.findUniqueOrThrow({ where: { id: member } })).wecomUserId!;
    expect(JSON.stringify(await sim.ctl("GET", `corps/${school.corp.corpid}/invitations`))).toContain(userid);
    // The invitation asks the member to follow: one watch waits for it.
    expect(await pendingStatusJobs(prisma, `watch:${member}`)).toHaveLength(1);
    expect(JSON.stringify(await sim.ctl("GET", `corps/${school.corp.corpid}/messages`))).toContain("请尽快完成企业微信认证");
  });

  it("shares the work between two app instances without doing any job twice", async () => {
    await startWorkers();
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, bossA, school);
    const calls = countCalls();
    try {
      const accounts = Array.from({ length: 12 }, () => uniqueId("P"));
      for (const account of accounts)
        await createMember(d, { account, name: "批量", identityKindCode: "student_staff", department: "", phone: phone(), email: "" });
      await eventually("all twelve in WeCom", async () => {
        const present = new Set((await simMembers(school)).map((m) => m.userid));
        return accounts.every((a) => present.has(a.toLowerCase()));
      });
      // One create call per member, none twice. Counted by userid: the workers are shared with this
      // file's other tests, whose retried jobs may still be calling WeCom for their own members.
      const mine = new Set(accounts.map((a) => a.toLowerCase()));
      const created = calls.bodies("user/create").map((body) => (body as { userid: string }).userid);
      expect(created.filter((userid) => mine.has(userid)).sort()).toEqual([...mine].sort());
    } finally {
      calls.restore();
    }
  });

  it("fails at once what retrying cannot fix, tells the admin why, and runs it again on request once fixed", async () => {
    await startWorkers();
    const school = await connectedSchool(prisma, sim);
    const d = await directoryDeps(prisma, bossA, school);
    const client = await school.client();
    const taken = phone();
    await client.createUser({ userid: uniqueId("holder"), name: "已占用", mobile: taken, department: [1] });

    const member = await createMember(d, {
      account: uniqueId("C"),
      name: "冲突",
      identityKindCode: "student_staff",
      department: "",
      phone: taken,
      email: "",
    });
    const failed = await eventually("the failed job", async () =>
      (await listSyncJobs(await testScope(prisma, school.tenant.tenantId))).find((j) => j.memberId === member.id && j.state === "failed"),
    );
    expect(failed.retryCount).toBe(0);
    expect(failed.error?.zh).toContain("手机号码已存在");
    expect(failed.error?.en).toContain("already exists");

    // The school frees the number in WeCom, then retries the job from the back office.
    await client.updateUser({ userid: (await client.userIdByMobile(taken))!, mobile: phone() });
    await retrySyncJob(await testScope(prisma, school.tenant.tenantId, { jobs: bossA }), { jobId: failed.id });
    await eventually(
      "the retried job to finish",
      async () => !(await listSyncJobs(await testScope(prisma, school.tenant.tenantId))).some((j) => j.id === failed.id),
    );
    expect((await simMembers(school)).find((m) => m.mobile === taken)?.name).toBe("冲突");
  });

  it("refuses to retry another school's job", async () => {
    const school = await connectedSchool(prisma, sim);
    const other = await connectedSchool(prisma, sim);
    await expect(
      retrySyncJob(await testScope(prisma, other.tenant.tenantId, { jobs: bossA }), { jobId: school.tenant.failedSyncJobId }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
