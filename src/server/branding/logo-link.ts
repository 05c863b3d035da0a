// Where a page finds the school's logo: its route on the school's own host, versioned by the
// image's hash, so a browser (and WeChat's) keeps it as long as it likes and a new upload is a new
// link. Pure.

/** The route that serves the logo (app/(school)/brand/logo/route.ts). */
export const LOGO_PATH = "/brand/logo";

/** The `?v=` of the logo's link: the first 16 hex digits of its sha256, enough to tell uploads apart. */
export const logoVersionTag = (sha256: string) => sha256.slice(0, 16);

/** The link of the logo of a school whose logo has this sha256, or null without one. */
export function logoLink(logoVersion: string | null): string | null {
  return logoVersion ? `${LOGO_PATH}?v=${logoVersionTag(logoVersion)}` : null;
}
