// What the school's IT office registers at its own server for this platform, per host of the
// school (reference §2.5: schools whitelist each service URL), as each protocol the school may
// use declares it (CAS service URL prefixes, OIDC redirect URIs …).
import type { TenantScope } from "~/server/scope";
import { tenantOrigins } from "~/server/tenants/public-origin";
import { IDENTITY_PROTOCOLS } from "./protocols";

export async function identityRegistration(scope: TenantScope) {
  const origins = await tenantOrigins(scope);
  return { rows: IDENTITY_PROTOCOLS.flatMap((p) => p.registration?.(origins) ?? []) };
}
