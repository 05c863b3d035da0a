import { z } from "zod";
import { brandColours, brandColoursInput, brandColoursOutput, updateBrandColours } from "~/server/branding/brand-colours";
import { logoLink } from "~/server/branding/logo-link";
import { adminProcedure, createTRPCRouter } from "../../trpc";

/** The school's branding: its colours here; its logo is uploaded by a form post (/admin/branding/logo) and served by /brand/logo. */
export const adminBrandingRouter = createTRPCRouter({
  get: adminProcedure("settings.manage")
    .output(brandColoursOutput.extend({ logoUrl: z.string().nullable() }))
    .query(({ ctx }) => ({ ...brandColours(ctx.scope), logoUrl: logoLink(ctx.scope.tenant.logoVersion) })),

  updateColours: adminProcedure("settings.manage")
    .meta({ probe: () => ({ primaryColor: "#123456", accentColor: "#654321" }) })
    .input(brandColoursInput)
    .output(brandColoursOutput)
    .mutation(({ ctx, input }) => updateBrandColours(ctx.scope, input)),
});
