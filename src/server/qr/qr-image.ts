// QR codes drawn by the product (qrcode on npm): PNG for phones and <img>, SVG for print.
// Error correction M survives a crease or a smudge on a printed poster without making the
// code too dense to scan from a screen.
import QRCode from "qrcode";

export type QrFormat = "png" | "svg";
/** What the back office downloads of the code: an image, or the A4 poster around it (posters/). */
export type QrDownload = QrFormat | "pdf";

export const QR_CONTENT_TYPES: Record<QrFormat, string> = { png: "image/png", svg: "image/svg+xml" };

/**
 * The PNG sizes the routes draw, by name (`?size=print`), and no others: drawing takes time in
 * proportion to the pixels, so a size a client picks would be work a client picks. `screen` is
 * sharp at the 200–240 CSS px the pages show it on a 2x screen; `print` is a 10 cm code at 300 dpi.
 * The SVG scales, and has one size.
 */
export const QR_SIZES = { screen: 480, print: 1200 } as const;
export type QrSize = keyof typeof QR_SIZES;

/** The named size a `?size=` asks for; anything else (a number, an unknown name, nothing) is `screen`. */
export function qrSizeOf(param: string | null): QrSize {
  return param !== null && Object.hasOwn(QR_SIZES, param) ? (param as QrSize) : "screen";
}

const ERROR_CORRECTION = "M" as const;

/**
 * The QR code of `text` as its modules, row by row (true: dark), without the quiet zone: what the
 * poster PDF draws as vector squares. The same encoding (text, error correction, and so version and
 * mask) as the PNG and SVG below, so every printed form of a school's code is the same code.
 */
export function qrMatrix(text: string): boolean[][] {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION }).modules;
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => data[row * size + col] === 1));
}

/** The QR code of `text`, as PNG of the named size or as SVG. */
export async function qrImage(text: string, format: QrFormat, size: QrSize = "screen"): Promise<Buffer> {
  const options = { errorCorrectionLevel: ERROR_CORRECTION, margin: 2 };
  if (format === "svg") return Buffer.from(await QRCode.toString(text, { ...options, type: "svg" }), "utf8");
  return QRCode.toBuffer(text, { ...options, type: "png", width: QR_SIZES[size] });
}
