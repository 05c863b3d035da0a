import { imageAnswer } from "~/server/http/answers";
import { schoolRoute } from "~/server/http/route-scope";
import { qrSizeOf } from "~/server/qr/qr-image";
import { recordQrDownload, schoolQrImage } from "~/server/qr/registration-image";

export const dynamic = "force-dynamic";

/** This school's registration QR code as PNG (?size=screen|print, ?download=1 to save it); memoised and limited per address. */
export const GET = schoolRoute({ component: "qr", refusal: "empty" }, async ({ request, scope, host }) => {
  const params = new URL(request.url).searchParams;
  const { image, contentType } = await schoolQrImage(scope, {
    purpose: "register",
    host,
    format: "png",
    size: qrSizeOf(params.get("size")),
  });
  if (params.get("download")) await recordQrDownload(scope, "png");
  return imageAnswer(image, contentType, { cache: "public, max-age=3600", download: params.get("download") && "register-qr.png" });
});
