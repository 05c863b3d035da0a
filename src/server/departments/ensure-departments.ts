// The school's department tree, filled from the members' paths: whoever writes a member's
// department (the roster import, the member form, the demo seed) calls ensureDepartments in the
// same transaction, so a member never names a department the tree lacks. Each new level queues its
// WeCom job (wecom/department-sync.ts) in that transaction too, all of them in one statement: it
// exists if and only if the row does.
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import type { TenantTx } from "~/server/db/tenant-db";
import { enqueueDepartmentSyncMany } from "~/server/wecom/department-sync";
import { departmentLevels } from "./department-path";

/**
 * Adds the levels of `paths` the tree lacks, parents first, and queues their WeCom jobs.
 * Returns how many were added.
 */
export async function ensureDepartments(
  tx: TenantTx,
  scope: { tenant: { id: string }; jobs: PgBoss },
  paths: Iterable<string>,
): Promise<number> {
  const added = await addDepartments(tx, scope.tenant.id, paths);
  await enqueueDepartmentSyncMany(scope.jobs, tx, scope.tenant.id, added);
  return added.length;
}

/**
 * Adds the levels of `paths` the tree lacks, parents first, without their WeCom jobs (the demo
 * seed: a member's sync queues its department's job when it finds none). Returns the ids of the
 * rows it meant to add. Another transaction adding the same path meanwhile is no error
 * (skipDuplicates): its row is the one both use.
 */
export async function addDepartments(tx: TenantTx, tenantId: string, paths: Iterable<string>): Promise<string[]> {
  const levels = departmentLevels(paths);
  if (levels.length === 0) return [];
  const ids = new Map(
    (await tx.department.findMany({ where: { path: { in: levels.map((l) => l.path) } }, select: { id: true, path: true } })).map((d) => [
      d.path,
      d.id,
    ]),
  );
  const missing = levels.filter((l) => !ids.has(l.path));
  if (missing.length === 0) return [];
  // Level by level: a child names its parent's row, which the level before wrote (or found).
  for (let depth = missing[0]!.depth; depth <= missing[missing.length - 1]!.depth; depth++) {
    const rows = missing
      .filter((l) => l.depth === depth)
      .map((l) => ({ id: randomUUID(), tenantId, path: l.path, name: l.name, depth, parentId: ids.get(l.parentPath) ?? null }));
    if (rows.length === 0) continue;
    await tx.department.createMany({ data: rows, skipDuplicates: true });
    const written = await tx.department.findMany({ where: { path: { in: rows.map((r) => r.path) } }, select: { id: true, path: true } });
    for (const d of written) ids.set(d.path, d.id);
  }
  return missing.map((l) => ids.get(l.path)!);
}
