import { imageAnswer } from "~/server/http/answers";
import { memberRoute } from "~/server/http/route-scope";
import { followQr } from "~/server/wecom/join-qr";

export const dynamic = "force-dynamic";

/**
 * The school's WeCom join QR for the signed-in member's follow page, served from our own origin (the CSP's img-src);
 * memoised, and limited per address where it is read afresh (src/server/wecom/join-qr.ts).
 */
export const GET = memberRoute({ component: "follow-qr", refusal: "empty" }, async ({ scope }) => {
  const qr = await followQr(scope);
  return imageAnswer(Buffer.from(qr.base64, "base64"), qr.contentType, { cache: "private, max-age=3600" });
});
