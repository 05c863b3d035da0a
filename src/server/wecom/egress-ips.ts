// The platform's egress IPs: the addresses WeCom sees its calls come from, which
// a school's admin adds as 企业可信IP (reference §7.5). The operator names them in
// WECOM_EGRESS_IPS; 【测试连接】 lists them in its 60020 instruction. src/env.ts
// validates the list at build and at start with the same rule the app uses.
import ipaddr from "ipaddr.js";

/**
 * A single IPv4 or IPv6 address in its usual notation, normalised ("::1",
 * "203.0.113.7"; an IPv4-mapped IPv6 address as the IPv4 it names), or null.
 * Stricter than ipaddr.js alone, which would also take "10.1" or octal parts.
 */
export function normaliseIp(text: string): string | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  if (text.includes("%") || !ipaddr.IPv6.isValid(text)) return null;
  const address = ipaddr.IPv6.parse(text);
  return address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : address.toString();
}

/**
 * "203.0.113.7, 2001:db8::7" → ["203.0.113.7", "2001:db8::7"]; unset or empty → [].
 * WeCom's 企业可信IP takes single addresses, so ranges are refused. Throws, naming the entry.
 */
export function parseEgressIps(raw: string | undefined): string[] {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const ips = entries.map((entry) => {
    const ip = normaliseIp(entry);
    if (!ip)
      throw new Error(`"${entry}" is not a single IP address (comma-separated IPv4 or IPv6 addresses, e.g. 203.0.113.7, 2001:db8::7)`);
    return ip;
  });
  return [...new Set(ips)];
}

/**
 * The configured egress IPs, read at each use (src/env.ts has already refused
 * a malformed value at start), so a test can set them; null when not configured.
 */
export function wecomEgressIps(): string[] | null {
  let ips: string[];
  try {
    ips = parseEgressIps(process.env.WECOM_EGRESS_IPS);
  } catch {
    return null;
  }
  return ips.length > 0 ? ips : null;
}
