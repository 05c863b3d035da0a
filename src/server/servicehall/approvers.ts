// Who decides a step of an application (definition.ts stepAssignment), resolved when the
// application reaches the step: named members; the holders of a role (e.g. 辅导员) in the
// applicant's department, or in the nearest department above it that has the role; or the members
// of an approver group. The applicant never decides their own application. Members who are gone
// from the directory drop out; a step left with nobody refuses to go on (HALL_NO_APPROVER), so an
// application never waits for no one.
import { AppError } from "~/server/errors";
import type { TenantTx } from "~/server/db/tenant-db";
import type { ApprovalStep } from "./definition";

/** A department path and every path above it, deepest first: 「计算机学院/软件工程/1班」 → itself, 「计算机学院/软件工程」, 「计算机学院」. */
export function departmentAncestry(path: string): string[] {
  const parts = path
    .split("/")
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.map((_, i) => parts.slice(0, parts.length - i).join("/"));
}

export async function stepApprovers(tx: TenantTx, step: ApprovalStep, applicant: { id: string; department: string }): Promise<string[]> {
  const assign = step.assign;
  let ids: string[] = [];
  if (assign.kind === "members") {
    const found = await tx.member.findMany({ where: { id: { in: assign.memberIds } }, select: { id: true } });
    ids = found.map((m) => m.id);
  } else if (assign.kind === "group") {
    const found = await tx.approverGroupMember.findMany({ where: { groupId: assign.groupId }, select: { memberId: true } });
    ids = found.map((m) => m.memberId);
  } else {
    const paths = departmentAncestry(applicant.department);
    if (paths.length > 0) {
      const holders = await tx.departmentRole.findMany({
        where: { role: assign.role, department: { path: { in: paths } } },
        select: { memberId: true, department: { select: { path: true } } },
      });
      // The nearest department that has the role decides; those above it do not.
      const nearest = paths.find((p) => holders.some((h) => h.department.path === p));
      ids = holders.filter((h) => h.department.path === nearest).map((h) => h.memberId);
    }
  }
  return [...new Set(ids)].filter((id) => id !== applicant.id).sort();
}

/** The step's approvers, or HALL_NO_APPROVER naming the step (1-based) when there is nobody. */
export async function requireStepApprovers(
  tx: TenantTx,
  steps: readonly ApprovalStep[],
  index: number,
  applicant: { id: string; department: string },
): Promise<string[]> {
  const step = steps[index]!;
  const ids = await stepApprovers(tx, step, applicant);
  if (ids.length === 0) {
    throw new AppError("HALL_NO_APPROVER", { step: index + 1 });
  }
  return ids;
}
