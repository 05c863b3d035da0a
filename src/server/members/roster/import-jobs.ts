// The back office's view of its imports: start one that was previewed (the durable job runs it),
// read one's state, progress and report (the page polls this), list the recent ones.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import { QUEUES, sendInTransaction } from "~/server/jobs/queue";
import type { TenantScope } from "~/server/scope";
import { columnMapping } from "./fields";
import { importReport } from "./report";

export const importJobIdInput = z.object({ importJobId: z.string().uuid() });

const jobSelect = {
  id: true,
  fileName: true,
  format: true,
  state: true,
  mapping: true,
  totalRows: true,
  processedRows: true,
  created: true,
  updated: true,
  unchanged: true,
  refused: true,
  report: true,
  error: true,
  errorEn: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const satisfies Prisma.ImportJobSelect;

const state = z.enum(["PREVIEWED", "QUEUED", "RUNNING", "DONE", "FAILED"]);

export const importJobOutput = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  state,
  mapping: columnMapping,
  totalRows: z.number(),
  processedRows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  refused: z.number(),
  report: importReport,
  error: z.string().nullable(),
  errorEn: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export const importJobSummaryOutput = importJobOutput.omit({ report: true, mapping: true });

export async function importJobStatus(scope: TenantScope, input: z.infer<typeof importJobIdInput>) {
  const job = await scope.db.importJob.findUnique({ where: { id: input.importJobId }, select: jobSelect });
  if (!job) throw new AppError("NOT_FOUND");
  return importJobOutput.parse(job);
}

export async function recentImportJobs(scope: TenantScope) {
  const select = { ...jobSelect, report: false, mapping: false } as const;
  return scope.db.importJob.findMany({ select, orderBy: { createdAt: "desc" }, take: 20 });
}

/** 【确认导入】: the previewed job is queued once (a second click finds it queued), one import of a school at a time. */
export async function startRosterImport(scope: TenantScope, input: z.infer<typeof importJobIdInput>) {
  return scope.db.$transaction(async (tx) => {
    const job = await tx.importJob.findUnique({
      where: { id: input.importJobId },
      select: { state: true, totalRows: true, refused: true, report: true, fileEnc: true },
    });
    if (!job) throw new AppError("NOT_FOUND");
    // Its file is gone once a day has passed (preview-import.ts): the admin uploads it again.
    if (job.state !== "PREVIEWED" || !job.fileEnc) throw new AppError("ROSTER_NOT_PREVIEWED");
    const missing = importReport.shape.missingFields.safeParse((job.report as { missingFields?: unknown }).missingFields);
    if (missing.success && missing.data.length > 0) throw new AppError("ROSTER_MAPPING_INCOMPLETE", { fields: missing.data.join("、") });
    if (job.totalRows - job.refused === 0) throw new AppError("ROSTER_NOTHING_TO_IMPORT");
    const running = await tx.importJob.count({ where: { state: { in: ["QUEUED", "RUNNING"] } } });
    if (running > 0) throw new AppError("ROSTER_IMPORT_RUNNING");
    const queued = await tx.importJob.updateMany({ where: { id: input.importJobId, state: "PREVIEWED" }, data: { state: "QUEUED" } });
    if (queued.count === 0) throw new AppError("ROSTER_NOT_PREVIEWED");
    const actor = scope.actor.kind === "tenantAdmin" ? { id: scope.actor.id, role: scope.actor.role, ip: scope.actor.ip } : null;
    await sendInTransaction(scope.jobs, tx, QUEUES.rosterImport, { tenantId: scope.tenant.id, importJobId: input.importJobId, actor });
    return { id: input.importJobId, state: "QUEUED" as const };
  });
}
