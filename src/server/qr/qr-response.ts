// The answer of the QR image routes: this school's registration QR code as PNG or SVG, for the
// join page (opened outside WeChat), the back office's downloads and printed posters.
import "server-only";
import { headers } from "next/headers";
import { secureCookies, serverEnv } from "~/env";
import { ERROR_CATALOG, toAppError } from "~/server/errors";
import { serverApi } from "~/server/request";
import { qrImage, QR_CONTENT_TYPES, type QrFormat } from "./qr-image";
import { requestOrigin } from "./school-url";

/** The full link this school's registration QR code encodes, on the host the request came to. */
export async function registrationLink(): Promise<string> {
  const { path } = await (await serverApi()).school.join.link({ purpose: "register" });
  const origin = requestOrigin({
    secure: secureCookies(),
    requestHost: (await headers()).get("host"),
    platformDomain: serverEnv().PLATFORM_DOMAIN,
  });
  return `${origin}${path}`;
}

export async function registrationQrResponse(request: Request, format: QrFormat): Promise<Response> {
  const url = new URL(request.url);
  const size = Math.min(Math.max(Number(url.searchParams.get("size")) || 480, 160), 2000);
  let link: string;
  try {
    link = await registrationLink();
  } catch (error) {
    // No school on this host (unknown or suspended): nothing to draw.
    const appError = toAppError(error);
    return new Response(null, { status: ERROR_CATALOG[appError.code].http });
  }
  const image = await qrImage(link, format, size);
  return new Response(new Uint8Array(image), {
    headers: {
      "content-type": QR_CONTENT_TYPES[format],
      "cache-control": "public, max-age=3600",
      ...(url.searchParams.get("download") ? { "content-disposition": `attachment; filename="register-qr.${format}"` } : {}),
    },
  });
}
