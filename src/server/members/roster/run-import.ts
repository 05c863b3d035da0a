// Step two: the import itself, run by the durable job (import-worker.ts) or a test. The whole file
// is judged again inside ONE transaction — the directory may have changed since the preview — and
// written batch by batch; progress is written beside it, outside the transaction, so the page sees
// it move. Any failure rolls the transaction back: the directory is exactly as it was, and the job
// says so. Done and failed jobs drop the sealed file.
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { toAppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";
import { applyBatch, type KnownDepartments } from "./apply-batch";
import type { ColumnMapping } from "./fields";
import type { RosterFormat } from "./file-format";
import { judgeRoster } from "./judge-roster";
import { BATCH_SIZE } from "./preview-import";
import { openRosterFile } from "./sealed-file";
import { scanContext } from "./scan";

/** Long enough for 100,000 rows with their WeCom jobs; the job's own expiry is longer (queue.ts). */
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

export type RunImportInput = { importJobId: string; batchSize?: number };

export async function runRosterImport(scope: TenantScope, input: RunImportInput): Promise<void> {
  const id = input.importJobId;
  // A retried job (the instance stopped mid-import) takes its RUNNING job over: its transaction died with it.
  const claimed = await scope.db.importJob.updateMany({
    where: { id, state: { in: ["QUEUED", "RUNNING"] } },
    data: { state: "RUNNING", startedAt: new Date(), processedRows: 0 },
  });
  if (claimed.count === 0) return;
  const job = await scope.db.importJob.findUniqueOrThrow({ where: { id }, select: { format: true, mapping: true, fileName: true } });
  try {
    const file = { bytes: await fileOf(scope, id), format: job.format as RosterFormat, mapping: job.mapping as ColumnMapping };
    const ctx = await scanContext(scope);
    await scope.db.$transaction(
      async (tx) => {
        const knownDepartments: KnownDepartments = new Set();
        const report = await judgeRoster(tx, file, ctx, {
          batchSize: input.batchSize ?? BATCH_SIZE,
          onBatch: async (verdicts, processedRows) => {
            await applyBatch(tx, scope, verdicts, knownDepartments);
            await scope.db.importJob.updateMany({ where: { id }, data: { processedRows } });
          },
        });
        const { counts } = report;
        const done = await tx.importJob.updateMany({
          where: { id, state: "RUNNING" },
          data: {
            state: "DONE",
            finishedAt: new Date(),
            fileEnc: null,
            report: report as unknown as Prisma.InputJsonValue,
            processedRows: counts.rows,
            created: counts.create,
            updated: counts.update,
            unchanged: counts.unchanged,
            refused: counts.refused,
          },
        });
        if (done.count === 0) throw new Error("The import was ended elsewhere while it ran.");
        // One audit row for the import, not one per member.
        await audit(tx, {
          ...auditActor(scope.actor),
          action: "member.import",
          target: job.fileName,
          detail: { importJobId: id, ...counts, missing: report.missingCount },
        });
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    const appError = toAppError(error);
    scope.log.error({ err: error, importJobId: id }, "roster import failed; the directory is unchanged");
    await scope.db.importJob.updateMany({
      where: { id, state: "RUNNING" },
      data: {
        state: "FAILED",
        finishedAt: new Date(),
        fileEnc: null,
        error: appError.messageIn("zh-CN"),
        errorEn: appError.messageIn("en"),
      },
    });
  }
}

/**
 * The job's file, opened. Read on its own so that the sealed text (a third larger than the file,
 * twice over: base64 sealed) is garbage once opened, not held beside the file for the whole import.
 */
async function fileOf(scope: TenantScope, id: string): Promise<Uint8Array> {
  const { fileEnc } = await scope.db.importJob.findUniqueOrThrow({ where: { id }, select: { fileEnc: true } });
  if (!fileEnc) throw new Error("The import's file is gone.");
  return openRosterFile(id, fileEnc);
}
