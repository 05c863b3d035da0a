// The key a per-address limit counts under. An IPv4 address is one client (or one NAT: a
// campus's Wi-Fi puts hundreds of students behind it, which the limits are sized for). An
// IPv6 client is handed a whole /64 by its network (RFC 4291 §2.5.1, RFC 6177), and picks a
// fresh address inside it whenever it likes (privacy extensions, RFC 8981): counting single
// IPv6 addresses would give one device 2^64 budgets, so its limits count the /64.
import ipaddr from "ipaddr.js";

/** The IPv4 address, the IPv6 /64 prefix (`2001:db8:1:2::/64`), or "unknown". */
export function addressKey(ip: string | null): string {
  if (!ip || !ipaddr.isValid(ip)) return "unknown";
  let parsed = ipaddr.parse(ip);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  if (parsed instanceof ipaddr.IPv4) return parsed.toString();
  const parts = parsed.parts.slice(0, 4).concat([0, 0, 0, 0]);
  return `${new ipaddr.IPv6(parts).toString()}/64`;
}
