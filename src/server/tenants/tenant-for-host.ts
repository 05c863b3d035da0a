import type { PrismaClient } from "~/generated/prisma/client";
import { serverEnv } from "~/env";
import { resolveHost, type HostTarget } from "./resolve-host";
import { tenantContextSelect, toTenantContext, type TenantContext } from "./tenant-context";

export type { TenantContext };

export type HostResolution =
  | { kind: "root" }
  | { kind: "tenant"; tenant: TenantContext }
  /** No such school, a suspended one, or a malformed host: a tenant page says 「该学校尚未开通」. */
  | { kind: "unavailable"; reason: "unknown" | "suspended" | "invalid" };

export function hostTarget(rawHost: string | null | undefined): HostTarget {
  const env = serverEnv();
  return resolveHost(rawHost, env.PLATFORM_DOMAIN, {
    development: env.NODE_ENV !== "production" || env.PLATFORM_DOMAIN === "localhost",
  });
}

export async function resolveTenantForHost(prisma: PrismaClient, rawHost: string | null | undefined): Promise<HostResolution> {
  const target = hostTarget(rawHost);
  if (target.kind === "root") return { kind: "root" };
  if (target.kind === "invalid") return { kind: "unavailable", reason: "invalid" };
  const tenant =
    target.kind === "tenant"
      ? await prisma.tenant.findUnique({ where: { slug: target.slug }, select: tenantContextSelect })
      : (await prisma.tenantDomain.findUnique({ where: { domain: target.domain }, select: { tenant: { select: tenantContextSelect } } }))
          ?.tenant;
  // A deleted school (recoverable for 30 days, delete-tenant.ts) answers as one that never existed.
  if (!tenant || tenant.status === "DELETED") return { kind: "unavailable", reason: "unknown" };
  if (tenant.status === "SUSPENDED") return { kind: "unavailable", reason: "suspended" };
  return { kind: "tenant", tenant: toTenantContext(tenant) };
}
