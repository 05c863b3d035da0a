// The platform's audit log as the vendor reads it (/vendor/audit): what the operators did (actorKind
// vendor: schools set up, suspended, resumed, deleted and restored, invitations, a school's settings
// changed from the console, sign-ins) and the platform's own school-less rows (a purge), filtered by
// the operator, the action (a prefix), the school (its slug: rows of a purged school keep it in
// target) and the days (China time), newest first. The reading is the school log's (audit-query.ts).
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { auditActor, type PlatformScope } from "~/server/scope";
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
  optionalFilter,
  type AuditReader,
  type AuditSelected,
} from "./audit-query";
import { auditRowOutput } from "./audit-log";

export const platformAuditFilters = z.object({
  /** An operator's username; "system" for the platform's jobs. */
  actor: optionalFilter(z.string().trim().max(64)),
  action: optionalFilter(auditActionFilter),
  /** A school's slug. */
  school: optionalFilter(z.string().trim().toLowerCase().max(63)),
  from: optionalFilter(auditDay),
  to: optionalFilter(auditDay),
});
export type PlatformAuditFilters = z.infer<typeof platformAuditFilters>;

export const platformAuditInput = platformAuditFilters.extend(auditPageInput.shape);

export const platformAuditRowOutput = auditRowOutput.extend({
  /** The school the row is about (its slug), when there is one. */
  school: z.string().nullable(),
});
export type PlatformAuditRow = z.infer<typeof platformAuditRowOutput>;

export const platformAuditPageOutput = z.object({
  rows: z.array(platformAuditRowOutput),
  total: z.number(),
  page: z.number(),
  pages: z.number(),
});

/** The platform's rows: every operator's, and the platform's own that belong to no school. */
const PLATFORM_ROWS: Prisma.AuditLogWhereInput = { OR: [{ actorKind: "vendor" }, { tenantId: null }] };

const NOBODY: Prisma.AuditLogWhereInput = { id: "00000000-0000-0000-0000-000000000000" };

async function platformAuditWhere({ prisma }: PlatformScope, filters: PlatformAuditFilters): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [PLATFORM_ROWS];
  if (filters.action) and.push({ action: { startsWith: filters.action } });
  if (filters.actor) {
    if (filters.actor.toLowerCase() === "system") and.push({ actorKind: "system" });
    else {
      const vendor = await prisma.vendorAdmin.findUnique({ where: { username: filters.actor }, select: { id: true } });
      and.push(vendor ? { actorKind: "vendor", actorId: vendor.id } : NOBODY);
    }
  }
  if (filters.school) and.push({ OR: [{ tenant: { slug: filters.school } }, { target: filters.school }] });
  and.push(...auditDaysWhere(filters));
  return { AND: and };
}

const reader = ({ prisma }: PlatformScope): AuditReader => ({
  count: (where) => prisma.auditLog.count({ where }),
  find: (args) => prisma.auditLog.findMany({ ...args, select: auditRowSelect, orderBy: [...AUDIT_ORDER] }),
});

/** The operators' usernames and the schools' slugs of the rows. */
async function named({ prisma }: PlatformScope, rows: readonly AuditSelected[], detailLength = 300): Promise<PlatformAuditRow[]> {
  const vendorIds = [...new Set(rows.filter((r) => r.actorKind === "vendor" && r.actorId).map((r) => r.actorId!))];
  const tenantIds = [...new Set(rows.map((r) => r.tenantId).filter((id): id is string => id !== null))];
  const [vendors, tenants] = await Promise.all([
    prisma.vendorAdmin.findMany({ where: { id: { in: vendorIds } }, select: { id: true, username: true } }),
    prisma.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, slug: true } }),
  ]);
  const vendorNames = new Map(vendors.map((v) => [v.id, v.username]));
  const slugs = new Map(tenants.map((t) => [t.id, t.slug]));
  return rows.map(({ actorId, detail, tenantId, ...row }) => {
    const slugInDetail = (detail as { slug?: unknown } | null)?.slug;
    return {
      ...row,
      actor: actorId ? (vendorNames.get(actorId) ?? (row.actorKind === "system" ? actorId : null)) : null,
      school: (tenantId ? slugs.get(tenantId) : undefined) ?? (typeof slugInDetail === "string" ? slugInDetail : null),
      detail: JSON.stringify(detail).slice(0, detailLength),
    };
  });
}

export async function listPlatformAuditLog(platform: PlatformScope, raw: z.input<typeof platformAuditInput>) {
  const input = platformAuditInput.parse(raw);
  const { rows, ...paging } = await auditPage(reader(platform), await platformAuditWhere(platform, input), input.page);
  return { rows: await named(platform, rows), ...paging };
}

export async function* platformAuditRows(platform: PlatformScope, filters: PlatformAuditFilters): AsyncGenerator<PlatformAuditRow> {
  for await (const batch of auditBatches(reader(platform), await platformAuditWhere(platform, filters)))
    yield* await named(platform, batch, 2000);
}

/** Taking the platform's log is itself recorded, with the filters. */
export async function platformAuditExported(platform: PlatformScope, filters: PlatformAuditFilters): Promise<void> {
  await audit(platform.prisma, { ...auditActor(platform.actor), action: "audit.platformExported", detail: { ...filters } });
}
