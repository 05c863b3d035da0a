// The address of the client that made a request: the one place that reads it,
// for audit rows and per-address rate limits.
// TODO(security review M6): trust only a configured number of proxy hops.

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource): string | null {
  return header(headers, "x-forwarded-for")?.split(",")[0]?.trim() || header(headers, "x-real-ip") || null;
}
