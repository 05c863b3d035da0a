// The poster's font, unpacked from its WOFF without the shaping tables (posters/poster-font.ts):
// every character of the poster maps to the same glyph with the same advance as in the font shipped.
import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { bilingualOf, MESSAGES } from "~/i18n/messages";
import { posterFontBytes, sfntFromWoff } from "~/server/posters/poster-font";
import { drawPoster } from "~/server/posters/poster-pdf";

const WOFF = "node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff";

describe("the poster's font", () => {
  it("maps the poster's words to the WOFF's own glyphs and advances, without the layout tables", async () => {
    const shipped = fontkit.create(await readFile(WOFF));
    const unpacked = fontkit.create(Buffer.from(await posterFontBytes()));
    const words =
      Object.values(MESSAGES.poster)
        .flatMap((text) => [text.zh, text.en])
        .join("") + "西安文理学院 Xi'an University 0123456789";
    // The advance from hmtx, as pdf-lib reads it (a glyph's own advanceWidth decodes its outline: seconds for a WOFF).
    const advance = (font: typeof shipped, id: number) =>
      (font as unknown as { hmtx: { metrics: { get(i: number): { advance: number } } } }).hmtx.metrics.get(id).advance;
    const glyphs = (font: typeof shipped) => font.glyphsForString(words).map((g) => [g.id, advance(font, g.id)]);
    expect(glyphs(unpacked)).toEqual(glyphs(shipped));
    // Every character is in the font (glyph 0 would print an empty box).
    expect(glyphs(unpacked).filter(([id]) => id === 0)).toEqual([]);
    expect(unpacked.numGlyphs).toBe(shipped.numGlyphs);
    const tables = Object.keys((unpacked as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
    expect(tables).toContain("glyf");
    expect(tables).not.toContain("GSUB");
    expect(tables).not.toContain("GPOS");
  });

  it("refuses a file that is not a WOFF", () => {
    expect(() => sfntFromWoff(Buffer.from("<svg/>"))).toThrow("Not a WOFF");
  });
});

describe("the font inside a drawn poster", () => {
  /** The TrueType program the PDF embeds (its FontFile2 stream), as a renderer reads it. */
  async function embeddedFont(pdfBytes: Uint8Array) {
    const pdf = await PDFDocument.load(pdfBytes);
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
      const file = pdf.context.lookup(object.get(PDFName.of("FontFile2")) ?? object.get(PDFName.of("FontFile3")));
      if (file instanceof PDFRawStream) return fontkit.create(Buffer.from(decodePDFRawStream(file).decode()));
    }
    throw new Error("no FontFile2 in the poster");
  }

  it("has an outline for every character printed (fontkit's subsetter left some blank: 西安■■学■)", async () => {
    const words = { name: { zh: "西安文理学院", en: "Xi'an University" }, link: "https://xawl.example.edu.cn/join?q=1" };
    const poster = await drawPoster({
      ...words,
      primaryColor: "#1d4ed8",
      accentColor: "#b45309",
      logo: null,
      headline: bilingualOf("poster.headline"),
      steps: (["poster.step1", "poster.step2", "poster.step3", "poster.step4"] as const).map((key) => bilingualOf(key)),
      help: bilingualOf("poster.help"),
    });
    const font = await embeddedFont(poster);
    const printed = [words.name.zh, words.name.en, ...Object.values(MESSAGES.poster).flatMap((t) => [t.zh, t.en])].join("");
    const blank = [...new Set(printed.replace(/\s/g, ""))].filter(
      (char) => font.glyphForCodePoint(char.codePointAt(0)!).path.toSVG() === "",
    );
    expect(blank).toEqual([]);
  });
});
