import { registrationQrResponse } from "~/server/qr/qr-response";

export const dynamic = "force-dynamic";

/** This school's registration QR code as PNG (?size= pixels, ?download=1 to save it). */
export function GET(request: Request) {
  return registrationQrResponse(request, "png");
}
