// A CSV's bytes as text. Chinese Excel saves 「CSV（逗号分隔）」 in the system's code page, GBK
// (a subset of GB18030), and 「CSV UTF-8」 with a byte-order mark; other tools write UTF-8 without
// one, and 「Unicode 文本」 is UTF-16 with tabs. Bytes that are valid UTF-8 are read as UTF-8 (a GBK
// file of Chinese text is almost never valid UTF-8); anything else as GB18030. A file of 100,000
// rows is read in slices (textChunks): its whole text is never one string beside its bytes.
import { isUtf8 } from "node:buffer";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  // Checked in place: decoding to find out would build the whole text as a string.
  return { encoding: isUtf8(bytes) ? "utf-8" : "gb18030", bomLength: 0 };
}

/** Bytes read per slice of a CSV: small beside a file of 100,000 rows, large beside a row. */
export const TEXT_CHUNK_BYTES = 64 * 1024;

/**
 * The file's text in slices, the byte-order mark left out: UTF-8 as its bytes (views, not copies;
 * csv-parse decodes a field once it is whole), other encodings decoded slice by slice, a character
 * split between two slices decoded whole (TextDecoder's stream mode).
 */
export function* textChunks(bytes: Uint8Array, chunkBytes = TEXT_CHUNK_BYTES): Generator<Buffer | string> {
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bomLength, bytes.byteLength - bomLength);
  const decoder = encoding === "utf-8" ? null : new TextDecoder(encoding);
  for (let start = 0; start < body.length; start += chunkBytes) {
    const slice = body.subarray(start, start + chunkBytes);
    if (!decoder) yield slice;
    else {
      const text = decoder.decode(slice, { stream: true });
      if (text) yield text;
    }
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

/** The first characters of the file's text (enough for detectDelimiter's first ten lines). */
export function headText(bytes: Uint8Array, chunkBytes = TEXT_CHUNK_BYTES): string {
  const { encoding, bomLength } = detectEncoding(bytes);
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength, bomLength + chunkBytes));
}

export function decodeRosterText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, bomLength } = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes.subarray(bomLength)), encoding };
}

/** The separator of the first lines (a title row may have none): a comma, the tab of 「Unicode 文本」, or a semicolon. */
export function detectDelimiter(text: string): "," | "\t" | ";" {
  const head = text.slice(0, 8192).split(/\r?\n/).slice(0, 10).join("\n");
  const counts = ([",", "\t", ";"] as const).map((d) => [d, head.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
