// This school's QR codes as images: the registration QR for the join page (opened outside WeChat),
// the back office's downloads and printed posters; the unbind QR for the back office's downloads and
// posters. Anyone with the school's address may ask for the registration QR, so each image is drawn
// once per instance and memoised, and the drawing that is not memoised is limited per client address
// (security/image-limits.ts). The routes answer with them (app/(school)/join/qr.*, admin/qr/unbind/*).
import { createBoundedMemo } from "~/server/security/bounded-memo";
import { memoisedImage } from "~/server/security/image-limits";
import { audit } from "~/server/audit/audit";
import { auditActor, unscopedClient, type TenantScope } from "~/server/scope";
import { tenantOrigin } from "~/server/tenants/public-origin";
import { qrImage, QR_CONTENT_TYPES, type QrDownload, type QrFormat, type QrSize } from "./qr-image";
import type { QrPurpose } from "./registration-link";
import { qrLink } from "./registration-qr";

/**
 * Drawn images by what they are drawn from: the format, the size and the full link (which names the
 * school's host and carries the school's signed token), so nothing else can make two differ.
 * ~4 KB (screen PNG), ~10 KB (print PNG), ~2.5 KB (SVG) each: 2,000 of them are every image of
 * hundreds of schools, well under the byte bound.
 */
const drawn = createBoundedMemo<Buffer>({ maxEntries: 2000, maxBytes: 32 * 1024 * 1024, sizeOf: (image) => image.length });

/**
 * The full link this school's QR code for `purpose` encodes, on the school's own host the request came to
 * (its platform subdomain or a custom domain on record, never the Host header copied: public-origin.ts).
 */
export async function schoolQrLink(scope: TenantScope, host: string | null, purpose: QrPurpose): Promise<string> {
  return `${await tenantOrigin(scope, host)}${qrLink(scope, { purpose }).path}`;
}

/** The image of this school's QR code for `purpose` (an SVG is always the screen size); RATE_LIMITED past the client's image work. */
export async function schoolQrImage(
  scope: TenantScope,
  input: { purpose: QrPurpose; host: string; format: QrFormat; size: QrSize },
): Promise<{ image: Buffer; contentType: string }> {
  const link = await schoolQrLink(scope, input.host, input.purpose);
  const size = input.format === "png" ? input.size : "screen";
  const image = await memoisedImage(unscopedClient(scope), scope.actor.ip, drawn, `${input.format}:${size}:${link}`, () =>
    qrImage(link, input.format, size),
  );
  return { image, contentType: QR_CONTENT_TYPES[input.format] };
}

/**
 * A download of the registration code or its poster by the school's back office (?download=1 with an
 * admin's session) is recorded, so the go-live checklist knows the code was taken for the posters
 * (go-live.ts). A member's or a stranger's download records nothing: the image is public. The unbind
 * QR is no go-live step, and its downloads are not counted as this one.
 */
export async function recordQrDownload(scope: TenantScope, format: QrDownload): Promise<void> {
  if (scope.actor.kind !== "tenantAdmin") return;
  await audit(scope.db, { ...auditActor(scope.actor), action: "tenant.qr.downloaded", detail: { format } });
}
