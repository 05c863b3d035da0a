// Members missing from the file: the import lists them and deletes none; the separate step deletes
// exactly the latest import's list once the admin confirms its number, each member audited and its
// removal from WeCom queued, in one transaction.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { handleRosterImportJob } from "~/server/members/roster/import-worker";
import { importJobStatus, startRosterImport } from "~/server/members/roster/import-jobs";
import { deleteMissingMembers, missingMembers } from "~/server/members/roster/delete-missing";
import { previewRosterUpload } from "~/server/members/roster/preview-import";
import type { TenantScope } from "~/server/scope";
import { ROSTER_HEADER, utf8Csv } from "../fixtures/roster/build";
import { makeTenant, testJobs, testPrisma, testScope } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const account = () => `M${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, "0")}`;

async function importFile(scope: TenantScope, accounts: string[]) {
  const rows = accounts.map((a) => [a, "在册", "在校师生", "计算机学院", "", "", "", ""]);
  const { id } = await previewRosterUpload(scope, { fileName: "名单.csv", bytes: utf8Csv([[...ROSTER_HEADER], ...rows]) });
  await startRosterImport(scope, { importJobId: id });
  const [job] = await prisma.$queryRawUnsafe<{ data: unknown }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'roster-import' AND data->>'importJobId' = $1`,
    id,
  );
  await handleRosterImportJob(prisma, testJobs(), job!.data);
  return importJobStatus(scope, { importJobId: id });
}

describe("deleting the members missing from the file", () => {
  it("deletes only the latest import's missing members, only once the admin confirms their number", async () => {
    const t = await makeTenant(prisma);
    const scope = await testScope(prisma, t.tenantId);
    const kept = [account(), account()];
    const leaving = [account(), account()];
    for (const a of [...kept, ...leaving]) {
      await prisma.member.create({ data: { tenantId: t.tenantId, account: a, name: "旧名单", identityKindId: t.identityKindId } });
    }
    const first = await importFile(scope, kept);
    expect(first.report.missing.map((m) => m.account).sort()).toEqual([...leaving, t.memberAccount].sort());
    // The import itself deletes no one.
    expect(await prisma.member.count({ where: { tenantId: t.tenantId } })).toBe(5);

    const shown = await missingMembers(scope, { importJobId: first.id });
    expect(shown).toMatchObject({ count: 3, unlisted: 0 });
    expect(shown.sample.map((m) => m.account).sort()).toEqual([...leaving, t.memberAccount].sort());

    // One of the list deleted meanwhile on the member page: the confirmed number no longer holds, nothing is deleted.
    await prisma.member.delete({ where: { tenantId_account: { tenantId: t.tenantId, account: leaving[1]! } } });
    await expect(deleteMissingMembers(scope, { importJobId: first.id, count: 3 })).rejects.toMatchObject({
      code: "ROSTER_MISSING_CHANGED",
    });
    expect(await prisma.member.count({ where: { tenantId: t.tenantId } })).toBe(4);

    expect(await deleteMissingMembers(scope, { importJobId: first.id, count: 2 })).toEqual({ deleted: 2 });
    const left = await prisma.member.findMany({ where: { tenantId: t.tenantId }, select: { account: true } });
    expect(left.map((m) => m.account).sort()).toEqual([...kept].sort());
    const removals = await prisma.wecomJob.findMany({ where: { tenantId: t.tenantId, kind: "member.delete" } });
    expect(removals).toHaveLength(2);
    const audits = await prisma.auditLog.findMany({
      where: { tenantId: t.tenantId, action: { in: ["member.delete", "member.import.delete_missing"] } },
      select: { action: true, target: true },
    });
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "member.delete", target: leaving[0] },
        { action: "member.delete", target: t.memberAccount },
        { action: "member.import.delete_missing", target: first.id },
      ]),
    );
    expect(await missingMembers(scope, { importJobId: first.id })).toMatchObject({ count: 0 });

    // A later import decides who is missing: the earlier list is no longer offered.
    const second = await importFile(scope, [kept[0]!]);
    await expect(missingMembers(scope, { importJobId: first.id })).rejects.toMatchObject({ code: "ROSTER_MISSING_NOT_LATEST" });
    await expect(deleteMissingMembers(scope, { importJobId: first.id, count: 1 })).rejects.toMatchObject({
      code: "ROSTER_MISSING_NOT_LATEST",
    });
    expect(await missingMembers(scope, { importJobId: second.id })).toMatchObject({ count: 1, sample: [{ account: kept[1] }] });
  });
});
