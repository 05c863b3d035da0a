// The address of another school's pages, as a scanned link of that school names it: the scheme
// the platform is served with, the school's platform host, and the port the request came in on
// (development and tests serve {slug}.localhost:<port>). Pure: the caller passes what it read
// from the request and env. This school's own links use tenants/public-origin.ts.

export type OriginParts = { secure: boolean; requestHost: string | null; platformDomain: string };

/** The request's port, if its Host named one ("ucas.localhost:3000" → ":3000"). */
function portOf(host: string | null): string {
  const match = host?.trim().match(/:(\d{1,5})$/);
  return match ? `:${match[1]}` : "";
}

/** The origin of another school's pages: {slug}.PLATFORM_DOMAIN, on the request's port. */
export function schoolOrigin(slug: string, parts: OriginParts): string {
  return `${parts.secure ? "https" : "http"}://${slug}.${parts.platformDomain}${portOf(parts.requestHost)}`;
}
