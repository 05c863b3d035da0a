// Whether an address is on the public internet: the only kind a school's CAS or
// OIDC server may have. Everything else — loopback, private (10/8, 172.16/12,
// 192.168/16, fc00::/7), link-local (169.254/16 with the clouds' metadata
// services, fe80::/10), carrier-grade NAT (100.64/10, where Alibaba Cloud's
// metadata 100.100.100.200 lives), multicast, reserved and documentation
// ranges, and IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo) —
// would let an admin make the platform call its own network (SSRF).
import ipaddr from "ipaddr.js";

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1.
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  // ipaddr.js names every special-purpose range (RFC 6890); only ordinary unicast is public.
  return parsed.range() === "unicast";
}

/** "10.0.0.1", "[::1]", "::1", "0x7f.1", "2130706433": anything a URL parser could take as an address rather than a name. */
export function isAddressLiteral(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(bare)) return true;
  // WHATWG URL parsing turns numeric and hex hosts into IPv4 already; a last label of digits or 0x… is one in any form.
  const last = bare.split(".").pop() ?? "";
  return /^(0x[0-9a-f]*|\d+)$/i.test(last);
}
