// The product's own record of its WeCom jobs (WecomJob, src/server/jobs/wecom-jobs.ts):
// a row written with the pg-boss send, brought up to date by the worker, read by
// the journey and the back office through the school's tenant-bound client.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { createMember } from "~/server/members/manage-members";
import { listSyncJobs, retrySyncJob } from "~/server/wecom/sync-jobs-admin";
import { restartFollowWatch, runWecomStatusJob } from "~/server/wecom/status-jobs";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { wecomJobScope } from "~/server/wecom/sync-deps";
import { handleWecomJob, startWecomWorker } from "~/server/wecom/worker";
import { uniqueId, type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { testPrisma, testScope } from "../support";
import { connectedSchool, directoryDeps, encryptionKey, eventually, FAST_RETRY, pendingStatusJobs, syncDeps } from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;
let workersRunning = false;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

async function startWorkers() {
  if (workersRunning) return;
  workersRunning = true;
  await startWecomWorker(
    boss,
    { prisma, encryptionKey: encryptionKey(), retry: FAST_RETRY, jobs: boss },
    { concurrency: 1, pollingIntervalSeconds: 0.5 },
  );
}

const phone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** The member's upsert job row, as the school's own scope reads it. */
async function upsertRow(tenantId: string, memberId: string) {
  const scope = await testScope(prisma, tenantId);
  return scope.db.wecomJob.findFirst({ where: { subject: memberId, kind: "member.upsert" }, orderBy: { createdAt: "desc" } });
}

describe("the product's WeCom job rows", () => {
  // First, while this file's workers are not running: the test runs the watch's polls itself.
  it("keeps a follow watch on one row, poll after poll, and drops the row of a watch replaced before it ran", async () => {
    const school = await connectedSchool(prisma, sim);
    const tenantId = school.tenant.tenantId;
    const member = await createMember(await directoryDeps(prisma, boss, school), {
      account: uniqueId("W"),
      name: "观察",
      identityKindCode: "student_staff",
      department: "",
      phone: phone(),
      email: "",
    });
    // The sync creates the member in WeCom and starts the follow watch.
    await runWecomSyncJob(syncDeps(prisma, boss), { kind: "member.upsert", tenantId, memberId: member.id });
    const scope = await testScope(prisma, tenantId);
    const watchRows = () => scope.db.wecomJob.findMany({ where: { subject: member.id, kind: "member.watch" } });
    const key = `watch:${member.id}`;
    const [first] = await pendingStatusJobs(prisma, key);
    expect(await watchRows()).toMatchObject([{ jobId: first!.id, state: "QUEUED" }]);

    // A poll as a worker runs it: the member has not followed, so the next poll takes over the row.
    await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = $1::uuid`, first!.id);
    await handleWecomJob(
      syncDeps(prisma, boss),
      { id: first!.id, name: "wecom-status", data: first!.data, expireInSeconds: 600, retryCount: 0, retryLimit: 8 },
      runWecomStatusJob,
    );
    await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE id = $1::uuid`, first!.id);
    const [next] = await pendingStatusJobs(prisma, key);
    expect(next!.id).not.toBe(first!.id);
    expect(await watchRows()).toMatchObject([{ jobId: next!.id, state: "QUEUED", attempts: 1 }]);

    // A fresh watch (after an invitation or a re-creation) replaces the waiting one, row and all.
    await restartFollowWatch(await wecomJobScope(syncDeps(prisma, boss), tenantId), member.id);
    const [fresh] = await pendingStatusJobs(prisma, key);
    expect(await watchRows()).toMatchObject([{ jobId: fresh!.id, state: "QUEUED", attempts: 0 }]);
  });

  it("writes a job's row with the change and takes it from queued to done, counting the runs", async () => {
    const school = await connectedSchool(prisma, sim);
    const member = await createMember(await directoryDeps(prisma, boss, school), {
      account: uniqueId("R"),
      name: "记录",
      identityKindCode: "student_staff",
      department: "",
      phone: phone(),
      email: "",
    });
    // No worker yet: the row was written with the job, in the change's transaction.
    expect(await upsertRow(school.tenant.tenantId, member.id)).toMatchObject({ state: "QUEUED", attempts: 0, queue: "wecom-sync" });

    // WeCom is busy (errcode -1) for every try of the first run: the queue runs it again later.
    await sim.ctl("POST", "faults", { paths: ["user/create"], fail: { count: FAST_RETRY.attempts, status: -1 } });
    try {
      await startWorkers();
      const done = await eventually("the job done", async () => {
        const row = await upsertRow(school.tenant.tenantId, member.id);
        return row?.state === "DONE" ? row : undefined;
      });
      expect(done).toMatchObject({ attempts: 2, lastErrcode: -1 });
      expect(done.finishedAt).toBeInstanceOf(Date);
    } finally {
      await sim.ctl("DELETE", "faults");
    }
  });

  it("keeps WeCom's errcode on a failed job's row, and the back office lists it", async () => {
    await startWorkers();
    const school = await connectedSchool(prisma, sim);
    const taken = phone();
    await (await school.client()).createUser({ userid: uniqueId("holder"), name: "已占用", mobile: taken, department: [1] });
    const member = await createMember(await directoryDeps(prisma, boss, school), {
      account: uniqueId("E"),
      name: "冲突",
      identityKindCode: "student_staff",
      department: "",
      phone: taken,
      email: "",
    });
    const row = await eventually("the failed row", async () => {
      const found = await upsertRow(school.tenant.tenantId, member.id);
      return found?.state === "FAILED" ? found : undefined;
    });
    expect(row).toMatchObject({ lastErrcode: 60104, attempts: 1 });
    expect(row.lastError).toContain("手机号码已存在");
    const listed = (await listSyncJobs(await testScope(prisma, school.tenant.tenantId))).find((job) => job.memberId === member.id);
    expect(listed).toMatchObject({ id: row.jobId, state: "failed", errcode: 60104, retryCount: 0 });
    expect(listed?.error?.zh).toContain("手机号码已存在");
  });

  it("never shows one school's job rows to another school's scope", async () => {
    const a = await connectedSchool(prisma, sim);
    const b = await connectedSchool(prisma, sim);
    const member = await createMember(await directoryDeps(prisma, boss, a), {
      account: uniqueId("I"),
      name: "隔离",
      identityKindCode: "student_staff",
      department: "",
      phone: phone(),
      email: "",
    });
    const row = await upsertRow(a.tenant.tenantId, member.id);
    expect(row).not.toBeNull();

    const scopeB = await testScope(prisma, b.tenant.tenantId, { jobs: boss });
    expect(await scopeB.db.wecomJob.findFirst({ where: { jobId: row!.jobId } })).toBeNull();
    expect(await scopeB.db.wecomJob.findMany({ where: { subject: member.id } })).toEqual([]);
    expect((await listSyncJobs(scopeB)).map((job) => job.id)).not.toContain(row!.jobId);
    await expect(retrySyncJob(scopeB, { jobId: row!.jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
