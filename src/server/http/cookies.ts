// The one reader of a Cookie header. The first of two cookies with one name
// wins (the browser sends the most specific path first, as the `cookie`
// library next-auth uses also reads it), and a value that is not valid
// percent-encoding is kept as sent rather than failing the request.
export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name in cookies) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}
