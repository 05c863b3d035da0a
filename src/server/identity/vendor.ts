// The vendor sets a school's unified login from its console, as the school's IT
// office does: the same domain functions, on a scope of the school the vendor
// names by id (found first, so an unknown id is NOT_FOUND, never another school).
import { z } from "zod";
import type { PlatformScope } from "~/server/scope";
import { vendorSchoolScope } from "~/server/tenants/vendor-school";
import { testIdentityConnection } from "./connection-test";
import { identityRegistration } from "./registration";
import { identityProviderSettings, identityProviderSettingsInput, updateIdentityProviderSettings } from "./settings";

export const vendorSchoolInput = z.object({ tenantId: z.string().uuid() });
export const vendorIdentityUpdateInput = identityProviderSettingsInput.extend({ tenantId: z.string().uuid() });

export async function vendorIdentitySettings(platform: PlatformScope, input: z.infer<typeof vendorSchoolInput>) {
  const scope = await vendorSchoolScope(platform, input.tenantId);
  return { ...(await identityProviderSettings(scope)), registration: await identityRegistration(scope) };
}

export async function vendorUpdateIdentitySettings(platform: PlatformScope, input: z.input<typeof vendorIdentityUpdateInput>) {
  const { tenantId, ...settings } = input;
  return updateIdentityProviderSettings(await vendorSchoolScope(platform, tenantId), settings);
}

export async function vendorTestIdentityConnection(platform: PlatformScope, input: z.infer<typeof vendorSchoolInput>) {
  return testIdentityConnection(await vendorSchoolScope(platform, input.tenantId), { requestHost: null });
}
