// A roster file's rows, one at a time, as the sheet shows them: CSV through csv-parse, .xlsx
// through exceljs's streaming reader (the first worksheet), so a file of 100,000 rows is never a
// hundred thousand row objects at once. A cell keeps whether the sheet stored it as a number: an
// 18-digit ID number stored as a number has already lost its last digits (Excel keeps 15).
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { AppError } from "~/server/errors";
import { detectDelimiter, headText, textChunks } from "./decode-text";
import type { RosterFormat } from "./file-format";

export type RawCell = { text: string; storedAsNumber: boolean };
/** A row as the sheet numbers it (1 is the first line), with its cells left to right. */
export type RawRow = { rowNumber: number; cells: RawCell[] };

/** Beyond these the file is not a roster this product imports in one go (and an .xlsx may expand a lot). */
export const MAX_ROWS = 200_000;
export const MAX_COLUMNS = 200;

const text = (value: string): RawCell => ({ text: value, storedAsNumber: false });

async function* csvRows(bytes: Uint8Array): AsyncGenerator<RawRow> {
  const parser = Readable.from(textChunks(bytes)).pipe(
    parse({ delimiter: detectDelimiter(headText(bytes)), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber++;
    yield { rowNumber, cells: record.slice(0, MAX_COLUMNS).map(text) };
  }
}

type CellValue = ExcelJS.CellValue;

/** A cell as its text: a formula's result, a rich text's characters, a date as yyyy-mm-dd. */
export function cellOf(value: CellValue): RawCell {
  if (value === null || value === undefined) return text("");
  if (typeof value === "number") return { text: String(value), storedAsNumber: true };
  if (typeof value === "string") return text(value);
  if (typeof value === "boolean") return text(value ? "TRUE" : "FALSE");
  if (value instanceof Date) return text(value.toISOString().slice(0, 10));
  if ("richText" in value) return text(value.richText.map((part) => part.text).join(""));
  if ("formula" in value || "sharedFormula" in value) return cellOf((value as { result?: CellValue }).result ?? null);
  if ("text" in value && typeof value.text === "string") return text(value.text);
  // An error cell (#N/A, #VALUE!) holds nothing to import.
  return text("");
}

/**
 * An entry's bytes as text decoded across chunk boundaries. exceljs's streaming reader decodes each
 * chunk of a sheet or of the shared strings on its own (lib/utils/parse-sax.js), so a Chinese
 * character split between two chunks came out as two U+FFFD: 「在校师生」 read as 「在校师��」 on
 * row 1,054 of a 5,000-row roster, refused — or a name imported wrong.
 */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** exceljs's reader, its two XML entry kinds handed over as text (its methods, not in its types). */
type ReaderInternals = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  ...args: ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

class Utf8WorkbookReader extends BaseReader {
  override _parseSharedStrings(entry: NodeJS.ReadableStream) {
    return super._parseSharedStrings(Readable.from(utf8Text(entry as AsyncIterable<Buffer>)));
  }
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8Text(iterator), sheetNo);
  }
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<RawRow> {
  // A view of the bytes, not a copy of them.
  const reader = new Utf8WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values: CellValue[] = Array.isArray(row.values) ? row.values : [];
      // exceljs numbers cells from 1 and leaves index 0 empty.
      const cells = Array.from({ length: Math.min(Math.max(values.length - 1, 0), MAX_COLUMNS) }, (_, i) => cellOf(values[i + 1]));
      yield { rowNumber: row.number, cells };
    }
    // The first worksheet is the roster; the others (instructions, lookup lists) are not read.
    return;
  }
}

/** Every row of the file in order; refuses a file of more than MAX_ROWS rows once it gets there. */
export async function* readRawRows(bytes: Uint8Array, format: RosterFormat): AsyncGenerator<RawRow> {
  let count = 0;
  try {
    for await (const row of format === "xlsx" ? xlsxRows(bytes) : csvRows(bytes)) {
      if (++count > MAX_ROWS) throw new AppError("ROSTER_TOO_MANY_ROWS", { max: MAX_ROWS });
      yield row;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("ROSTER_UNREADABLE");
  }
}
