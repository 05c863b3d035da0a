// Where a redirect may send the browser back to: only a path on this same
// site. "//evil.example", "/\evil.example" and "https://…" all leave the site
// in some browser, so anything but a plain "/path" is refused.

const BASE = "http://local.invalid";

/** `value` as a path (with query and fragment) on this site, or null when it could lead elsewhere. */
export function localPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  // Browsers read "\" as "/", and drop tabs and newlines from URLs.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return url.pathname + url.search + url.hash;
}

/** The path of a Referer that came from `origin` itself, or null (absent, garbage, or another site). */
export function sameOriginRefererPath(referer: string | null, origin: string | null): string | null {
  if (!referer || !origin) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return localPath(url.pathname + url.search);
}
