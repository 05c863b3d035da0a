import { z } from "zod";
import { checklistOutput } from "~/server/checks/check";
import { GO_LIVE_STEPS, goLiveChecklist } from "~/server/tenants/go-live";
import { adminProcedure, createTRPCRouter } from "../../trpc";

/** 开通向导 (/admin/go-live): each step of going live as the product finds it. */
export const adminGoLiveRouter = createTRPCRouter({
  checklist: adminProcedure("settings.manage")
    .output(checklistOutput(GO_LIVE_STEPS).extend({ done: z.number() }))
    .query(({ ctx }) => goLiveChecklist(ctx.scope)),
});
