// What the development outbox "sent" to this school, newest first: for /dev/outbox (the
// member reads the code there in demo mode) and /admin/outbox. Only the channels the
// outbox delivers now are shown; with a real provider there is nothing to show.
import { z } from "zod";
import { CODE_PURPOSES } from "./purposes";
import type { Prisma } from "~/generated/prisma/client";
import type { TenantScope } from "~/server/scope";
import { displayPhone } from "./destination";
import { outboxChannels } from "./providers/choose";

export const listOutboxInput = z.object({ take: z.number().int().min(1).max(200).default(50) });
/** The listing as pages get it: the phone as shown and the text that was "sent". */
export const outboxListingOutput = z.object({
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

export type ListOutboxInput = z.input<typeof listOutboxInput>;

const outboxSelect = {
  id: true,
  channel: true,
  destination: true,
  purpose: true,
  text: true,
  createdAt: true,
} as const satisfies Prisma.OutboxMessageSelect;

export type OutboxEntry = Prisma.OutboxMessageGetPayload<{ select: typeof outboxSelect }> & {
  /** The phone the way the member typed it (13800000001, 0085291234567), or the address. */
  shownTo: string;
};

export type OutboxListing = { enabled: boolean; channels: ("SMS" | "EMAIL")[]; messages: OutboxEntry[] };

export async function listOutbox(scope: TenantScope, rawInput: ListOutboxInput = {}): Promise<OutboxListing> {
  const input = listOutboxInput.parse(rawInput);
  const channels = outboxChannels();
  if (channels.length === 0) return { enabled: false, channels, messages: [] };
  const rows = await scope.db.outboxMessage.findMany({
    where: { channel: { in: channels } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take,
    select: outboxSelect,
  });
  return {
    enabled: true,
    channels,
    messages: rows.map((row) => ({ ...row, shownTo: row.channel === "SMS" ? displayPhone(row.destination) : row.destination })),
  };
}
