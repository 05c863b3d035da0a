// The school's audit log as its IT office reads it (/admin/audit): who did what, to whom, when,
// from where — filtered by the actor (a back-office username or a member's account), the action
// (a prefix: "member." is every change to members), the member it concerns, and the days (China
// time), newest first, paged in the database. Every row is the school's own: the tenant-bound
// client filters them.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { memberIdByAccount } from "~/server/identity/find-member";
import { normaliseAccount } from "~/server/members/account";
import { auditActor, type TenantScope } from "~/server/scope";
import { audit } from "./audit";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+08:00`)), "not a date");

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const auditLogFilters = z.object({
  /** A back-office username or a member's account; "system" for the platform's own jobs. */
  actor: optional(z.string().trim().max(64)),
  /** The start of an action's name: "member.unlock", "member.", "wecom.". */
  action: optional(
    z
      .string()
      .trim()
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, "letters, digits and . _ - only"),
  ),
  /** A member's account: rows about them and rows they wrote. */
  member: optional(z.string().trim().max(64)),
  from: optional(day),
  to: optional(day),
});
export type AuditLogFilters = z.infer<typeof auditLogFilters>;

export const AUDIT_PAGE_SIZE = 50;

export const auditLogInput = auditLogFilters.extend({ page: z.number().int().min(1).max(10_000).default(1) });

export const auditRowOutput = z.object({
  id: z.string(),
  createdAt: z.date(),
  actorKind: z.string(),
  /** The username or account of the actor, when this school has it; null for the platform and deleted accounts. */
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  /** The detail as JSON, cut to what a table shows. */
  detail: z.string(),
});
export type AuditRow = z.infer<typeof auditRowOutput>;

export const auditPageOutput = z.object({ rows: z.array(auditRowOutput), total: z.number(), page: z.number(), pages: z.number() });

/** Matches nothing: an actor or member this school does not know has written nothing here. */
const NOBODY: Prisma.AuditLogWhereInput = { id: "00000000-0000-0000-0000-000000000000" };

const chinaMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);

async function actorWhere(scope: TenantScope, actor: string): Promise<Prisma.AuditLogWhereInput> {
  if (actor.toLowerCase() === "system") return { actorKind: "system" };
  const admin = await scope.db.tenantAdmin.findFirst({ where: { username: actor }, select: { id: true } });
  const memberId = await memberIdByAccount(scope, normaliseAccount(actor));
  const either: Prisma.AuditLogWhereInput[] = [
    ...(admin ? [{ actorKind: "tenantAdmin", actorId: admin.id }] : []),
    ...(memberId ? [{ actorKind: "member", actorId: memberId }] : []),
  ];
  return either.length > 0 ? { OR: either } : NOBODY;
}

async function memberWhere(scope: TenantScope, raw: string): Promise<Prisma.AuditLogWhereInput> {
  const account = normaliseAccount(raw);
  const memberId = await memberIdByAccount(scope, account);
  // Rows name a member by account (most) or by id (sessions); a deleted member's rows by the account only.
  const either: Prisma.AuditLogWhereInput[] = [{ target: account }];
  if (memberId) either.push({ target: memberId }, { actorKind: "member", actorId: memberId });
  return { OR: either };
}

export async function auditWhere(scope: TenantScope, filters: AuditLogFilters): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.action) and.push({ action: { startsWith: filters.action } });
  if (filters.actor) and.push(await actorWhere(scope, filters.actor));
  if (filters.member) and.push(await memberWhere(scope, filters.member));
  if (filters.from) and.push({ createdAt: { gte: chinaMidnight(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: chinaMidnight(filters.to, 1) } });
  return { AND: and };
}

const rowSelect = {
  id: true,
  createdAt: true,
  actorKind: true,
  actorId: true,
  action: true,
  target: true,
  ip: true,
  detail: true,
} as const;
type Selected = Prisma.AuditLogGetPayload<{ select: typeof rowSelect }>;

/** The actors' usernames and accounts, looked up in this school only. */
export async function withActors(scope: TenantScope, rows: readonly Selected[], detailLength = 300): Promise<AuditRow[]> {
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.actorKind === kind && r.actorId).map((r) => r.actorId!))];
  const [admins, members] = await Promise.all([
    scope.db.tenantAdmin.findMany({ where: { id: { in: ids("tenantAdmin") } }, select: { id: true, username: true } }),
    scope.db.member.findMany({ where: { id: { in: ids("member") } }, select: { id: true, account: true } }),
  ]);
  const names = new Map<string, string>([
    ...admins.map((a) => [a.id, a.username] as const),
    ...members.map((m) => [m.id, m.account] as const),
  ]);
  return rows.map(({ actorId, detail, ...row }) => ({
    ...row,
    actor: actorId ? (names.get(actorId) ?? null) : null,
    detail: JSON.stringify(detail).slice(0, detailLength),
  }));
}

export async function listAuditLog(scope: TenantScope, raw: z.input<typeof auditLogInput>) {
  const input = auditLogInput.parse(raw);
  const where = await auditWhere(scope, input);
  const total = await scope.db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const rows = await scope.db.auditLog.findMany({
    where,
    select: rowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return { rows: await withActors(scope, rows), total, page, pages };
}

/** At most this many rows in one export, newest first: a year of a large school's log, narrowed by the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** The rows an export writes, newest first, read a thousand at a time (keyset on time and id). */
export async function* auditLogRows(scope: TenantScope, filters: AuditLogFilters): AsyncGenerator<AuditRow> {
  const where = await auditWhere(scope, filters);
  let after: { createdAt: Date; id: string } | null = null;
  for (let written = 0; written < AUDIT_EXPORT_MAX_ROWS;) {
    const page: Selected[] = await scope.db.auditLog.findMany({
      where: after
        ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
        : where,
      select: rowSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(1000, AUDIT_EXPORT_MAX_ROWS - written),
    });
    if (page.length === 0) return;
    yield* await withActors(scope, page, 2000);
    written += page.length;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** The export is itself a change worth knowing of: who took the log, with which filters. */
export async function auditLogExported(scope: TenantScope, filters: AuditLogFilters): Promise<void> {
  await audit(scope.db, { ...auditActor(scope.actor), action: "audit.exported", detail: { ...filters } });
}
