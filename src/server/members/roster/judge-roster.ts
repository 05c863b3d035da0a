// A whole roster judged into its report: the preview runs it on the directory as it is, the
// import runs it inside its transaction and writes each batch as it comes (onBatch).
import type { TenantTx } from "~/server/db/tenant-db";
import { missingRequired } from "./fields";
import type { Verdict } from "./judge-row";
import { emptyCounts, MISSING_LIST_LIMIT, ReportRows, type ImportReport } from "./report";
import { gatherFileFacts, judgedBatches, missingMembers, type RosterFile, type ScanContext } from "./scan";

export type JudgeOptions = {
  batchSize: number;
  /** Called with each batch once judged, before the next is read: the import writes it. */
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
  for await (const verdicts of judgedBatches(db, file, ctx, first.facts, options.batchSize)) {
    processed += verdicts.length;
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
    await options.onBatch?.(verdicts, processed);
  }
  return { ...base, ...rows.result(), ...(await missingMembers(db, first.facts, MISSING_LIST_LIMIT)) };
}
