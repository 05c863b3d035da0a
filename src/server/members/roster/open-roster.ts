// A roster sheet as schools send it: a title or merged heading rows may sit above the real
// header ("2024级新生名单"), so the header is the row among the first ten that names the most
// known columns; rows with nothing in them (Excel's trailing empty rows) are skipped.
import { fieldOfHeader } from "./fields";
import type { RosterFormat } from "./file-format";
import { readRawRows, type RawRow } from "./read-rows";

/** How far down a header row is looked for. */
export const HEADER_SEARCH_ROWS = 10;

export type RosterSheet = { headerRow: number; headers: string[]; rows: AsyncGenerator<RawRow> };

const isEmpty = (row: RawRow) => row.cells.every((cell) => !cell.text.trim());
const knownHeaders = (row: RawRow) => new Set(row.cells.map((cell) => fieldOfHeader(cell.text)).filter(Boolean)).size;

export async function openRoster(bytes: Uint8Array, format: RosterFormat): Promise<RosterSheet> {
  const source = readRawRows(bytes, format);
  const head: RawRow[] = [];
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await source.next();
    if (next.done) break;
    if (!isEmpty(next.value)) head.push(next.value);
  }
  // The row naming the most known columns; with none known, the first row, for the admin to map by hand.
  const header = head.reduce<RawRow | undefined>((best, row) => (!best || knownHeaders(row) > knownHeaders(best) ? row : best), undefined);
  const after = header ? head.slice(head.indexOf(header) + 1) : [];
  async function* rows(): AsyncGenerator<RawRow> {
    yield* after;
    for await (const row of source) if (!isEmpty(row)) yield row;
  }
  return {
    headerRow: header?.rowNumber ?? 0,
    headers: header?.cells.map((cell) => cell.text.normalize("NFKC").trim()) ?? [],
    rows: rows(),
  };
}
