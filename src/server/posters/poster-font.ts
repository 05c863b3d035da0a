// The poster's typeface: Noto Sans SC, its simplified-Chinese subset as @fontsource ships it (about
// 8,000 characters: common hanzi, Latin letters, digits and the full-width punctuation), as a WOFF.
//
// Read once per process and unpacked to a plain TrueType font without its OpenType layout tables
// (GSUB, GPOS, GDEF, BASE). pdf-lib lays out every string it measures or draws through fontkit, whose
// shaping engine takes about a second per new string on this font's large tables: a poster of
// twenty strings took most of a minute. Chinese and the poster's Latin need no shaping (no ligature,
// no mark, no contextual form), and the advances the poster needs are in hmtx, so without those
// tables each string is laid out in a millisecond, glyph for glyph the same.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { inflateSync } from "node:zlib";

const FONT_FILE = "node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff";

/** The tables only a shaping engine reads. */
const LAYOUT_TABLES = new Set(["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "STAT"]);

/**
 * A WOFF 1.0 font (W3C WOFF §4–5) as the SFNT it wraps, less `drop`: each table inflated when it
 * was stored compressed, laid out again 4-byte aligned after a new table directory.
 */
export function sfntFromWoff(woff: Buffer, drop: ReadonlySet<string> = new Set()): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("Not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0, count = woff.readUInt16BE(12); i < count; i++) {
    const entry = 44 + i * 20;
    const tag = woff.toString("latin1", entry, entry + 4);
    if (drop.has(tag)) continue;
    const [offset, compLength, origLength] = [woff.readUInt32BE(entry + 4), woff.readUInt32BE(entry + 8), woff.readUInt32BE(entry + 12)];
    const stored = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum: woff.readUInt32BE(entry + 16), data: compLength < origLength ? inflateSync(stored) : stored });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const entrySelector = Math.floor(Math.log2(tables.length));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + tables.length * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(tables.length, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(tables.length * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    header.write(table.tag, record, "latin1");
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

let fontBytes: Promise<Uint8Array> | undefined;

/** The poster's font, unpacked on the first poster and kept (a failed read is retried by the next poster). */
export function posterFontBytes(): Promise<Uint8Array> {
  fontBytes ??= readFile(path.join(process.cwd(), FONT_FILE)).then(
    (woff) => new Uint8Array(sfntFromWoff(woff, LAYOUT_TABLES)),
    (error: unknown) => {
      fontBytes = undefined;
      throw error;
    },
  );
  return fontBytes;
}
