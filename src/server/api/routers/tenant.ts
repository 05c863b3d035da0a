import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

const identityKindOutput = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), apps: z.array(z.string()) });

export const tenantRouter = createTRPCRouter({
  /** What a school's public pages show: name, colours, identity kinds, login kind. */
  current: publicProcedure
    .output(
      z.object({
        slug: z.string(),
        name: z.string(),
        nameEn: z.string(),
        primaryColor: z.string(),
        accentColor: z.string(),
        logoUrl: z.string().nullable(),
        idpKind: z.enum(["BUILTIN", "CAS", "OIDC"]),
        assistantAppName: z.string(),
        identityKinds: z.array(identityKindOutput),
      }),
    )
    .query(async ({ ctx }) => {
      const identityKinds = await ctx.db.identityKind.findMany({
        select: { code: true, nameZh: true, nameEn: true, apps: true },
        orderBy: { sortOrder: "asc" },
      });
      return { ...ctx.tenant, identityKinds };
    }),
});
