// The key a per-address limit counts under. An IPv4 address is one client (or one NAT: a whole
// campus may sit behind it, so limits keyed by it are sized for hundreds). An IPv6 client is
// usually given a whole /64 (RFC 7421, RFC 8981's temporary addresses change within it), so one
// device could otherwise rotate through 2^64 addresses and never meet a limit: IPv6 counts by
// its /64. An IPv4-mapped IPv6 address (::ffff:203.0.113.7) is the IPv4 client it maps.
import ipaddr from "ipaddr.js";

export function addressKey(ip: string | null): string {
  if (!ip || !ipaddr.isValid(ip)) return "unknown";
  let parsed = ipaddr.parse(ip);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  if (parsed instanceof ipaddr.IPv4) return parsed.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${prefix.toString()}/64`;
}
