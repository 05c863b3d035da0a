// Lists of client addresses (single IPs and CIDR ranges, IPv4 and IPv6), as an
// operator writes them in an environment variable. src/env.ts validates the
// list at build and at start with these same rules.
import ipaddr, { type IPv4, type IPv6 } from "ipaddr.js";

export type AddressList = [IPv4 | IPv6, number][];

const EXAMPLE = "e.g. 203.0.113.7, 198.51.100.0/24, 2001:db8::/32";

/** Only the usual notations: ipaddr.js alone would also take "10.1" or octal parts. */
function parseAddress(text: string): IPv4 | IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

/**
 * "203.0.113.7, 198.51.100.0/24, 2001:db8::/48" → [[address, prefix bits], …].
 * An empty or missing list is []. Throws, naming the entry, on anything else.
 */
export function parseAddressList(raw: string | undefined): AddressList {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return entries.map((entry): [IPv4 | IPv6, number] => {
    const [text = "", bits, extra] = entry.split("/");
    const address = parseAddress(text);
    const max = address?.kind() === "ipv4" ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!address || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`"${entry}" is not an IP address or CIDR range (${EXAMPLE})`);
    }
    // A range written as IPv4-mapped IPv6 names IPv4 clients, which are matched as IPv4.
    if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && prefix >= 96) {
      return [address.toIPv4Address(), prefix - 96];
    }
    return [address, prefix];
  });
}

/**
 * Whether the client address is in one of the list's ranges. An address that is
 * unknown or not an IP is in none of them.
 */
export function addressInList(list: AddressList, client: string | null | undefined): boolean {
  const parsed = client ? parseAddress(client.trim()) : null;
  if (!parsed) return false;
  // ::ffff:203.0.113.7 (an IPv4 client seen through an IPv6 socket) is 203.0.113.7.
  const address = parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
  return list.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}
