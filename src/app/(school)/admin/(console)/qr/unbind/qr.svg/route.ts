import { imageAnswer } from "~/server/http/answers";
import { adminRoute } from "~/server/http/route-scope";
import { schoolQrImage } from "~/server/qr/registration-image";

export const dynamic = "force-dynamic";

/** This school's unbind QR code as SVG, for print (?download=1 to save it), for the back office only. */
export const GET = adminRoute("directory.read", { component: "qr", refusal: "empty" }, async ({ request, scope, host }) => {
  const params = new URL(request.url).searchParams;
  const { image, contentType } = await schoolQrImage(scope, { purpose: "unbind", host, format: "svg", size: "screen" });
  return imageAnswer(image, contentType, { cache: "private, max-age=3600", download: params.get("download") && "unbind-qr.svg" });
});
