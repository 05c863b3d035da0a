// The school's department tree in WeCom, through the durable jobs (sync.ts). WeCom wants a
// department created before its members and the creates serialised (reference §2.1 "Limits",
// OFF 90341): a department's job (department.create) runs before the member jobs queued beside
// it (a higher priority), creates it under its parent's WeCom id (the root, 1, for a top level;
// reference §6), and a child whose parent is not in WeCom yet waits: the parent's job queues it
// again once the parent is there. So does a member job whose department is not there yet.
// WeCom refuses a second department of the same name under one parent (60008): the one already
// there (made in WeCom's console, or by a run that died before recording it) is adopted.
import type PgBoss from "pg-boss";
import { audit } from "~/server/audit/audit";
import { ensureDepartments } from "~/server/departments/ensure-departments";
import { departmentPath } from "~/server/departments/department-path";
import type { TenantDb, TenantTx } from "~/server/db/tenant-db";
import type { WecomClient } from "./client";
import { wecomClientFor } from "./client-for";
import { WecomApiError } from "./errors";
import { enqueueWecomSync, enqueueWecomSyncMany, type sendInTransactionExecutor } from "./sync";
import type { WecomJobScope } from "./sync-deps";

/** WeCom's root department: the school itself (reference §6, "the root department is 1"). */
export const ROOT_DEPARTMENT_ID = 1;

/** Department jobs are fetched before member jobs queued with them (pg-boss takes the highest priority first). */
const DEPARTMENT_JOB_PRIORITY = 10;

/** Jobs that have not started: a member or department they are about will be brought up to date when they run. */
const WAITING_STATES = ["QUEUED", "RETRYING"] as const;

export function enqueueDepartmentSync(boss: PgBoss, tx: sendInTransactionExecutor, tenantId: string, departmentId: string) {
  return enqueueWecomSync(boss, tx, { kind: "department.create", tenantId, departmentId }, { priority: DEPARTMENT_JOB_PRIORITY });
}

/** Many new departments' jobs in one statement (an import's tree of hundreds of classes): see enqueueWecomSyncMany. */
export function enqueueDepartmentSyncMany(boss: PgBoss, tx: sendInTransactionExecutor, tenantId: string, departmentIds: readonly string[]) {
  return enqueueWecomSyncMany(
    boss,
    tx,
    departmentIds.map((departmentId) => ({ kind: "department.create" as const, tenantId, departmentId })),
    { priority: DEPARTMENT_JOB_PRIORITY },
  );
}

/**
 * The WeCom department a member with this path belongs in: the root for none, its department's
 * WeCom id, or null while that department is not in WeCom yet. Then its job is made sure of
 * (a tree filled before departments were synced has rows but no jobs), and the department's job
 * queues the member again once it has its id.
 */
export async function wecomDepartmentFor(scope: WecomJobScope, department: string): Promise<number | null> {
  const path = departmentPath(department);
  if (!path) return ROOT_DEPARTMENT_ID;
  const row = await scope.db.department.findFirst({ where: { path }, select: { id: true, wecomId: true } });
  if (row?.wecomId) return row.wecomId;
  if (row) await queueUnlessWaiting(scope, row.id);
  else await scope.db.$transaction((tx) => ensureDepartments(tx, scope, [path]));
  return null;
}

async function queueUnlessWaiting(scope: WecomJobScope, departmentId: string): Promise<void> {
  await scope.db.$transaction(async (tx) => {
    const live = await tx.wecomJob.count({
      where: { kind: "department.create", subject: departmentId, state: { in: ["QUEUED", "ACTIVE", "RETRYING"] } },
    });
    if (live === 0) await enqueueDepartmentSync(scope.jobs, tx, scope.tenant.id, departmentId);
  });
}

/** The job: creates (or adopts) the department under its parent and records its WeCom id, then releases what waited for it. */
export async function syncDepartment(scope: WecomJobScope, job: { departmentId: string }): Promise<void> {
  const { db } = scope;
  const department = await db.department.findUnique({
    where: { id: job.departmentId },
    select: { id: true, path: true, name: true, wecomId: true, parent: { select: { id: true, wecomId: true } } },
  });
  if (!department) return;
  if (department.wecomId === null) {
    const parentId = department.parent ? department.parent.wecomId : ROOT_DEPARTMENT_ID;
    // The parent's own job queues this one once the parent is in WeCom.
    if (parentId === null) return queueUnlessWaiting(scope, department.parent!.id);
    const client = await wecomClientFor(scope, scope.wecom);
    const { wecomId, adopted } = await createOrAdopt(client, department.name, parentId);
    await db.$transaction(async (tx) => {
      // A second job for it that ran alongside (its parent's job queued it again) found this one's
      // department by name and adopted it: the first record stands.
      const recorded = await tx.department.updateMany({
        where: { id: department.id, wecomId: null },
        data: { wecomId, state: adopted ? "ADOPTED" : "CREATED" },
      });
      if (recorded.count === 0) return;
      await audit(tx, {
        actorKind: "system",
        action: adopted ? "wecom.department.adopted" : "wecom.department.created",
        target: department.path,
        detail: { wecomId, parentid: parentId },
      });
    });
    department.wecomId = (await db.department.findUniqueOrThrow({ where: { id: department.id }, select: { wecomId: true } })).wecomId;
  }
  // After the id's commit, so a job that started before it and found no id is seen here as started
  // (not waiting) and queued again. A retry of a job that died here comes this way too.
  await db.$transaction((tx) => releaseWaiting(scope, tx, department.id, department.path, department.wecomId!));
}

/** Queues the child departments not in WeCom and the members not in this WeCom department, unless a job of theirs has yet to start. */
async function releaseWaiting(scope: WecomJobScope, tx: TenantTx, departmentId: string, path: string, wecomId: number): Promise<void> {
  const tenantId = scope.tenant.id;
  const children = await tx.department.findMany({ where: { parentId: departmentId, wecomId: null }, select: { id: true } });
  for (const id of await notWaiting(
    tx,
    "department.create",
    children.map((c) => c.id),
  )) {
    await enqueueDepartmentSync(scope.jobs, tx, tenantId, id);
  }
  const members = await tx.member.findMany({
    where: {
      department: path,
      OR: [{ phone: { not: null } }, { email: { not: null } }],
      NOT: { wecom: { is: { writtenAt: { not: null }, departmentId: wecomId } } },
    },
    select: { id: true },
  });
  for (const memberId of await notWaiting(
    tx,
    "member.upsert",
    members.map((m) => m.id),
  )) {
    await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", tenantId, memberId });
  }
}

async function notWaiting(tx: TenantTx | TenantDb, kind: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const waiting = await tx.wecomJob.findMany({
    where: { kind, subject: { in: ids }, state: { in: [...WAITING_STATES] } },
    select: { subject: true },
  });
  const skip = new Set(waiting.map((w) => w.subject));
  return ids.filter((id) => !skip.has(id));
}

/**
 * department/create under `parentid`; on 60008 (a sibling has the name, reference §6 "unique among
 * siblings") the sibling is found and taken over. department/list would name it but answers 48009
 * to the contact-sync token from a new IP (reference §7.5), so the parent's children are listed
 * with department/simplelist and read one by one with department/get.
 */
async function createOrAdopt(client: WecomClient, name: string, parentid: number): Promise<{ wecomId: number; adopted: boolean }> {
  try {
    return { wecomId: await client.createDepartment({ name, parentid }), adopted: false };
  } catch (error) {
    if (!(error instanceof WecomApiError && error.errcode === 60008)) throw error;
    const siblings = (await client.listDepartmentIds(parentid)).filter((d) => d.parentid === parentid && d.id !== parentid);
    for (const sibling of siblings) {
      if ((await client.getDepartment(sibling.id)).name === name) return { wecomId: sibling.id, adopted: true };
    }
    throw error;
  }
}
