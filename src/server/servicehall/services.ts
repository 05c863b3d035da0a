// A school's services, written: the service row and, when its form or chain changed, a new version
// (applications keep the version they were made with; a trigger of the migration refuses any
// change to a version in use). The demo seed and the tests define services through here; the admin
// editor (not built yet) will too. Also the approver set-up a chain names: department roles and
// approver groups.
import { isDeepStrictEqual } from "node:util";
import { AppError } from "~/server/errors";
import type { TenantDb, TenantTx } from "~/server/db/tenant-db";
import { serviceDefinition, type ServiceIcon } from "./definition";

type Db = TenantDb | TenantTx;

export type ServiceInput = {
  code: string;
  nameZh: string;
  nameEn?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  icon?: ServiceIcon;
  identityKinds: string[];
  departmentPrefixes?: string[];
  active?: boolean;
  sortOrder?: number;
  /** A definition to validate (definition.ts serviceDefinition): defaults are filled in on parsing. */
  definition: unknown;
};

/** Creates or updates the service named by `code`; a changed definition becomes its next version. Returns the ids. */
export async function publishService(
  db: Db,
  tenantId: string,
  input: ServiceInput,
): Promise<{ serviceId: string; versionId: string; number: number }> {
  const parsed = serviceDefinition.safeParse(input.definition);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const definition = parsed.data;
  const named = definition.steps.flatMap((s) => (s.assign.kind === "members" ? s.assign.memberIds : []));
  if (named.length > 0) {
    const found = await db.member.count({ where: { id: { in: [...new Set(named)] } } });
    if (found !== new Set(named).size) throw new AppError("INVALID_INPUT");
  }
  const groups = definition.steps.flatMap((s) => (s.assign.kind === "group" ? [s.assign.groupId] : []));
  if (groups.length > 0) {
    const found = await db.approverGroup.count({ where: { id: { in: [...new Set(groups)] } } });
    if (found !== new Set(groups).size) throw new AppError("INVALID_INPUT");
  }
  const row = {
    nameZh: input.nameZh,
    nameEn: input.nameEn ?? "",
    descriptionZh: input.descriptionZh ?? "",
    descriptionEn: input.descriptionEn ?? "",
    icon: input.icon ?? "form",
    identityKinds: input.identityKinds,
    departmentPrefixes: input.departmentPrefixes ?? [],
    active: input.active ?? true,
    sortOrder: input.sortOrder ?? 0,
  };
  const service = await db.service.upsert({
    where: { tenantId_code: { tenantId, code: input.code } },
    create: { tenantId, code: input.code, ...row },
    update: row,
    select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, fields: true, steps: true } } },
  });
  const latest = service.versions[0];
  if (latest && isDeepStrictEqual({ fields: latest.fields, steps: latest.steps }, JSON.parse(JSON.stringify(definition)))) {
    return { serviceId: service.id, versionId: latest.id, number: latest.number };
  }
  const number = (latest?.number ?? 0) + 1;
  const version = await db.serviceVersion.create({
    data: { tenantId, serviceId: service.id, number, fields: definition.fields, steps: definition.steps },
    select: { id: true },
  });
  return { serviceId: service.id, versionId: version.id, number };
}

/** Gives `memberId` the role in the department at `path` (which must exist). Idempotent. */
export async function assignDepartmentRole(
  db: Db,
  tenantId: string,
  input: { path: string; role: string; memberId: string },
): Promise<void> {
  const department = await db.department.findUnique({ where: { tenantId_path: { tenantId, path: input.path } }, select: { id: true } });
  if (!department) throw new AppError("INVALID_INPUT");
  await db.departmentRole.createMany({
    data: [{ tenantId, departmentId: department.id, role: input.role, memberId: input.memberId }],
    skipDuplicates: true,
  });
}

/** The approver group named by `code` with exactly these members. Returns its id. */
export async function defineApproverGroup(
  db: Db,
  tenantId: string,
  input: { code: string; nameZh: string; nameEn?: string; memberIds: string[] },
): Promise<string> {
  const group = await db.approverGroup.upsert({
    where: { tenantId_code: { tenantId, code: input.code } },
    create: { tenantId, code: input.code, nameZh: input.nameZh, nameEn: input.nameEn ?? "" },
    update: { nameZh: input.nameZh, nameEn: input.nameEn ?? "" },
    select: { id: true },
  });
  await db.approverGroupMember.deleteMany({ where: { groupId: group.id, memberId: { notIn: input.memberIds } } });
  await db.approverGroupMember.createMany({
    data: input.memberIds.map((memberId) => ({ tenantId, groupId: group.id, memberId })),
    skipDuplicates: true,
  });
  return group.id;
}
