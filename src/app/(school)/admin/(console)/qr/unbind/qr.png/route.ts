import { imageAnswer } from "~/server/http/answers";
import { adminRoute } from "~/server/http/route-scope";
import { qrSizeOf } from "~/server/qr/qr-image";
import { schoolQrImage } from "~/server/qr/registration-image";

export const dynamic = "force-dynamic";

/**
 * This school's unbind QR code as PNG (?size=screen|print, ?download=1 to save it), for the back office
 * only (every role holds directory.read): it is printed, never shown to members on a page.
 */
export const GET = adminRoute("directory.read", { component: "qr", refusal: "empty" }, async ({ request, scope, host }) => {
  const params = new URL(request.url).searchParams;
  const { image, contentType } = await schoolQrImage(scope, { purpose: "unbind", host, format: "png", size: qrSizeOf(params.get("size")) });
  return imageAnswer(image, contentType, { cache: "private, max-age=3600", download: params.get("download") && "unbind-qr.png" });
});
