// Who is on the other end of a request, worked out once by the server in front
// of Next (scripts/server.mjs) from the socket and the number of proxies the
// operator trusts (TRUSTED_PROXY_HOPS). The server loads it (and src/env.ts)
// through tsx before any bundling.
//
// Next's own `next start` keeps a client's X-Forwarded-For when one is sent, so
// without this a client could choose the address written into audit rows and
// rate-limit keys (security review M6).
import { isIP } from "node:net";

/** The one header the app reads the client's address from; the server sets it and deletes any the client sent. */
export const CLIENT_ADDRESS_HEADER = "x-client-address";

// Headers only a proxy may set: with no trusted proxy in front, a client sent them.
const PROXY_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/** A valid IPv4 or IPv6 address in its plain form (IPv4-mapped IPv6 as IPv4), or null. */
export function normaliseAddress(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  let value = raw.trim();
  if (value.length === 0 || value.length > 64) return null;
  // "[::1]:443" and "203.0.113.7:51234" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const kind = isIP(value);
  if (kind === 0) return null;
  if (kind === 6) {
    value = value.toLowerCase();
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
    if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  }
  return value;
}

/**
 * The client's address: the socket's peer when no proxy is trusted; behind N
 * trusted proxies, the N-th entry from the right of X-Forwarded-For, i.e. the
 * peer the outermost trusted proxy saw. Entries further left were written by
 * the client or untrusted hops and are never used.
 */
export function addressFromHops({
  socketAddress,
  forwardedFor,
  trustedHops,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string | null {
  if (!trustedHops) return normaliseAddress(socketAddress);
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...joined
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
    socketAddress ?? "",
  ];
  // A request that reached us through fewer proxies than configured: the left-most hop we have.
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

/**
 * Rewrites an incoming request's headers in place before Next sees them: the
 * client's address in CLIENT_ADDRESS_HEADER (never the client's own copy), and,
 * with no trusted proxy, no forwarded headers but the ones this server writes.
 */
export function applyTrustedHeaders(
  headers: Record<string, string | string[] | undefined>,
  socket: { remoteAddress?: string | undefined; encrypted?: boolean },
  trustedHops: number,
): void {
  const address = addressFromHops({ socketAddress: socket.remoteAddress, forwardedFor: headers["x-forwarded-for"], trustedHops });
  delete headers[CLIENT_ADDRESS_HEADER];
  if (address) headers[CLIENT_ADDRESS_HEADER] = address;
  if (!trustedHops) {
    for (const name of PROXY_HEADERS) delete headers[name];
    if (address) headers["x-forwarded-for"] = address;
    headers["x-forwarded-proto"] = socket.encrypted ? "https" : "http";
  }
}
