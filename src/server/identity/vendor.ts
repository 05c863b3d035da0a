// The vendor sets a school's unified login from its console, as the school's IT
// office does: the same domain functions, on a scope of the school the vendor
// names by id (found first, so an unknown id is NOT_FOUND, never another school).
import { z } from "zod";
import { AppError } from "~/server/errors";
import { tenantScope, type PlatformScope, type TenantScope } from "~/server/scope";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { testIdentityConnection } from "./connection-test";
import { identityRegistration } from "./registration";
import { identityProviderSettings, identityProviderSettingsInput, updateIdentityProviderSettings } from "./settings";

export const vendorSchoolInput = z.object({ tenantId: z.string().uuid() });
export const vendorIdentityUpdateInput = identityProviderSettingsInput.extend({ tenantId: z.string().uuid() });

async function asSchool(platform: PlatformScope, tenantId: string): Promise<TenantScope> {
  const found = await platform.prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND");
  return tenantScope({ ...platform, tenant: await tenantContextById(platform.prisma, found.id) });
}

export async function vendorIdentitySettings(platform: PlatformScope, input: z.infer<typeof vendorSchoolInput>) {
  const scope = await asSchool(platform, input.tenantId);
  return { ...(await identityProviderSettings(scope)), registration: await identityRegistration(scope) };
}

export async function vendorUpdateIdentitySettings(platform: PlatformScope, input: z.input<typeof vendorIdentityUpdateInput>) {
  const { tenantId, ...settings } = input;
  return updateIdentityProviderSettings(await asSchool(platform, tenantId), settings);
}

export async function vendorTestIdentityConnection(platform: PlatformScope, input: z.infer<typeof vendorSchoolInput>) {
  return testIdentityConnection(await asSchool(platform, input.tenantId), { requestHost: null });
}
