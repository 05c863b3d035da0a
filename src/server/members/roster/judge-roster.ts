// A whole roster judged into its report: the preview runs it on the directory as it is, the
// import runs it inside its transaction and writes each batch as it comes (onBatch).
import type { TenantTx } from "~/server/db/tenant-db";
import { missingRequired } from "./fields";
import type { Verdict } from "./judge-row";
import { emptyCounts, MISSING_LIST_LIMIT, ReportRows, type ImportReport } from "./report";
import { gatherFileFacts, judgeBatch, missingMembers, parsedBatches, type RosterFile, type ScanContext } from "./scan";

export type JudgeOptions = {
  batchSize: number;
  /**
   * Called with each batch once judged: the import writes it. The next batch is read and parsed
   * while it runs (the file's work beside the database's), and judged only once it is done.
   */
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
  let writing: Promise<void> | undefined;
  const written = async () => {
    const pending = writing;
    writing = undefined;
    await pending;
  };
  try {
    for await (const batch of parsedBatches(file, ctx, options.batchSize)) {
      // This batch is judged against the directory as the batch before left it.
      await written();
      const verdicts = await judgeBatch(db, batch, ctx, first.facts);
      processed += verdicts.length;
      count(verdicts);
      writing = options.onBatch?.(verdicts, processed);
      // Its failure is met where it is awaited (before the next batch is judged, or at the end);
      // this only keeps Node from calling it unhandled while the next batch is read.
      writing?.catch(() => undefined);
    }
    await written();
  } catch (error) {
    // A write still under way ends before the caller rolls its transaction back.
    if (writing) await Promise.allSettled([writing]);
    throw error;
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
