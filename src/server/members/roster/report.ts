// What an import found and did, row by row, as the preview and the final report show it. A
// problem is a code with its values; the page words it in the reader's language
// (src/i18n/messages/roster.ts), so the report stored on the job holds no sentence and no ID number.
import { z } from "zod";
import { ROSTER_FIELDS } from "./fields";

export const PROBLEM_CODES = [
  "ACCOUNT_MISSING",
  "ACCOUNT_FORMAT",
  "ACCOUNT_DUPLICATE_IN_FILE",
  "ACCOUNT_LEADING_ZEROS",
  "NAME_MISSING",
  "NAME_TOO_LONG",
  "KIND_MISSING",
  "KIND_UNKNOWN",
  "DEPARTMENT_TOO_LONG",
  "STORED_AS_NUMBER",
  "PHONE_INVALID",
  "PHONE_FOREIGN_NOT_ALLOWED",
  "PHONE_COUNTRY_NOT_ALLOWED",
  "PHONE_HELD_IN_DIRECTORY",
  "PHONE_HELD_IN_FILE",
  "PHONE_CHANGE_NEEDS_CONSENT",
  "EMAIL_INVALID",
  "EMAIL_HELD_IN_DIRECTORY",
  "EMAIL_HELD_IN_FILE",
  "ID_TYPE_TOO_LONG",
  "ID_NUMBER_FORMAT",
  "ID_CHECK_DIGIT",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const field = z.enum(ROSTER_FIELDS);
const vars = z.record(z.string(), z.union([z.string(), z.number()]));

export const rowProblem = z.object({ field: field.nullable(), code: z.enum(PROBLEM_CODES), vars: vars.optional() });
export type RowProblem = z.infer<typeof rowProblem>;

export const rowOutcome = z.enum(["create", "update", "unchanged", "refused"]);
export type RowOutcome = z.infer<typeof rowOutcome>;

/** One row of the report: refused rows with their problems, and rows whose values were normalised or that update a member. */
export const reportRow = z.object({
  row: z.number().int(),
  account: z.string(),
  outcome: rowOutcome,
  problems: z.array(rowProblem),
  /** Fields whose full-width characters or spaces were normalised (NFKC): imported, and said. */
  normalised: z.array(field),
  /** The fields an update changes. */
  changes: z.array(field),
});
export type ReportRow = z.infer<typeof reportRow>;

export const importCounts = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const importReport = z.object({
  /** The header row found (a title row above it is skipped) and each column's header. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** Fields a row cannot do without that no column is mapped to: nothing is judged until the admin maps them. */
  missingFields: z.array(z.enum(ROSTER_FIELDS)),
  counts: importCounts,
  /** Rows worth showing, at most REPORT_ROW_LIMIT: every refused row first, then updates and normalised rows. */
  rows: z.array(reportRow),
  /** How many rows were left out of `rows` for size. */
  rowsLeftOut: z.number().int(),
  /** Members of the directory the file does not name: listed, never deleted. */
  missing: z.array(z.object({ account: z.string(), name: z.string() })),
  missingCount: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;

/** Enough for the admin to fix a file; a file with more problems than this is better fixed at its source. */
export const REPORT_ROW_LIMIT = 2000;
export const MISSING_LIST_LIMIT = 2000;

export const emptyCounts = (): ImportCounts => ({ rows: 0, create: 0, update: 0, unchanged: 0, refused: 0 });

/** Collects the report's rows within the limit, refused rows kept before the others. */
export class ReportRows {
  private readonly refused: ReportRow[] = [];
  private readonly others: ReportRow[] = [];
  private leftOut = 0;

  add(row: ReportRow): void {
    const worth = row.outcome === "refused" || row.outcome === "update" || row.normalised.length > 0;
    if (!worth) return;
    const list = row.outcome === "refused" ? this.refused : this.others;
    if (this.refused.length + this.others.length < REPORT_ROW_LIMIT) list.push(row);
    else if (row.outcome === "refused" && this.others.length > 0) {
      this.others.pop();
      this.refused.push(row);
      this.leftOut++;
    } else this.leftOut++;
  }

  result(): { rows: ReportRow[]; rowsLeftOut: number } {
    const byRow = (a: ReportRow, b: ReportRow) => a.row - b.row;
    return { rows: [...this.refused.sort(byRow), ...this.others.sort(byRow)], rowsLeftOut: this.leftOut };
  }
}
