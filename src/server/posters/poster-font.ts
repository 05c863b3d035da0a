// The poster's typeface: Noto Sans SC, its simplified-Chinese subset as @fontsource ships it (about
// 8,000 characters: common hanzi, Latin letters, digits and the full-width punctuation). Reading and
// parsing it takes seconds the first time, so the bytes are read once per process and shared.
import { readFile } from "node:fs/promises";
import path from "node:path";

const FONT_FILE = "node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff";

let fontBytes: Promise<Uint8Array> | undefined;

/** The font file's bytes, read on the first poster and kept (a failed read is retried by the next poster). */
export function posterFontBytes(): Promise<Uint8Array> {
  fontBytes ??= readFile(path.join(process.cwd(), FONT_FILE)).then(
    (bytes) => new Uint8Array(bytes),
    (error: unknown) => {
      fontBytes = undefined;
      throw error;
    },
  );
  return fontBytes;
}
