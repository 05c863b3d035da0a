import { publicProfileOutput, schoolPublicProfile } from "~/server/tenants/public-profile";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const schoolTenantRouter = createTRPCRouter({
  /** What a school's public pages show: name, colours, identity kinds, login kind. */
  current: publicProcedure.output(publicProfileOutput).query(({ ctx }) => schoolPublicProfile(ctx.scope)),
});
