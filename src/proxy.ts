// Runs before every page and route (Next 16's "proxy", formerly middleware):
// a fresh CSP nonce per request and the security headers (security review M10).
// The policy also goes on the request, which is how Next finds the nonce to put
// on its own scripts while rendering.
import { NextResponse, type NextRequest } from "next/server";
import { secureCookies } from "~/env";
import { makeNonce, securityHeaders } from "~/server/http/security-headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({ nonce: makeNonce(), secure: secureCookies() });
  const csp = headers["content-security-policy"]!;
  const response = request.nextUrl.pathname.startsWith("/api/")
    ? NextResponse.next()
    : NextResponse.next({ request: { headers: withHeader(request.headers, "content-security-policy", csp) } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function withHeader(source: Headers, name: string, value: string): Headers {
  const headers = new Headers(source);
  headers.set(name, value);
  return headers;
}

export const config = {
  // Not Next's static files: they carry no page and are the same for everyone.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
