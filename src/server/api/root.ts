import { adminRouter } from "./routers/admin";
import { adminOutboxRouter } from "./routers/admin/outbox";
import { memberRouter } from "./routers/member";
import { tenantRouter } from "./routers/tenant";
import { vendorRouter } from "./routers/vendor";
import { wecomRouter } from "./routers/wecom";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  tenant: tenantRouter,
  member: memberRouter,
  admin: adminRouter,
  vendor: vendorRouter,
  wecom: wecomRouter,
  adminOutbox: adminOutboxRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
