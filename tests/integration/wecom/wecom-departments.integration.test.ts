// The school's department tree in WeCom: an import's 院系/专业/班级 paths become departments in the
// simulator (parents first, through the durable jobs run by real workers), members sit in their
// department (not the root), a re-import queues nothing, a department WeCom already has by name is
// adopted, and a member moved to another department is moved in WeCom.
import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { updateMember } from "~/server/members/manage-members";
import { handleRosterImportJob } from "~/server/members/roster/import-worker";
import { importJobStatus, startRosterImport } from "~/server/members/roster/import-jobs";
import { previewRosterUpload } from "~/server/members/roster/preview-import";
import { startWecomWorker } from "~/server/wecom/worker";
import { ROSTER_HEADER, utf8Csv } from "../../fixtures/roster/build";
import { startSim, uniqueId, type TestSim } from "../wecom-sim/helpers";
import { testPrisma } from "../support";
import { connectedSchool, directoryDeps, eventually, syncDeps, type ConnectedSchool } from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

beforeAll(async () => {
  sim = await startSim();
  boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
  // Two workers, as on two app instances: the order must come from the jobs, not from luck.
  await startWecomWorker(boss, syncDeps(prisma, boss), { concurrency: 2, pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await sim.close();
  await prisma.$disconnect();
});

type SimDepartment = { id: number; name: string; parentid: number };
type SimMember = { userid: string; department: number[]; main_department?: number };

async function simDirectory(school: ConnectedSchool) {
  return sim.ctl<{ departments: SimDepartment[]; members: SimMember[] }>("GET", `corps/${school.corp.corpid}/directory`);
}

const mobile = () => `139${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, "0")}`;

/** Previews, starts and runs an import of the rows as the admin would; returns the job's status. */
async function importRows(school: ConnectedSchool, rows: string[][]) {
  const scope = await directoryDeps(prisma, boss, school);
  const { id } = await previewRosterUpload(scope, { fileName: "名单.csv", bytes: utf8Csv([[...ROSTER_HEADER], ...rows]) });
  await startRosterImport(scope, { importJobId: id });
  const [job] = await prisma.$queryRawUnsafe<{ data: unknown }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'roster-import' AND data->>'importJobId' = $1`,
    id,
  );
  await handleRosterImportJob(prisma, boss, job!.data);
  return importJobStatus(scope, { importJobId: id });
}

/** Waits until none of the school's directory jobs (wecom-sync; follow watches run on) is queued, running or retrying. */
async function jobsSettled(school: ConnectedSchool) {
  await eventually("the school's WeCom jobs done", async () => {
    const open = await prisma.wecomJob.count({
      where: { tenantId: school.tenant.tenantId, queue: "wecom-sync", state: { in: ["QUEUED", "ACTIVE", "RETRYING"] } },
    });
    return open === 0;
  });
}

/** The member's entry in the simulator, once WeCom holds it in `departmentId`. */
async function placed(school: ConnectedSchool, account: string, departmentId: number) {
  return eventually(`${account} in department ${departmentId}`, async () =>
    (await simDirectory(school)).members.find((m) => m.userid === account.toLowerCase() && m.department.includes(departmentId)),
  );
}

const CLASS_1 = "计算机学院/软件工程/2024级1班";

describe("the department tree in WeCom", () => {
  it("creates 院系/专业/班级 under one another, puts the member in the class, and a re-import queues nothing", async () => {
    const school = await connectedSchool(prisma, sim);
    const [a, b] = [uniqueId("D"), uniqueId("D")];
    const rows = [
      [a, "张三", "在校师生", CLASS_1, mobile(), "", "", ""],
      [b, "李四", "在校师生", "计算机学院/软件工程/2024级2班", mobile(), "", "", ""],
    ];
    expect(await importRows(school, rows)).toMatchObject({ state: "DONE", created: 2 });
    await jobsSettled(school);

    const { departments } = await simDirectory(school);
    const named = (name: string, parentid: number) => departments.find((d) => d.name === name && d.parentid === parentid);
    const college = named("计算机学院", 1)!;
    const major = named("软件工程", college.id)!;
    const class1 = named("2024级1班", major.id)!;
    const class2 = named("2024级2班", major.id)!;
    expect([college, major, class1, class2].every(Boolean)).toBe(true);
    // Ids are handed out in creation order: each level came after its parent.
    expect(college.id).toBeLessThan(major.id);
    expect(major.id).toBeLessThan(Math.min(class1.id, class2.id));
    expect(departments.filter((d) => d.name === "计算机学院")).toHaveLength(1);

    const member = await placed(school, a, class1.id);
    expect(member).toMatchObject({ department: [class1.id], main_department: class1.id });
    await placed(school, b, class2.id);
    const tree = await prisma.department.findMany({ where: { tenantId: school.tenant.tenantId }, orderBy: { depth: "asc" } });
    expect(tree.map((d) => [d.path, d.wecomId, d.state])).toEqual(
      expect.arrayContaining([
        ["计算机学院", college.id, "CREATED"],
        ["计算机学院/软件工程", major.id, "CREATED"],
        [CLASS_1, class1.id, "CREATED"],
      ]),
    );

    const jobsBefore = await prisma.wecomJob.count({ where: { tenantId: school.tenant.tenantId, queue: "wecom-sync" } });
    expect(await importRows(school, rows)).toMatchObject({ state: "DONE", created: 0, updated: 0, unchanged: 2 });
    expect(await prisma.wecomJob.count({ where: { tenantId: school.tenant.tenantId, queue: "wecom-sync" } })).toBe(jobsBefore);
    expect((await simDirectory(school)).departments).toHaveLength(departments.length);
  });

  it("adopts a department WeCom already has under the same parent instead of failing on 60008", async () => {
    const school = await connectedSchool(prisma, sim, { departments: [{ id: 50, name: "计算机学院", parentid: 1 }] });
    const account = uniqueId("D");
    await importRows(school, [[account, "王五", "在校师生", "计算机学院/网络工程", mobile(), "", "", ""]]);
    await jobsSettled(school);

    const { departments } = await simDirectory(school);
    expect(departments.filter((d) => d.name === "计算机学院")).toEqual([expect.objectContaining({ id: 50, parentid: 1 })]);
    const major = departments.find((d) => d.name === "网络工程")!;
    expect(major.parentid).toBe(50);
    await placed(school, account, major.id);
    expect(await prisma.department.findFirst({ where: { tenantId: school.tenant.tenantId, path: "计算机学院" } })).toMatchObject({
      wecomId: 50,
      state: "ADOPTED",
    });
  });

  it("moves a member whose department changes to the new department in WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const account = uniqueId("D");
    await importRows(school, [[account, "赵六", "在校师生", CLASS_1, mobile(), "", "", ""]]);
    await jobsSettled(school);
    const from = (await prisma.department.findFirstOrThrow({ where: { tenantId: school.tenant.tenantId, path: CLASS_1 } })).wecomId!;
    await placed(school, account, from);

    const member = await prisma.member.findFirstOrThrow({ where: { tenantId: school.tenant.tenantId, account } });
    await updateMember(await directoryDeps(prisma, boss, school), { memberId: member.id, department: "物理学院 / 应用物理 / 2023级1班" });
    const to = await eventually("the new class in WeCom", async () => {
      const row = await prisma.department.findFirst({ where: { tenantId: school.tenant.tenantId, path: "物理学院/应用物理/2023级1班" } });
      return row?.wecomId;
    });
    const moved = await placed(school, account, to);
    expect(moved).toMatchObject({ department: [to], main_department: to });
    await jobsSettled(school);
    expect(await prisma.memberWecom.findUnique({ where: { memberId: member.id } })).toMatchObject({ departmentId: to });
  });
});
