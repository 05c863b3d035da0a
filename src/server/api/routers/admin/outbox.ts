// The development outbox in the back office: what was "sent" to this school's members in
// demo mode, so the IT office and the helpdesk can read a code for a member.
import { z } from "zod";
import { listOutbox, listOutboxInput } from "~/server/codes/outbox";
import { CODE_PURPOSES } from "~/server/codes/purposes";
import { tenantScope } from "~/server/scope";
import { createTRPCRouter, tenantAdminProcedure } from "../../trpc";

const outboxListingOutput = z.object({
  /** False when a real provider delivers codes: there is no outbox. */
  enabled: z.boolean(),
  channels: z.array(z.enum(["SMS", "EMAIL"])),
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(["SMS", "EMAIL"]),
      destination: z.string(),
      shownTo: z.string(),
      purpose: z.enum(CODE_PURPOSES),
      text: z.string(),
      createdAt: z.date(),
    }),
  ),
});

export const adminOutboxRouter = createTRPCRouter({
  list: tenantAdminProcedure
    .meta({ probe: () => ({ take: 200 }) })
    .input(listOutboxInput)
    .output(outboxListingOutput)
    .query(({ ctx, input }) =>
      listOutbox(
        // Until the tenant procedures put a scope on the context, the one this domain function takes is made here.
        tenantScope({
          prisma: ctx.prisma,
          tenant: ctx.tenant,
          jobs: ctx.jobs,
          actor: { kind: "tenantAdmin", id: ctx.admin.id, role: ctx.admin.role, ip: ctx.ip },
          locale: ctx.locale,
        }),
        input,
      ),
    ),
});
