// The roster import against the real PostgreSQL: the preview of a file with every kind of bad row
// (nothing changes), a clean import run by its job, a re-import that changes nothing, a batch that
// fails and leaves the directory as it was, and the export that imports back unchanged.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { blindIndex, decryptSecret, parseKey, sealContext } from "~/server/crypto/secrets";
import { handleRosterImportJob } from "~/server/members/roster/import-worker";
import { importJobStatus, startRosterImport } from "~/server/members/roster/import-jobs";
import { previewRosterUpload, remapImport } from "~/server/members/roster/preview-import";
import { runRosterImport } from "~/server/members/roster/run-import";
import type { TenantScope } from "~/server/scope";
import { gbkCsv, residentId, ROSTER_HEADER, utf8Csv, xlsxFile } from "../fixtures/roster/build";
import { makeTenant, testJobs, testPrisma, testScope, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const key = () => parseKey(process.env.APP_ENCRYPTION_KEY!);
const digits = () => String(randomBytes(4).readUInt32BE() % 1e6).padStart(6, "0");
/** A mainland mobile of this run: 139 + 8 digits. */
const mobile = () => `139${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, "0")}`;

async function school(): Promise<{ t: TestTenant; scope: TenantScope }> {
  const t = await makeTenant(prisma);
  return { t, scope: await testScope(prisma, t.tenantId) };
}

async function directoryOf(tenantId: string) {
  return prisma.member.findMany({ where: { tenantId }, orderBy: { account: "asc" } });
}

/** Runs the queued job as the worker would, from the job pg-boss holds. */
async function runQueued(importJobId: string) {
  const [job] = await prisma.$queryRawUnsafe<{ data: unknown }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'roster-import' AND data->>'importJobId' = $1`,
    importJobId,
  );
  await handleRosterImportJob(prisma, testJobs(), job!.data);
}

async function importFile(scope: TenantScope, bytes: Uint8Array, fileName = "roster.csv") {
  const { id } = await previewRosterUpload(scope, { fileName, bytes });
  await startRosterImport(scope, { importJobId: id });
  await runQueued(id);
  return importJobStatus(scope, { importJobId: id });
}

describe("the preview of a file with every kind of bad row", () => {
  it("names each row's problem, lists the update and the missing member, and changes nothing", async () => {
    const { t, scope } = await school();
    const other = await prisma.member.create({
      data: { tenantId: t.tenantId, account: `T${digits()}`, name: "不在文件中", identityKindId: t.identityKindId },
    });
    const base = `00${digits()}`;
    const acc = (n: number) => `${base}${String(n).padStart(2, "0")}`;
    const id = residentId("11010119900307701");
    const badId = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    const phone = mobile();
    const rows: string[][] = [
      ["2024级新生名单（信息化办公室）", "", "", "", "", "", "", ""],
      [...ROSTER_HEADER],
      [acc(1), "张三", "在校师生", "计算机学院/软件工程/2024级1班", phone, "zs@example.edu.cn", "居民身份证", id], // 3 clean
      [acc(2), "李四", "在校师生", "", "1380000000", "", "", ""], // 4 bad phone
      [acc(3), "王五", "在校师生", "", "", "ww@@example", "", ""], // 5 bad e-mail
      [acc(4), "赵六", "在校师生", "", "", "", "", ""], // 6 duplicate
      [acc(4), "赵六六", "在校师生", "", "", "", "", ""], // 7 duplicate
      [t.memberAccount, t.memberName, "在校师生", "新院系", "", "", "", ""], // 8 update
      [acc(5), "钱七", "在校师生", "", t.memberPhone.slice(3), "", "", ""], // 9 phone held in the directory
      [acc(6), "孙八", "在校师生", "", phone, "", "", ""], // 10 phone held by row 3
      [acc(7), "周九", "在校师生", "", "", "", "居民身份证", badId], // 11 check digit
      [acc(8), "吴十", "研究生", "", "", "", "", ""], // 12 unknown kind
      [acc(9), "郑一", "在校师生", "", "", "", "", "1.10101E+17"], // 13 scientific notation
      [acc(10), "冯二", "在校师生", "", "", "", "", "110101199003077000"], // 14 15 digits and 000
      [acc(11).replace(/^0+/, ""), "陈三", "在校师生", "", "", "", "", ""], // 15 lost leading zeros
      [acc(12).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), "褚　四", "在校师生", "", "", "", "", ""], // 16 full-width
      ["", "", "", "", "", "", "", ""],
      ["", "", "", "", "", "", "", ""],
    ];
    const before = await directoryOf(t.tenantId);
    const { id: jobId } = await previewRosterUpload(scope, { fileName: "新生名单.csv", bytes: gbkCsv(rows) });
    const job = await importJobStatus(scope, { importJobId: jobId });
    expect(job.state).toBe("PREVIEWED");
    expect(job.report.headerRow).toBe(2);
    const byRow = new Map(job.report.rows.map((r) => [r.row, r]));
    const codesOf = (row: number) => byRow.get(row)?.problems.map((p) => p.code) ?? [];
    expect(byRow.has(3)).toBe(false); // a clean new row needs no word
    expect(codesOf(4)).toEqual(["PHONE_INVALID"]);
    expect(codesOf(5)).toEqual(["EMAIL_INVALID"]);
    expect(codesOf(6)).toEqual(["ACCOUNT_DUPLICATE_IN_FILE"]);
    expect(codesOf(7)).toEqual(["ACCOUNT_DUPLICATE_IN_FILE"]);
    expect(byRow.get(8)).toMatchObject({ outcome: "update", changes: ["department"], problems: [] });
    expect(byRow.get(9)?.problems).toEqual([{ field: "phone", code: "PHONE_HELD_IN_DIRECTORY", vars: { account: t.memberAccount } }]);
    expect(byRow.get(10)?.problems).toEqual([{ field: "phone", code: "PHONE_HELD_IN_FILE", vars: { row: 3, account: acc(1) } }]);
    expect(codesOf(11)).toEqual(["ID_CHECK_DIGIT"]);
    expect(codesOf(12)).toEqual(["KIND_UNKNOWN"]);
    expect(codesOf(13)).toEqual(["STORED_AS_NUMBER"]);
    expect(codesOf(14)).toEqual(["STORED_AS_NUMBER"]);
    expect(codesOf(15)).toEqual(["ACCOUNT_LEADING_ZEROS"]);
    expect(byRow.get(16)).toMatchObject({ outcome: "create", account: acc(12), normalised: ["account", "name"], problems: [] });
    expect(job.report.counts).toEqual({ rows: 14, create: 2, update: 1, unchanged: 0, refused: 11 });
    expect(job.report.missing).toEqual([{ account: other.account, name: "不在文件中" }]);
    expect(await directoryOf(t.tenantId)).toEqual(before);
  });

  it("asks for the mapping when the headers name no account, and judges the rows once it is given", async () => {
    const { scope } = await school();
    const { id } = await previewRosterUpload(scope, {
      fileName: "x.csv",
      bytes: utf8Csv([
        ["编号", "姓名"],
        [`Q${digits()}`, "张三"],
      ]),
    });
    const unmapped = await importJobStatus(scope, { importJobId: id });
    expect(unmapped.report.missingFields).toEqual(["account"]);
    await expect(startRosterImport(scope, { importJobId: id })).rejects.toMatchObject({ code: "ROSTER_MAPPING_INCOMPLETE" });
    await remapImport(scope, { importJobId: id, mapping: ["account", "name"] });
    expect((await importJobStatus(scope, { importJobId: id })).report.counts).toMatchObject({ rows: 1, create: 1 });
  });

  it("drops the file of a preview not confirmed within a day, which can then no longer be imported", async () => {
    const { scope } = await school();
    const file = utf8Csv([
      ["学号", "姓名"],
      [`D${digits()}`, "过期"],
    ]);
    const old = await previewRosterUpload(scope, { fileName: "old.csv", bytes: file });
    await prisma.importJob.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 25 * 60 * 60_000) } });
    await previewRosterUpload(scope, { fileName: "new.csv", bytes: file });
    expect((await prisma.importJob.findUniqueOrThrow({ where: { id: old.id } })).fileEnc).toBeNull();
    await expect(startRosterImport(scope, { importJobId: old.id })).rejects.toMatchObject({ code: "ROSTER_NOT_PREVIEWED" });
  });

  it("refuses a file by its content, whatever its name", async () => {
    const { scope } = await school();
    await expect(previewRosterUpload(scope, { fileName: "roster.csv", bytes: Buffer.from("%PDF-1.7\n") })).rejects.toMatchObject({
      code: "ROSTER_NOT_A_ROSTER",
    });
  });
});

describe("the import", () => {
  it("imports a clean file in its job: members created and updated, ID numbers sealed as everywhere, one audit row, WeCom jobs queued", async () => {
    const { t, scope } = await school();
    const id = residentId("44030519991231123");
    const accounts = [`A${digits()}1`, `A${digits()}2`, `A${digits()}3`];
    const file = await xlsxFile([
      ["学号", "姓名", "身份类型", "院系/部门", "手机号", "证件号码"],
      [accounts[0]!, "新生甲", "在校师生", "计算机学院/软件工程/2024级1班", mobile(), id],
      [accounts[1]!, "新生乙", "student_staff", "计算机学院", null, null],
      [accounts[2]!, "新生丙", "Students and staff", "", null, null],
      [t.memberAccount, "改了名字", "在校师生", "", null, null],
    ]);
    const jobsBefore = await prisma.wecomJob.count({ where: { tenantId: t.tenantId } });
    const job = await importFile(scope, file, "clean.xlsx");
    expect(job).toMatchObject({ state: "DONE", created: 3, updated: 1, unchanged: 0, refused: 0, processedRows: 4, totalRows: 4 });
    const created = await prisma.member.findFirstOrThrow({ where: { tenantId: t.tenantId, account: accounts[0] } });
    expect(created).toMatchObject({
      department: "计算机学院/软件工程/2024级1班",
      idType: "居民身份证",
      idNumberHash: blindIndex(id, key(), t.tenantId),
    });
    expect(decryptSecret(created.idNumberEnc!, key(), sealContext("Member", "idNumberEnc", created.id))).toBe(id);
    expect((await prisma.member.findUniqueOrThrow({ where: { id: t.memberId } })).name).toBe("改了名字");
    const audits = await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action: "member.import" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorKind: "tenantAdmin",
      actorId: t.adminId,
      target: "clean.xlsx",
      detail: { create: 3, update: 1 },
    });
    // One sync job for each new member and for the renamed one.
    expect(await prisma.wecomJob.count({ where: { tenantId: t.tenantId, kind: "member.upsert" } })).toBe(jobsBefore + 4);
    // The new tree's three levels, each with its job, which the queue hands out before the members' (WeCom needs the department first).
    const queued = await prisma.$queryRawUnsafe<{ kind: string; priority: number }[]>(
      `SELECT w.kind, j.priority FROM "WecomJob" w JOIN pgboss.job j ON j.id = w."jobId" WHERE w."tenantId" = $1::uuid`,
      t.tenantId,
    );
    const priorities = (kind: string) => queued.filter((q) => q.kind === kind).map((q) => q.priority);
    expect(priorities("department.create")).toHaveLength(3);
    expect(Math.min(...priorities("department.create"))).toBeGreaterThan(Math.max(...priorities("member.upsert")));
    // The file is not kept once the import has ended.
    expect((await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).fileEnc).toBeNull();
  });

  it("re-importing the same file changes nothing: every row unchanged, no member written, no WeCom job", async () => {
    const { t, scope } = await school();
    const rows = [
      ["学号", "姓名", "身份类型", "手机号", "证件号码"],
      [`R${digits()}`, "重复导入", "在校师生", mobile(), residentId("11010119800101001")],
    ];
    await importFile(scope, utf8Csv(rows));
    const before = await directoryOf(t.tenantId);
    const jobsBefore = await prisma.wecomJob.count({ where: { tenantId: t.tenantId } });
    const again = await importFile(scope, utf8Csv(rows));
    expect(again).toMatchObject({ state: "DONE", created: 0, updated: 0, unchanged: 1, refused: 0 });
    expect(await directoryOf(t.tenantId)).toEqual(before);
    expect(await prisma.wecomJob.count({ where: { tenantId: t.tenantId } })).toBe(jobsBefore);
  });

  it("a batch that fails undoes the batches before it: the directory is as it was, and the job says so", async () => {
    const { t, scope } = await school();
    const failing = `FAIL${digits()}`;
    const fn = `roster_fail_${failing.toLowerCase()}`;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN IF NEW.account = '${failing}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await prisma.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT OR UPDATE ON "Member" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const before = await directoryOf(t.tenantId);
      const jobsBefore = await prisma.wecomJob.count({ where: { tenantId: t.tenantId } });
      const file = utf8Csv([
        ["学号", "姓名"],
        [`B${digits()}1`, "第一批"],
        [`B${digits()}2`, "第一批"],
        [t.memberAccount, "第二批改名"],
        [`B${digits()}3`, "第二批"],
        [failing, "第三批失败"],
      ]);
      const { id } = await previewRosterUpload(scope, { fileName: "fails.csv", bytes: file });
      await startRosterImport(scope, { importJobId: id });
      await runRosterImport(scope, { importJobId: id, batchSize: 2 });
      const job = await importJobStatus(scope, { importJobId: id });
      expect(job.state).toBe("FAILED");
      expect(job.error).toBeTruthy();
      // Two batches had been written (and a member renamed) before the third failed.
      expect(job.processedRows).toBe(4);
      expect(await directoryOf(t.tenantId)).toEqual(before);
      expect(await prisma.wecomJob.count({ where: { tenantId: t.tenantId } })).toBe(jobsBefore);
      expect(await prisma.auditLog.count({ where: { tenantId: t.tenantId, action: "member.import" } })).toBe(0);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Member"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
  });

  it("a later batch sees what the batch before wrote: the phone one member gives up in it is another's in the next", async () => {
    const { t, scope } = await school();
    const newcomer = `N${digits()}`;
    const file = utf8Csv([
      ["学号", "姓名", "手机号"],
      [t.memberAccount, t.memberName, mobile()],
      [newcomer, "接手号码", t.memberPhone.slice(3)],
    ]);
    const { id } = await previewRosterUpload(scope, { fileName: "phones.csv", bytes: file });
    await startRosterImport(scope, { importJobId: id });
    await runRosterImport(scope, { importJobId: id, batchSize: 1 });
    expect(await importJobStatus(scope, { importJobId: id })).toMatchObject({ state: "DONE", created: 1, updated: 1, refused: 0 });
    expect((await prisma.member.findFirstOrThrow({ where: { tenantId: t.tenantId, account: newcomer } })).phone).toBe(t.memberPhone);
  });

  it("is confirmed once: a second 【确认导入】 is refused, and one school runs one import at a time", async () => {
    const { scope } = await school();
    const file = utf8Csv([
      ["学号", "姓名"],
      [`C${digits()}`, "一次"],
    ]);
    const first = await previewRosterUpload(scope, { fileName: "a.csv", bytes: file });
    const second = await previewRosterUpload(scope, { fileName: "b.csv", bytes: file });
    await startRosterImport(scope, { importJobId: first.id });
    await expect(startRosterImport(scope, { importJobId: first.id })).rejects.toMatchObject({ code: "ROSTER_NOT_PREVIEWED" });
    await expect(startRosterImport(scope, { importJobId: second.id })).rejects.toMatchObject({ code: "ROSTER_IMPORT_RUNNING" });
  });
});
