import { z } from "zod";
import { applicationView, hallHome, receivedApplications, sentApplications, serviceForm } from "~/server/servicehall/queries";
import { createTRPCRouter, memberProcedure } from "../../trpc";

/** The service hall's reads (servicehall/queries.ts); its changes are form posts to /hall's route handlers. */
export const meHallRouter = createTRPCRouter({
  /** 我的服务: the services the member may apply for, or why there are none. */
  home: memberProcedure.query(({ ctx }) => hallHome(ctx.scope)),
  /** One service's form (its newest version), for a member who may apply. */
  service: memberProcedure
    .meta({ probe: (t) => ({ serviceId: t.hallServiceId }) })
    .input(z.object({ serviceId: z.string().uuid() }))
    .query(({ ctx, input }) => serviceForm(ctx.scope, input.serviceId)),
  /** 发出的事项. */
  sent: memberProcedure.query(({ ctx }) => sentApplications(ctx.scope)),
  /** 收到的事项: 待办 and 已办 with counts. */
  received: memberProcedure.query(({ ctx }) => receivedApplications(ctx.scope)),
  /** One application, for its applicant or one of its approvers. */
  application: memberProcedure
    .meta({ probe: (t) => ({ applicationId: t.hallApplicationId }) })
    .input(z.object({ applicationId: z.string().uuid() }))
    .query(({ ctx, input }) => applicationView(ctx.scope, input.applicationId)),
});
