import { adminRouter } from "./routers/admin";
import { memberRouter } from "./routers/member";
import { tenantRouter } from "./routers/tenant";
import { vendorRouter } from "./routers/vendor";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  tenant: tenantRouter,
  member: memberRouter,
  admin: adminRouter,
  vendor: vendorRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
