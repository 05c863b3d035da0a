// The school's two colours (PRODUCT "Tenants → branding"): primary (the member pages' title bar and
// buttons, the poster's title) and accent (the poster's step numbers). Each is refused, with its
// ratio, when white text on it would be unreadable (colour-contrast.ts). The colours stay on the
// Tenant row, where the host's school is read with them for every page (tenant-context.ts).
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { auditActor, unscopedClient, type TenantScope } from "~/server/scope";
import { contrastWithWhite, HEX_COLOUR, MIN_CONTRAST } from "./colour-contrast";

const colour = z.string().trim().toLowerCase().regex(HEX_COLOUR, "#rrggbb");

export const brandColoursInput = z.object({ primaryColor: colour, accentColor: colour });
export const brandColoursOutput = z.object({ primaryColor: z.string(), accentColor: z.string() });
export type BrandColours = z.infer<typeof brandColoursOutput>;

const UNREADABLE = { primaryColor: "BRAND_PRIMARY_UNREADABLE", accentColor: "BRAND_ACCENT_UNREADABLE" } as const;

/** Refuses the first colour white text would be unreadable on, naming its ratio and the one it needs. */
export function assertReadableColours(input: BrandColours): void {
  for (const field of ["primaryColor", "accentColor"] as const) {
    const ratio = contrastWithWhite(input[field]);
    if (ratio < MIN_CONTRAST[field]) throw new AppError(UNREADABLE[field], { colour: input[field], ratio, needed: MIN_CONTRAST[field] });
  }
}

export function brandColours({ tenant }: TenantScope): BrandColours {
  return { primaryColor: tenant.primaryColor, accentColor: tenant.accentColor };
}

/** Saves both colours, audited with the ones they replace. */
export async function updateBrandColours(scope: TenantScope, input: z.infer<typeof brandColoursInput>): Promise<BrandColours> {
  assertReadableColours(input);
  // The Tenant row is not tenant-scoped (it is the tenant): the host's school, by its id, is the one row written.
  return unscopedClient(scope).$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: scope.tenant.id }, select: { primaryColor: true, accentColor: true } });
    const after = await tx.tenant.update({
      where: { id: scope.tenant.id },
      data: input,
      select: { primaryColor: true, accentColor: true },
    });
    await audit(tx, {
      ...auditActor(scope.actor),
      tenantId: scope.tenant.id,
      action: "tenant.branding.updated",
      detail: { before, after },
    });
    return after;
  });
}
