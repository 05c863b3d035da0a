// The audit log: every change, by whom, from where. A tenant-bound client
// writes the tenant's log; the plain client writes platform-wide events.
import type { Prisma } from "~/generated/prisma/client";

export type AuditEntry = {
  actorKind: "member" | "tenantAdmin" | "vendor" | "system";
  actorId?: string | null;
  action: string;
  target?: string | null;
  detail?: Prisma.InputJsonValue;
  ip?: string | null;
  /** Only for platform-wide writers recording an event of one tenant. */
  tenantId?: string | null;
};

type AuditWriter = {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> };
};

export async function audit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({
    data: {
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? null,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ?? {},
      ip: entry.ip ?? null,
      ...(entry.tenantId ? { tenantId: entry.tenantId } : {}),
    },
  });
}
