import { registrationQrResponse } from "~/server/qr/qr-response";

export const dynamic = "force-dynamic";

/** This school's registration QR code as PNG (?size=screen|print, ?download=1 to save it); memoised and limited per address. */
export function GET(request: Request) {
  return registrationQrResponse(request, "png");
}
