// Runs before every page and route (Next 16's "proxy", formerly middleware):
// a fresh CSP nonce per request and the security headers (security review M10),
// and the request's id (http/request-id.ts). The policy also goes on the
// request, which is how Next finds the nonce to put on its own scripts while
// rendering; the id goes on the request for the logs and on the answer for the user.
import { NextResponse, type NextRequest } from "next/server";
import { secureCookies } from "~/env";
import { REQUEST_ID_HEADER, REQUEST_PATH_HEADER } from "~/server/http/request-id";
import { makeNonce, securityHeaders } from "~/server/http/security-headers";
import { hostTarget } from "~/server/tenants/tenant-for-host";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({ nonce: makeNonce(), secure: secureCookies() });
  const csp = headers["content-security-policy"]!;
  const requestId = crypto.randomUUID();
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  // The path the page was asked for, so a guard that sends the member to sign in can bring them back
  // (layouts are not told the path). Set here, so whatever a client sent under this name is replaced.
  forwarded.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  if (!request.nextUrl.pathname.startsWith("/api/")) forwarded.set("content-security-policy", csp);
  // The root domain's home is its own page: "/" belongs to each school's host (app/(school)/page.tsx).
  const response =
    request.nextUrl.pathname === "/" && hostTarget(request.headers.get("host")).kind === "root"
      ? NextResponse.rewrite(new URL("/platform", request.url), { request: { headers: forwarded } })
      : NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Not Next's static files: they carry no page and are the same for everyone.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
