// The registration link for the back office's QR page (app/(school)/admin/(console)/qr), from the
// request's headers. The images themselves: registration-image.ts, answered by app/(school)/join/qr.*.
import { createRequestContext, schoolScopeOf } from "~/server/http/request-scope";
import { normaliseHost } from "~/server/tenants/resolve-host";
import { registrationLink } from "./registration-image";

/** The full link this school's registration QR code encodes, or null when the host names no open school. */
export async function registrationLinkFor(request: Pick<Request, "headers">): Promise<string | null> {
  const ctx = await createRequestContext({ headers: request.headers });
  if (ctx.resolution.kind !== "tenant") return null;
  return registrationLink(schoolScopeOf(ctx), normaliseHost(request.headers.get("host")));
}
