// A whole roster judged into its report: the preview runs it on the directory as it is, the
// import runs it inside its transaction and writes each batch as it comes (onBatch).
import type { TenantTx } from "~/server/db/tenant-db";
import { missingRequired } from "./fields";
import type { Verdict } from "./judge-row";
import { emptyCounts, MISSING_LIST_LIMIT, ReportRows, type ImportReport } from "./report";
import { gatherFileFacts, judgeBatch, missingMembers, parsedBatches, type RosterFile, type ScanContext } from "./scan";

export type JudgeOptions = {
  batchSize: number;
  /** Called with each batch once judged, before the next is judged: the import writes it. */
  onBatch?: (verdicts: Verdict[], processedRows: number) => Promise<void>;
};

export async function judgeRoster(db: TenantTx, file: RosterFile, ctx: ScanContext, options: JudgeOptions): Promise<ImportReport> {
  const first = await gatherFileFacts(file, ctx);
  const missingFields = missingRequired(file.mapping);
  const counts = { ...emptyCounts(), rows: first.rows };
  const base = { headerRow: first.headerRow, headers: first.headers, missingFields, counts };
  // Until every column a row needs is mapped, no row can be judged: the page asks for the mapping first.
  if (missingFields.length > 0) return { ...base, rows: [], rowsLeftOut: 0, missing: [], missingCount: 0 };
  const rows = new ReportRows();
  let processed = 0;
  // The next batch is read and parsed while this one is judged and written (the file's work beside
  // the database's); it is judged only once this one is written, against the directory as it left it.
  const batches = parsedBatches(file, ctx, options.batchSize);
  let next = batches.next();
  try {
    for (let read = await next; !read.done; read = await next) {
      next = batches.next();
      // Its failure is met where it is awaited; this only keeps Node from calling it unhandled meanwhile.
      next.catch(() => undefined);
      const verdicts = await judgeBatch(db, read.value, ctx, first.facts);
      processed += verdicts.length;
      count(verdicts);
      await options.onBatch?.(verdicts, processed);
    }
  } finally {
    await Promise.allSettled([next]);
    await batches.return(undefined);
  }
  return { ...base, ...rows.result(), ...(await missingMembers(db, first.facts, MISSING_LIST_LIMIT)) };

  function count(verdicts: readonly Verdict[]) {
    for (const verdict of verdicts) {
      counts[verdict.outcome]++;
      rows.add({
        row: verdict.row,
        account: verdict.account,
        outcome: verdict.outcome,
        problems: verdict.problems,
        normalised: verdict.normalised,
        changes: verdict.changes,
      });
    }
  }
}
