// Which part of the platform a request's Host header asks for. Pure: no I/O.

/** Sub-domains that never name a school. */
export const RESERVED_SLUGS = new Set([
  "www",
  "api",
  "admin",
  "vendor",
  "static",
  "assets",
  "cdn",
  "mail",
  "smtp",
  "app",
  "auth",
  "sso",
  "login",
  "status",
  "docs",
  "help",
  "platform",
  "wecom",
  "sim",
  "localhost",
]);

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type HostTarget = { kind: "root" } | { kind: "tenant"; slug: string } | { kind: "custom"; domain: string } | { kind: "invalid" };

export function normaliseHost(rawHost: string | null | undefined): string | null {
  if (!rawHost) return null;
  const host = rawHost.trim().toLowerCase();
  // Drop the port, keeping IPv6 literals ([::1]:3000) whole.
  const withoutPort = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
  const bare = withoutPort.replace(/\.$/, "");
  return bare.length > 0 && bare.length <= 253 ? bare : null;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !RESERVED_SLUGS.has(slug);
}

function subdomainOf(host: string, parent: string): HostTarget | null {
  if (!host.endsWith(`.${parent}`)) return null;
  const label = host.slice(0, -(parent.length + 1));
  if (label === "www") return { kind: "root" };
  return isValidSlug(label) ? { kind: "tenant", slug: label } : { kind: "invalid" };
}

/**
 * `{slug}.{platformDomain}` and, in development, `{slug}.localhost` name a
 * tenant; the platform domain itself (and `www.`) is the root, where the vendor
 * console lives; any other host may be a tenant's custom domain.
 */
export function resolveHost(rawHost: string | null | undefined, platformDomain: string, options: { development: boolean }): HostTarget {
  const host = normaliseHost(rawHost);
  if (!host) return { kind: "invalid" };
  const platform = platformDomain.toLowerCase();
  if (host === platform || host === `www.${platform}`) return { kind: "root" };
  if (options.development && LOOPBACK.has(host)) return { kind: "root" };
  const sub = subdomainOf(host, platform) ?? (options.development ? subdomainOf(host, "localhost") : null);
  if (sub) return sub;
  if (!/^[a-z0-9.-]+$/.test(host) || !host.includes(".")) return { kind: "invalid" };
  return { kind: "custom", domain: host };
}
