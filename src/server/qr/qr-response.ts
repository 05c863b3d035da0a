// The answer of the QR image routes: this school's registration QR code as PNG or SVG, for the
// join page (opened outside WeChat), the back office's downloads and printed posters. Anyone with
// the school's address may ask, so each image is drawn once per instance and memoised, and the
// drawing that is not memoised is limited per client address (security/image-limits.ts).
import { schoolOfRequest, type SchoolRequest } from "~/server/identity/http/school-of-request";
import { createBoundedMemo } from "~/server/security/bounded-memo";
import { imageRefusal, memoisedImage } from "~/server/security/image-limits";
import { unscopedClient } from "~/server/scope";
import { qrImage, qrSizeOf, QR_CONTENT_TYPES, type QrFormat } from "./qr-image";
import { qrLink } from "./registration-qr";

/**
 * Drawn images by what they are drawn from: the format, the size and the full link (which names the
 * school's host and carries the school's signed token), so nothing else can make two differ.
 * ~4 KB (screen PNG), ~10 KB (print PNG), ~2.5 KB (SVG) each: 2,000 of them are every image of
 * hundreds of schools, well under the byte bound.
 */
const drawn = createBoundedMemo<Buffer>({ maxEntries: 2000, maxBytes: 32 * 1024 * 1024, sizeOf: (image) => image.length });

/**
 * The full link this school's registration QR code encodes, on the school's own host the request came to
 * (its platform subdomain or a custom domain on record, never the Host header copied: public-origin.ts);
 * null when the host names no open school.
 */
export async function registrationLinkFor(request: Pick<Request, "headers">): Promise<string | null> {
  const school = await schoolOfRequest(request, "qr");
  return school ? registrationLinkOf(school) : null;
}

function registrationLinkOf(school: SchoolRequest): string {
  return `${school.origin}${qrLink(school.scope, { purpose: "register" }).path}`;
}

/** GET /join/qr.png and /join/qr.svg: `?size=screen|print` (PNG; anything else is screen), `?download=1` to save it. */
export async function registrationQrResponse(request: Request, format: QrFormat): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const school = await schoolOfRequest(request, "qr");
  // No school on this host (unknown or suspended): nothing to draw.
  if (!school) return new Response(null, { status: 404, headers: { "cache-control": "no-store" } });
  const link = registrationLinkOf(school);
  const size = format === "png" ? qrSizeOf(params.get("size")) : "screen";
  let image: Buffer;
  try {
    image = await memoisedImage(unscopedClient(school.scope), school.scope.actor.ip, drawn, `${format}:${size}:${link}`, () =>
      qrImage(link, format, size),
    );
  } catch (error) {
    return imageRefusal(error);
  }
  return new Response(new Uint8Array(image), {
    headers: {
      "content-type": QR_CONTENT_TYPES[format],
      "cache-control": "public, max-age=3600",
      ...(params.get("download") ? { "content-disposition": `attachment; filename="register-qr.${format}"` } : {}),
    },
  });
}
