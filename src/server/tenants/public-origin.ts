// The origin a school's members reach it at, as the platform knows it — never
// as a request says it. CAS compares the service URL byte for byte and an OIDC
// provider the redirect URI (reference §3.1–3.2): both are built from here. A
// request only chooses among the school's own hosts ({slug}.PLATFORM_DOMAIN
// and its custom domains, which are host-only cookie jars of their own), and a
// Host header naming anything else gets the school's platform host. The scheme
// follows SECURE_COOKIES (https wherever cookies are Secure); the port is the
// scheme's default, except on a localhost platform domain (development and the
// demo), where it is the app's PORT.
import { secureCookies, serverEnv } from "~/env";
import type { TenantScope } from "~/server/scope";
import { normaliseHost } from "./resolve-host";

function portSuffix(): string {
  const env = serverEnv();
  const local = env.PLATFORM_DOMAIN === "localhost" || env.PLATFORM_DOMAIN.endsWith(".localhost");
  const port = process.env.PORT;
  if (!local || !port || !/^\d{1,5}$/.test(port)) return "";
  return (secureCookies(env) ? port === "443" : port === "80") ? "" : `:${port}`;
}

/** `{slug}.PLATFORM_DOMAIN` as a full origin. */
export function platformOrigin(slug: string): string {
  return `${secureCookies() ? "https" : "http"}://${slug}.${serverEnv().PLATFORM_DOMAIN}${portSuffix()}`;
}

/**
 * The school's origin for the host the member is on: `requestHost` picks one of
 * the school's own hosts (its platform subdomain, `{slug}.localhost` in
 * development, or a custom domain on record) and is never copied otherwise.
 */
export async function tenantOrigin(scope: TenantScope, requestHost: string | null): Promise<string> {
  const host = normaliseHost(requestHost);
  const scheme = secureCookies() ? "https" : "http";
  if (host && host !== `${scope.tenant.slug}.${serverEnv().PLATFORM_DOMAIN}` && host !== `${scope.tenant.slug}.localhost`) {
    const custom = await scope.db.tenantDomain.findFirst({ where: { domain: host }, select: { domain: true } });
    if (custom) return `${scheme}://${custom.domain}${portSuffix()}`;
  }
  if (host === `${scope.tenant.slug}.localhost`) return `${scheme}://${host}${portSuffix()}`;
  return platformOrigin(scope.tenant.slug);
}

/** Every origin of the school, for the back office to list what the school's IT office must register. */
export async function tenantOrigins(scope: TenantScope): Promise<string[]> {
  const scheme = secureCookies() ? "https" : "http";
  const domains = await scope.db.tenantDomain.findMany({ select: { domain: true }, orderBy: { domain: "asc" } });
  return [platformOrigin(scope.tenant.slug), ...domains.map((d) => `${scheme}://${d.domain}${portSuffix()}`)];
}
