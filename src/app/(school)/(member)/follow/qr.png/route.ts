import { serverApi } from "~/server/request";
import { imageRefusal } from "~/server/security/image-limits";

export const dynamic = "force-dynamic";

/**
 * The school's WeCom join QR for the signed-in member's follow page, served from our own origin (the CSP's img-src);
 * memoised, and limited per address where it is read afresh (src/server/wecom/join-qr.ts).
 */
export async function GET() {
  try {
    const qr = await (await serverApi()).me.journey.followQr();
    return new Response(new Uint8Array(Buffer.from(qr.base64, "base64")), {
      headers: { "content-type": qr.contentType, "cache-control": "private, max-age=3600" },
    });
  } catch (error) {
    return imageRefusal(error);
  }
}
