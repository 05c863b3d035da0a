// Roster files written as streams. CSV (src/server/export/csv.ts): UTF-8 with a BOM, number-like
// columns (学号, 手机号, 证件号码) kept as text, formulas defused; the import trims what that adds.
// .xlsx: text cells throughout.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvStream } from "~/server/export/csv";
import { EXPORT_HEADERS, ROSTER_FIELDS, type RosterField } from "./fields";
import type { ExportRow } from "./export-roster";

const NUMBER_LIKE: readonly RosterField[] = ["account", "phone", "idNumber"];

/** CSV (export/csv.ts): 学号, 手机号 and 证件号码 kept as text. */
export function rosterCsv(rows: AsyncIterable<ExportRow>): ReadableStream<Uint8Array> {
  async function* cells() {
    for await (const row of rows) yield ROSTER_FIELDS.map((f) => row[f]);
  }
  const text = new Set(ROSTER_FIELDS.flatMap((f, i) => (NUMBER_LIKE.includes(f) ? [i] : [])));
  return csvStream(
    ROSTER_FIELDS.map((f) => EXPORT_HEADERS[f]),
    cells(),
    text,
  );
}

export function rosterXlsx(rows: AsyncIterable<ExportRow>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet("名单");
  sheet.columns = ROSTER_FIELDS.map((f) => ({
    header: EXPORT_HEADERS[f],
    key: f,
    width: f === "department" ? 36 : 18,
    style: { numFmt: "@" },
  }));
  void (async () => {
    try {
      for await (const row of rows) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
