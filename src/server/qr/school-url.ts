// The address of a school's pages as members open them: the scheme the platform is served
// with, the school's host, and the port the request came in on (development and tests serve
// {slug}.localhost:<port>). Pure: the caller passes what it read from the request and env.

export type OriginParts = { secure: boolean; requestHost: string | null; platformDomain: string };

/** The request's port, if its Host named one ("ucas.localhost:3000" → ":3000"). */
function portOf(host: string | null): string {
  const match = host?.trim().match(/:(\d{1,5})$/);
  return match ? `:${match[1]}` : "";
}

/** The origin the request itself was made to (the school's own host, custom domains included). */
export function requestOrigin(parts: OriginParts): string {
  const host = parts.requestHost?.trim().toLowerCase() || parts.platformDomain;
  return `${parts.secure ? "https" : "http"}://${host}`;
}

/** The origin of another school's pages: {slug}.PLATFORM_DOMAIN, on the request's port. */
export function schoolOrigin(slug: string, parts: OriginParts): string {
  return `${parts.secure ? "https" : "http"}://${slug}.${parts.platformDomain}${portOf(parts.requestHost)}`;
}
