// QR codes drawn by the product (qrcode on npm): PNG for phones and <img>, SVG for print.
// Error correction M survives a crease or a smudge on a printed poster without making the
// code too dense to scan from a screen.
import QRCode from "qrcode";

export type QrFormat = "png" | "svg";

export const QR_CONTENT_TYPES: Record<QrFormat, string> = { png: "image/png", svg: "image/svg+xml" };

/** The QR code of `text`; `size` is the PNG's width in pixels (the SVG scales). */
export async function qrImage(text: string, format: QrFormat, size = 480): Promise<Buffer> {
  const options = { errorCorrectionLevel: "M" as const, margin: 2 };
  if (format === "svg") return Buffer.from(await QRCode.toString(text, { ...options, type: "svg" }), "utf8");
  return QRCode.toBuffer(text, { ...options, type: "png", width: size });
}
