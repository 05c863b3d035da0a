// What an uploaded roster is, judged by its bytes, never by its name or the browser's type: an
// .xlsx is a ZIP package holding a workbook; a CSV is text. The old binary .xls, a PDF or an image
// renamed .csv are refused with what to do instead.
export type RosterFormat = "xlsx" | "csv";
export type FormatVerdict = { ok: true; format: RosterFormat } | { ok: false; reason: "XLS_BINARY" | "NOT_A_ROSTER" | "EMPTY" };

/** The upload limit: a roster of 100,000 rows is about 8 MB as CSV. */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: Excel 97–2003 (.xls) and other old Office files. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BINARY = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
] as const;

function containsAscii(bytes: Uint8Array, text: string, within: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, within)).includes(text, 0, "latin1");
}

/** A text file has no NUL bytes (UTF-16 text starts with its BOM, which the decoder reads). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  return !sample.includes(0);
}

export function sniffRosterFormat(bytes: Uint8Array): FormatVerdict {
  if (bytes.byteLength === 0) return { ok: false, reason: "EMPTY" };
  if (startsWith(bytes, ZIP)) {
    // An OOXML workbook names its parts in the ZIP's local headers near the start; a .docx or a plain ZIP does not.
    return containsAscii(bytes, "xl/", bytes.byteLength) ? { ok: true, format: "xlsx" } : { ok: false, reason: "NOT_A_ROSTER" };
  }
  if (startsWith(bytes, CFB)) return { ok: false, reason: "XLS_BINARY" };
  if (BINARY.some((magic) => startsWith(bytes, magic))) return { ok: false, reason: "NOT_A_ROSTER" };
  return looksLikeText(bytes) ? { ok: true, format: "csv" } : { ok: false, reason: "NOT_A_ROSTER" };
}
