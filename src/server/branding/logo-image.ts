// What an uploaded logo is, judged by its first bytes and never by its name or the browser's type:
// an "SVG" or an HTML page named logo.png, served from the school's own host, would run its script
// as the school (stored XSS), so only PNG and JPEG are admitted. SVG is refused rather than
// sanitised — a sanitiser is one more parser to get wrong, and a school's logo is at hand as PNG.
// WebP is refused too: the poster PDF (pdf-lib) embeds only PNG and JPEG. Pure.

export const MAX_LOGO_BYTES = 512 * 1024;

export type LogoType = "image/png" | "image/jpeg";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG's first chunk is always its 13-byte header, "IHDR". */
const PNG_IHDR = [0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** The logo's type from its bytes, or null for anything else (SVG, HTML, WebP, GIF, a PDF, a truncated header). */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
  if (bytes.length >= 33 && startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, PNG_IHDR, 8)) return "image/png";
  // SOI then the first marker (APP0 JFIF, APP1 Exif, a quantisation table …): every marker starts 0xFF.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}
