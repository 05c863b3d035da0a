// What the school's audit log (audit-log.ts) and the platform's (platform-audit-log.ts) share: the
// filters' shapes (days in China time, an action's prefix), the columns read, a page newest first
// with its total, and the export's keyset read a thousand rows at a time. Each log builds its own
// `where` and names its own actors; the reading is done here once.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";

export const auditDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+08:00`)), "not a date");

/** A filter left empty in the form is no filter. */
export const optionalFilter = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The start of an action's name: "member.unlock", "member.", "tenant.". */
export const auditActionFilter = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits and . _ - only");

export const AUDIT_PAGE_SIZE = 50;

/** At most this many rows in one export, newest first: a year of a large school's log, narrowed by the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const auditPageInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });

const chinaMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);

/** The days from `from` to `to` (inclusive, China time), each optional. */
export function auditDaysWhere(filters: { from?: string | undefined; to?: string | undefined }): Prisma.AuditLogWhereInput[] {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.from) and.push({ createdAt: { gte: chinaMidnight(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: chinaMidnight(filters.to, 1) } });
  return and;
}

export const auditRowSelect = {
  id: true,
  tenantId: true,
  createdAt: true,
  actorKind: true,
  actorId: true,
  action: true,
  target: true,
  ip: true,
  detail: true,
} as const satisfies Prisma.AuditLogSelect;
export type AuditSelected = Prisma.AuditLogGetPayload<{ select: typeof auditRowSelect }>;

export const AUDIT_ORDER = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.AuditLogOrderByWithRelationInput[];

/** How a log reads its rows: the tenant-bound client's auditLog for a school, the plain one for the platform. */
export type AuditReader = {
  count(where: Prisma.AuditLogWhereInput): Promise<number>;
  /** Rows of `where` in AUDIT_ORDER with auditRowSelect. */
  find(args: { where: Prisma.AuditLogWhereInput; skip?: number; take: number }): Promise<AuditSelected[]>;
};

/** One page, newest first; a page past the end is the last one. */
export async function auditPage(read: AuditReader, where: Prisma.AuditLogWhereInput, asked: number) {
  const total = await read.count(where);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(asked, pages);
  const rows = await read.find({ where, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  return { rows, total, page, pages };
}

/** The rows an export writes, newest first, a thousand at a time (keyset on time and id). */
export async function* auditBatches(read: AuditReader, where: Prisma.AuditLogWhereInput): AsyncGenerator<AuditSelected[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (let written = 0; written < AUDIT_EXPORT_MAX_ROWS;) {
    const page: AuditSelected[] = await read.find({
      where: after
        ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
        : where,
      take: Math.min(1000, AUDIT_EXPORT_MAX_ROWS - written),
    });
    if (page.length === 0) return;
    yield page;
    written += page.length;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
