// The URLs of the CAS protocol as this platform uses them (Apereo CAS Protocol
// 3.0.3 §2; reference §1.1–1.4). The school's base URL is where its server is
// deployed — Wisedu/金智 IDS at /authserver, Apereo at /cas, or the root of a
// host — and every endpoint is that base plus the spec's path. The service URL
// is built per login on the school's origin for the host (tenants/public-origin.ts),
// kept in the sealed pending login and sent byte-identical to /login and to
// validation (reference §3.2); every query is built with URLSearchParams, never
// by pasting (CVE-2014-4172, reference §3.3).

/** The path of our service URL: CAS redirects here with ?ticket=, and posts single-logout requests here (§2.3.3). */
export const CAS_CALLBACK_PATH = "/api/identity/cas/callback";

/** The query parameter of the service URL that names the login it belongs to. Not one CAS reserves (§2.1.1, §2.5.1). */
export const CAS_LOGIN_PARAM = "login";

/** What the school whitelists in its CAS service registry: every service URL of `origin` starts with it. */
export function casServicePrefix(origin: string): string {
  return `${origin}${CAS_CALLBACK_PATH}`;
}

/** The same as an Apereo CAS `serviceId` (a regular expression matched against the whole service URL). */
export function casServicePattern(origin: string): string {
  return `^${casServicePrefix(origin).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\?.*)?$`;
}

/**
 * The service URL of one login on `origin`: the prefix and `?login=` with that login's nonce. A ticket
 * is issued for, and validates only with, the exact service URL it was asked for (CAS 3.0 §2.5.1: the
 * server MUST answer INVALID_SERVICE otherwise), so a ticket made for one browser's login is refused
 * in any other browser, even one with a pending login of its own (login CSRF).
 */
export function casServiceUrl(origin: string, loginNonce: string): string {
  return `${casServicePrefix(origin)}?${new URLSearchParams({ [CAS_LOGIN_PARAM]: loginNonce }).toString()}`;
}

/** The base URL without a trailing slash, so "/login" can be appended (https://ids.x.edu.cn/authserver/ → …/authserver). */
export function normaliseCasBase(base: string): string {
  const url = new URL(base);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function endpoint(base: string, path: string, params: Record<string, string>): URL {
  const url = new URL(`${normaliseCasBase(base)}${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

/**
 * `{base}/login?service=…` (§2.1). `renew=true` (§2.1.1) bypasses the school's single sign-on, so
 * the person types their credentials again: used after 【不是我，换个账号】, whatever the school's
 * server made of our logout.
 */
export function casLoginUrl(base: string, service: string, options: { renew: boolean }): URL {
  return endpoint(base, "/login", { service, ...(options.renew ? { renew: "true" } : {}) });
}

/** `{base}/logout?service=…` (§2.3.1): the school ends its SSO session and, when it follows service redirects, sends the browser back. */
export function casLogoutUrl(base: string, service: string): URL {
  return endpoint(base, "/logout", { service });
}

/** A service ticket as CAS 3.0 §3.1.1/§3.7 shapes it (ST-, then A-Z a-z 0-9 and -; at most 256). Proxy tickets are not ours to take. */
export const SERVICE_TICKET = /^ST-[A-Za-z0-9-]{1,253}$/;

/**
 * `/serviceValidate` (CAS 2.0, §2.5) or `/p3/serviceValidate` (CAS 3.0, §2.8). Never `pgtUrl`: the platform
 * needs no proxy tickets. `renew=true` when the login asked for it, so an SSO ticket is refused (§2.5.1).
 */
export function casValidationUrl(
  base: string,
  options: { version: "CAS2" | "CAS3"; service: string; ticket: string; renew: boolean },
): URL {
  return endpoint(base, options.version === "CAS3" ? "/p3/serviceValidate" : "/serviceValidate", {
    service: options.service,
    ticket: options.ticket,
    ...(options.renew ? { renew: "true" } : {}),
  });
}
