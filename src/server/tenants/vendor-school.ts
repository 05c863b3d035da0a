// The vendor acting on one school from its console: the school named by id, found first (an
// unknown id is NOT_FOUND, never another school), then the same domain functions as the school's
// own back office, on that school's scope.
import { AppError } from "~/server/errors";
import { tenantScope, type PlatformScope, type TenantScope } from "~/server/scope";
import { tenantContextById } from "./tenant-context";

export async function vendorSchoolScope(platform: PlatformScope, tenantId: string): Promise<TenantScope> {
  const found = await platform.prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true, status: true } });
  // A deleted school is acted on only by 【恢复】 (delete-tenant.ts).
  if (!found || found.status === "DELETED") throw new AppError("NOT_FOUND");
  return tenantScope({ ...platform, tenant: await tenantContextById(platform.prisma, found.id) });
}
