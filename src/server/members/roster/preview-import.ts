// Step one of an import: the file uploaded, read, mapped by its headers and judged row by row
// against the directory — nothing in the directory changes. The admin may remap the columns and
// see the preview again; the job keeps the sealed file until the import has run.
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { columnMapping, mapHeaders, type ColumnMapping } from "./fields";
import { sniffRosterFormat, type RosterFormat } from "./file-format";
import { judgeRoster } from "./judge-roster";
import { openRoster } from "./open-roster";
import { openRosterFile, sealRosterFile } from "./sealed-file";
import { scanContext } from "./scan";

/** Rows judged per directory lookup in the preview (and written per batch in the import). */
export const BATCH_SIZE = 2000;

/** A preview not confirmed within a day loses its file (it holds ID numbers): upload it again to import it. */
const PREVIEW_KEPT_MS = 24 * 60 * 60_000;

const REFUSALS = { EMPTY: "ROSTER_EMPTY", XLS_BINARY: "ROSTER_XLS_BINARY", NOT_A_ROSTER: "ROSTER_NOT_A_ROSTER" } as const;

/** Judges the file as mapped and stores the report and counts on the job. */
async function storePreview(scope: TenantScope, id: string, file: { bytes: Uint8Array; format: RosterFormat; mapping: ColumnMapping }) {
  const report = await judgeRoster(scope.db, file, await scanContext(scope), { batchSize: BATCH_SIZE });
  const { counts } = report;
  await scope.db.importJob.update({
    where: { id },
    data: {
      mapping: file.mapping,
      report: report as unknown as Prisma.InputJsonValue,
      totalRows: counts.rows,
      created: counts.create,
      updated: counts.update,
      unchanged: counts.unchanged,
      refused: counts.refused,
    },
  });
}

/** The upload: refused by content when it is not a roster; else a previewed job. */
export async function previewRosterUpload(scope: TenantScope, input: { fileName: string; bytes: Uint8Array }): Promise<{ id: string }> {
  const verdict = sniffRosterFormat(input.bytes);
  if (!verdict.ok) throw new AppError(REFUSALS[verdict.reason]);
  const sheet = await openRoster(input.bytes, verdict.format);
  await sheet.rows.return(undefined);
  await scope.db.importJob.updateMany({
    where: { state: "PREVIEWED", fileEnc: { not: null }, createdAt: { lt: new Date(Date.now() - PREVIEW_KEPT_MS) } },
    data: { fileEnc: null },
  });
  const id = randomUUID();
  await scope.db.importJob.create({
    data: {
      id,
      tenantId: scope.tenant.id,
      fileName: input.fileName.normalize("NFC").slice(0, 255) || "roster",
      format: verdict.format,
      fileBytes: input.bytes.byteLength,
      fileSha256: createHash("sha256").update(input.bytes).digest("hex"),
      fileEnc: sealRosterFile(id, input.bytes),
      createdBy: scope.actor.kind === "tenantAdmin" ? scope.actor.id : null,
    },
  });
  await storePreview(scope, id, { bytes: input.bytes, format: verdict.format, mapping: mapHeaders(sheet.headers) });
  return { id };
}

export const remapImportInput = z.object({ importJobId: z.string().uuid(), mapping: columnMapping });

/** The admin's own mapping of the columns: the preview judged again. Only before the import starts. */
export async function remapImport(scope: TenantScope, input: z.infer<typeof remapImportInput>): Promise<{ id: string }> {
  const job = await scope.db.importJob.findUnique({
    where: { id: input.importJobId },
    select: { state: true, fileEnc: true, format: true },
  });
  if (!job) throw new AppError("NOT_FOUND");
  if (job.state !== "PREVIEWED" || !job.fileEnc) throw new AppError("ROSTER_NOT_PREVIEWED");
  const bytes = openRosterFile(input.importJobId, job.fileEnc);
  await storePreview(scope, input.importJobId, { bytes, format: job.format as RosterFormat, mapping: input.mapping });
  return { id: input.importJobId };
}
