// The separate, confirmed step after an import: 【删除文件中没有的成员（N）】. Never part of the
// import itself (an import only lists them, report.ts). It acts on the latest finished import's
// list only — an older list may name members a later file brought back — and on those of the
// list still in the directory. The admin confirms the number the page showed; if the directory
// changed meanwhile the number differs and nothing is deleted. Each member goes the member page's
// way (manage-members.ts deleteMemberIn: audited, its WeCom removal queued), all in one transaction.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import type { TenantDb } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";
import { deleteMemberIn, memberToDeleteSelect } from "../manage-members";
import { importReport } from "./report";

export const missingMembersInput = z.object({ importJobId: z.string().uuid() });
export const deleteMissingInput = missingMembersInput.extend({
  /** How many the confirmation named. */
  count: z.number().int().min(1),
});

/** How many a confirmation shows by name; the rest are counted. */
const SAMPLE_SIZE = 20;

export const missingMembersOutput = z.object({
  count: z.number().int(),
  sample: z.array(z.object({ account: z.string(), name: z.string() })),
  /** Members the file did not name beyond the report's list: another import of the same file lists them next. */
  unlisted: z.number().int(),
});

type Db = Pick<TenantDb, "importJob" | "member">;

/** The members of the import's list still in the directory; refused unless it is the school's latest finished import. */
async function listedMembers(db: Db, importJobId: string) {
  const job = await db.importJob.findUnique({ where: { id: importJobId }, select: { state: true, report: true } });
  if (!job) throw new AppError("NOT_FOUND");
  if (job.state !== "DONE") throw new AppError("ROSTER_MISSING_NOT_LATEST");
  const latest = await db.importJob.findFirst({ where: { state: "DONE" }, orderBy: { finishedAt: "desc" }, select: { id: true } });
  if (latest?.id !== importJobId) throw new AppError("ROSTER_MISSING_NOT_LATEST");
  const report = importReport.pick({ missing: true, missingCount: true }).parse(job.report);
  const members = await db.member.findMany({
    where: { account: { in: report.missing.map((m) => m.account) } },
    select: { ...memberToDeleteSelect, name: true },
    orderBy: { account: "asc" },
  });
  return { members, unlisted: Math.max(0, report.missingCount - report.missing.length) };
}

/** What the confirmation shows: how many, and some of them by name. */
export async function missingMembers(scope: TenantScope, input: z.infer<typeof missingMembersInput>) {
  const { members, unlisted } = await listedMembers(scope.db, input.importJobId);
  return { count: members.length, sample: members.slice(0, SAMPLE_SIZE).map((m) => ({ account: m.account, name: m.name })), unlisted };
}

/** Deletes them, once the admin confirmed their number. */
export async function deleteMissingMembers(scope: TenantScope, input: z.infer<typeof deleteMissingInput>) {
  return scope.db.$transaction(
    async (tx) => {
      const { members } = await listedMembers(tx, input.importJobId);
      if (members.length !== input.count) throw new AppError("ROSTER_MISSING_CHANGED", { count: members.length });
      for (const member of members) await deleteMemberIn(tx, scope, member);
      await audit(tx, {
        ...auditActor(scope.actor),
        action: "member.import.delete_missing",
        target: input.importJobId,
        detail: { importJobId: input.importJobId, deleted: members.length },
      });
      return { deleted: members.length };
    },
    // A list holds up to 2,000 members, each deleted, audited and queued for WeCom.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
