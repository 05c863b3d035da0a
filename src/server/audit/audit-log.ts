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
import {
  AUDIT_ORDER,
  auditActionFilter,
  auditBatches,
  auditDay,
  auditDaysWhere,
  auditPage,
  auditPageInput,
  auditRowSelect,
  optionalFilter as optional,
  type AuditReader,
  type AuditSelected,
} from "./audit-query";

export const auditLogFilters = z.object({
  /** A back-office username or a member's account; "system" for the platform's own jobs. */
  actor: optional(z.string().trim().max(64)),
  /** The start of an action's name: "member.unlock", "member.", "wecom.". */
  action: optional(auditActionFilter),
  /** A member's account: rows about them and rows they wrote. */
  member: optional(z.string().trim().max(64)),
  from: optional(auditDay),
  to: optional(auditDay),
});
export type AuditLogFilters = z.infer<typeof auditLogFilters>;

export const auditLogInput = auditLogFilters.extend(auditPageInput.shape);

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
  and.push(...auditDaysWhere(filters));
  return { AND: and };
}

/** The actors' usernames and accounts, looked up in this school only. */
export async function withActors(scope: TenantScope, rows: readonly AuditSelected[], detailLength = 300): Promise<AuditRow[]> {
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.actorKind === kind && r.actorId).map((r) => r.actorId!))];
  const [admins, members] = await Promise.all([
    scope.db.tenantAdmin.findMany({ where: { id: { in: ids("tenantAdmin") } }, select: { id: true, username: true } }),
    scope.db.member.findMany({ where: { id: { in: ids("member") } }, select: { id: true, account: true } }),
  ]);
  const names = new Map<string, string>([
    ...admins.map((a) => [a.id, a.username] as const),
    ...members.map((m) => [m.id, m.account] as const),
  ]);
  return rows.map(({ actorId, detail, tenantId: _tenant, ...row }) => ({
    ...row,
    actor: actorId ? (names.get(actorId) ?? null) : null,
    detail: JSON.stringify(detail).slice(0, detailLength),
  }));
}

/** The school's log, read through its tenant-bound client. */
const reader = (scope: TenantScope): AuditReader => ({
  count: (where) => scope.db.auditLog.count({ where }),
  find: (args) => scope.db.auditLog.findMany({ ...args, select: auditRowSelect, orderBy: [...AUDIT_ORDER] }),
});

export async function listAuditLog(scope: TenantScope, raw: z.input<typeof auditLogInput>) {
  const input = auditLogInput.parse(raw);
  const { rows, ...paging } = await auditPage(reader(scope), await auditWhere(scope, input), input.page);
  return { rows: await withActors(scope, rows), ...paging };
}

/** The rows an export writes, newest first (audit-query.ts auditBatches). */
export async function* auditLogRows(scope: TenantScope, filters: AuditLogFilters): AsyncGenerator<AuditRow> {
  for await (const batch of auditBatches(reader(scope), await auditWhere(scope, filters))) yield* await withActors(scope, batch, 2000);
}

/** The export is itself a change worth knowing of: who took the log, with which filters. */
export async function auditLogExported(scope: TenantScope, filters: AuditLogFilters): Promise<void> {
  await audit(scope.db, { ...auditActor(scope.actor), action: "audit.exported", detail: { ...filters } });
}
