// The address of the client that made a request: the one place that reads it,
// for audit rows and per-address rate limits. The server in front of Next
// (scripts/server.mjs) works it out from the socket and TRUSTED_PROXY_HOPS and
// passes it in CLIENT_ADDRESS_HEADER, deleting any copy the client sent; here it
// is only read and checked again. X-Forwarded-For is never read here: a client
// can write anything into it (security review M6).
import { CLIENT_ADDRESS_HEADER, normaliseAddress } from "./forwarded-address";

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A valid IPv4/IPv6 address, or null when the request did not come through the app's server. */
export function clientAddress(headers: HeaderSource): string | null {
  return normaliseAddress(header(headers, CLIENT_ADDRESS_HEADER));
}
