// What the school's IT office registers at its own server for this platform,
// per host of the school (reference §2.5: schools whitelist each service URL):
// the CAS service URL (by prefix: each login adds its own `?login=` nonce, cas/urls.ts), the
// OIDC redirect URI, and where to return after logout.
import type { TenantScope } from "~/server/scope";
import { tenantOrigins } from "~/server/tenants/public-origin";
import { casServicePattern, casServicePrefix } from "./cas/urls";
import { oidcRedirectUri } from "./oidc/authorization";
import { simulatorOrigin } from "./outbound/school-url";
import { loginPageUrl } from "./provider-logout";

export async function identityRegistration(scope: TenantScope) {
  const origins = await tenantOrigins(scope);
  return {
    /** Prefixes: a service URL is one of them followed by `?login=…`. */
    casServiceUrls: origins.map(casServicePrefix),
    /** The same as Apereo CAS `serviceId` regular expressions. */
    casServicePatterns: origins.map(casServicePattern),
    oidcRedirectUris: origins.map(oidcRedirectUri),
    postLogoutRedirectUris: origins.map(loginPageUrl),
    /** The operator's simulators, the only non-https addresses accepted. */
    simulators: { cas: simulatorOrigin("cas"), oidc: simulatorOrigin("oidc") },
  };
}
