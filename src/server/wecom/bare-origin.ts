// An http(s) origin with nothing else: the form the WeCom API base URL takes
// (security review H1). src/env.ts validates WECOM_SIMULATOR_URL with the
// same rule the app enforces.

/** The origin when `value` is exactly an http(s) origin (no userinfo, path, query or fragment), else null. */
export function bareOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") return null;
  // new URL() accepts "http://h:1/?" and "http://h:1#": the text must already be the origin.
  return value.replace(/\/$/, "") === url.origin ? url.origin : null;
}
