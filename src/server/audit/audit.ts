// The audit log: every change, by whom, from where. A tenant-bound client
// writes the tenant's log; the plain client writes platform-wide events.
import { normaliseAddress } from "~/server/http/forwarded-address";
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

/**
 * The address as stored: a valid IPv4 or IPv6 address (zone id dropped), else
 * null. Whatever a header said, it never makes the audit row, and with it the
 * change it records, fail.
 */
export function auditAddress(ip: string | null | undefined): string | null {
  return ip ? normaliseAddress(ip.replace(/%[^\]]*/, "")) : null;
}

/** Writes the audit row; pass the change's transaction, so the change and its record commit or fail together. */
export async function audit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({
    data: {
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? null,
      action: entry.action,
      target: entry.target?.slice(0, 200) ?? null,
      detail: entry.detail ?? {},
      ip: auditAddress(entry.ip),
      ...(entry.tenantId ? { tenantId: entry.tenantId } : {}),
    },
  });
}
