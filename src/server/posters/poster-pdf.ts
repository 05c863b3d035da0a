// The A4 poster as a PDF (pdf-lib): the school's colour band with its logo and names, the headline,
// the QR code (registration or unbind) drawn as vector squares (sharp at any print size, and the same modules as
// the PNG and SVG: qr/qr-image.ts qrMatrix), and the four steps, each in Chinese and English.
// Pure but for the font's bytes: the caller says what to print.
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from "pdf-lib";
import type { Bilingual } from "~/i18n/locale";
import { contrastWithWhite, MIN_CONTRAST, rgbOf } from "~/server/branding/colour-contrast";
import type { LogoType } from "~/server/branding/logo-image";
import { qrMatrix } from "~/server/qr/qr-image";
import { posterFontBytes } from "./poster-font";

export type PosterInput = {
  name: Bilingual;
  /** The full link the code opens (one of the school's signed QR links). */
  link: string;
  primaryColor: string;
  accentColor: string;
  logo: { image: Uint8Array; contentType: LogoType } | null;
  headline: Bilingual;
  steps: readonly Bilingual[];
  help: Bilingual;
};

/** A4 portrait in points (1/72 in). */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const BAND = 170;
const LOGO_BOX = 96;
/** 85 mm: scanned comfortably from a metre away on a noticeboard. */
const QR_SIDE = 240;
const INK = rgb(0.06, 0.09, 0.16);
const MUTED = rgb(0.28, 0.33, 0.41);
const WHITE = rgb(1, 1, 1);

const colour = (hex: string): RGB => {
  const [r, g, b] = rgbOf(hex);
  return rgb(r / 255, g / 255, b / 255);
};

/** The size at which `text` fits `maxWidth`, at most `size` (a long English name is set smaller, never cut). */
function fittedSize(font: PDFFont, text: string, size: number, maxWidth: number): number {
  const width = font.widthOfTextAtSize(text, size);
  return width > maxWidth ? (size * maxWidth) / width : size;
}

function centred(page: PDFPage, font: PDFFont, text: string, y: number, size: number, color: RGB): void {
  const fitted = fittedSize(font, text, size, PAGE.width - 2 * MARGIN);
  page.drawText(text, { x: (PAGE.width - font.widthOfTextAtSize(text, fitted)) / 2, y, size: fitted, font, color });
}

/** The logo, or none when its bytes do not decode (the poster is still worth printing without it). */
async function embeddedLogo(pdf: PDFDocument, logo: PosterInput["logo"]): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    return logo.contentType === "image/png" ? await pdf.embedPng(logo.image) : await pdf.embedJpg(logo.image);
  } catch {
    return null;
  }
}

function drawBand(page: PDFPage, font: PDFFont, input: PosterInput, logo: PDFImage | null): void {
  const bottom = PAGE.height - BAND;
  page.drawRectangle({ x: 0, y: bottom, width: PAGE.width, height: BAND, color: colour(input.primaryColor) });
  let textX = MARGIN;
  if (logo) {
    // On a white tile, so a logo drawn for white paper keeps its colours on the school's.
    const tile = LOGO_BOX + 12;
    page.drawRectangle({ x: MARGIN, y: bottom + (BAND - tile) / 2, width: tile, height: tile, color: WHITE });
    const scale = Math.min(LOGO_BOX / logo.width, LOGO_BOX / logo.height);
    const [w, h] = [logo.width * scale, logo.height * scale];
    page.drawImage(logo, { x: MARGIN + 6 + (LOGO_BOX - w) / 2, y: bottom + (BAND - h) / 2, width: w, height: h });
    textX = MARGIN + tile + 20;
  }
  const maxWidth = PAGE.width - textX - MARGIN;
  page.drawText(input.name.zh, { x: textX, y: bottom + 92, size: fittedSize(font, input.name.zh, 30, maxWidth), font, color: WHITE });
  if (input.name.en) {
    page.drawText(input.name.en, { x: textX, y: bottom + 62, size: fittedSize(font, input.name.en, 14, maxWidth), font, color: WHITE });
  }
}

/** The code's dark modules as squares, each row's runs joined so no hairline shows between neighbours. */
function drawQr(page: PDFPage, link: string, top: number, primary: RGB): void {
  const matrix = qrMatrix(link);
  const cell = QR_SIDE / matrix.length;
  const left = (PAGE.width - QR_SIDE) / 2;
  // The frame sits a quiet zone (4 modules) outside the code, as scanners need.
  const quiet = 4 * cell;
  page.drawRectangle({
    x: left - quiet,
    y: top - QR_SIDE - quiet,
    width: QR_SIDE + 2 * quiet,
    height: QR_SIDE + 2 * quiet,
    borderColor: primary,
    borderWidth: 2,
  });
  matrix.forEach((row, r) => {
    for (let c = 0; c < row.length;) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (row[c]) c++;
      page.drawRectangle({ x: left + start * cell, y: top - (r + 1) * cell, width: (c - start) * cell, height: cell, color: rgb(0, 0, 0) });
    }
  });
}

function drawSteps(page: PDFPage, font: PDFFont, input: PosterInput, top: number): void {
  // A school whose accent predates the contrast rule (a yellow) gets its numbers on the primary colour.
  const readable = contrastWithWhite(input.accentColor) >= MIN_CONTRAST.accentColor;
  const accent = colour(readable ? input.accentColor : input.primaryColor);
  const textX = MARGIN + 40;
  const maxWidth = PAGE.width - textX - MARGIN;
  input.steps.forEach((step, i) => {
    const y = top - i * 50;
    page.drawCircle({ x: MARGIN + 14, y: y + 4, size: 14, color: accent });
    const number = String(i + 1);
    page.drawText(number, { x: MARGIN + 14 - font.widthOfTextAtSize(number, 15) / 2, y: y - 1, size: 15, font, color: WHITE });
    page.drawText(step.zh, { x: textX, y: y + 4, size: fittedSize(font, step.zh, 15, maxWidth), font, color: INK });
    page.drawText(step.en, { x: textX, y: y - 13, size: fittedSize(font, step.en, 10, maxWidth), font, color: MUTED });
  });
}

/** The poster's PDF bytes. */
export async function drawPoster(input: PosterInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`${input.name.zh} · ${input.headline.zh}`);
  pdf.setLanguage("zh-CN");
  // The whole font (~1.6 MB in the PDF): fontkit's subsetter drops the outlines of some of this
  // font's glyphs — 西安文理学院 printed as 西安  学  in poppler and pdf.js alike, while the text layer
  // still read right. tests/unit/poster-font.test.ts opens the embedded font and checks each outline.
  const font = await pdf.embedFont(await posterFontBytes(), { subset: false });
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const primary = colour(input.primaryColor);
  drawBand(page, font, input, await embeddedLogo(pdf, input.logo));
  centred(page, font, input.headline.zh, PAGE.height - BAND - 50, 24, primary);
  centred(page, font, input.headline.en, PAGE.height - BAND - 72, 13, MUTED);
  const qrTop = PAGE.height - BAND - 110;
  drawQr(page, input.link, qrTop, primary);
  drawSteps(page, font, input, qrTop - QR_SIDE - 60);
  centred(page, font, input.help.zh, 58, 10, MUTED);
  centred(page, font, input.help.en, 42, 9, MUTED);
  return pdf.save();
}
