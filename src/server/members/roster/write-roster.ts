// Roster files written as streams. CSV: UTF-8 with a BOM, so Excel opens the Chinese right; number-
// like columns (学号, 手机号, 证件号码) start with a tab, so Excel keeps them as text (no lost
// zeros, no 1.10101E+17) and the import trims it; a value a spreadsheet would run as a formula
// (= + - @) is written after an apostrophe, which the import drops. .xlsx: text cells throughout.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { EXPORT_HEADERS, ROSTER_FIELDS, type RosterField } from "./fields";
import type { ExportRow } from "./export-roster";

const NUMBER_LIKE: readonly RosterField[] = ["account", "phone", "idNumber"];

function csvCell(field: RosterField, value: string): string {
  let cell = /^[=+\-@]/.test(value) ? `'${value}` : value;
  if (NUMBER_LIKE.includes(field) && /^\d[\dX]*$/.test(value)) cell = `\t${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function rosterCsv(rows: AsyncIterable<ExportRow>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* lines() {
    yield "\uFEFF" + ROSTER_FIELDS.map((f) => EXPORT_HEADERS[f]).join(",") + "\r\n";
    for await (const row of rows) yield ROSTER_FIELDS.map((f) => csvCell(f, row[f])).join(",") + "\r\n";
  }
  const source = lines();
  return new ReadableStream({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
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
