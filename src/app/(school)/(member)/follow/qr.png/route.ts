import { ERROR_CATALOG, toAppError } from "~/server/errors";
import { serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

/** The school's WeCom join QR for the signed-in member's follow page, served from our own origin (the CSP's img-src). */
export async function GET() {
  try {
    const qr = await (await serverApi()).me.journey.followQr();
    return new Response(new Uint8Array(Buffer.from(qr.base64, "base64")), {
      headers: { "content-type": qr.contentType, "cache-control": "private, max-age=3600" },
    });
  } catch (error) {
    return new Response(null, { status: ERROR_CATALOG[toAppError(error).code].http, headers: { "cache-control": "no-store" } });
  }
}
