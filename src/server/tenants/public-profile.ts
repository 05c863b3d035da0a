// What a school's public pages show of it: name, colours, the identity kinds it
// admits and how its members sign in.
import { IdentityProviderKind } from "~/generated/prisma/enums";
import { z } from "zod";
import { logoLink } from "~/server/branding/logo-link";
import type { TenantScope } from "~/server/scope";

export const identityKindOutput = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), apps: z.array(z.string()) });

export const publicProfileOutput = z.object({
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  /** The uploaded logo's link on the school's host (branding/logo-link.ts), or null without one. */
  logoUrl: z.string().nullable(),
  idpKind: z.enum(IdentityProviderKind),
  assistantAppName: z.string(),
  identityKinds: z.array(identityKindOutput),
});

export async function schoolPublicProfile({ db, tenant }: TenantScope): Promise<z.infer<typeof publicProfileOutput>> {
  const identityKinds = await db.identityKind.findMany({
    select: { code: true, nameZh: true, nameEn: true, apps: true },
    orderBy: { sortOrder: "asc" },
  });
  return { ...tenant, logoUrl: logoLink(tenant.logoVersion), identityKinds };
}
