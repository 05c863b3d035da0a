// The key a per-address limit counts under. An IPv4 client is its address; an
// IPv6 client is its /64, because one home or phone gets a whole /64 (RFC 6177,
// mobile networks hand out a /64 per device) and picks a new address in it as
// often as it likes (privacy extensions, RFC 8981): counted per address, one
// client would be a fresh client with every request.
import ipaddr from "ipaddr.js";

/**
 * "203.0.113.7" → "203.0.113.7"; "2001:db8:1:2::9" → "2001:db8:1:2::/64";
 * "::ffff:203.0.113.7" (an IPv4 client seen through an IPv6 socket) → "203.0.113.7";
 * null or anything that is not an address → "unknown".
 */
export function addressKey(ip: string | null): string {
  const text = ip?.trim() ?? "";
  // Only the usual notations: ipaddr.js alone would also take "10.1" or octal parts.
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  if (text.includes("%") || !ipaddr.IPv6.isValid(text)) return "unknown";
  const address = ipaddr.IPv6.parse(text);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  const prefix = new ipaddr.IPv6([...address.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${prefix.toString()}/64`;
}
