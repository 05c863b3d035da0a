// Whether a request was made by this site's own pages (security review M4).
// Browsers send Origin on POSTs and Sec-Fetch-Site on everything; a page of a
// sibling school (another subdomain of PLATFORM_DOMAIN) is "same-site" but not
// "same-origin", and must not be able to call our procedures with the member's
// cookies. A request with neither header (curl, tests) is not a browser's
// cross-site request and is judged by its session alone.

/** The scheme of the request as the client saw it: the one our server (or a trusted proxy) wrote, else the URL's. */
export function requestScheme(request: Request): string {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (proto === "http" || proto === "https") return proto;
  return new URL(request.url).protocol.replace(/:$/, "");
}

/** `scheme://host` of this request: the Host header names the school, so it is the origin. */
export function requestOrigin(request: Request): string | null {
  const host = request.headers.get("host");
  return host ? `${requestScheme(request)}://${host.toLowerCase()}` : null;
}

export function isSameOriginRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  return origin.toLowerCase() === requestOrigin(request);
}
