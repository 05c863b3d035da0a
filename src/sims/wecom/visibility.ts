// Which members an app may see (its 可见范围): the members of its visible departments and their
// subtrees, plus its listed users. Used for reads with an app token, message recipients, the app
// list a member sees on the phone page, and subscribe/unsubscribe events.
import type { App, Corp, Member } from "./state";

/** True when `id` is `ancestor` or lies below it. Walks up the parents, guarding against cycles. */
export function isInSubtree(corp: Corp, id: number, ancestor: number): boolean {
  const seen = new Set<number>();
  let current: number | undefined = id;
  while (current !== undefined && !seen.has(current)) {
    if (current === ancestor) return true;
    seen.add(current);
    const dept = corp.departments.find((d) => d.id === current);
    current = dept && dept.parentid !== dept.id ? dept.parentid : undefined;
  }
  return false;
}

export function isDepartmentVisible(corp: Corp, app: App, departmentId: number): boolean {
  return app.visibleDepartments.some((root) => isInSubtree(corp, departmentId, root));
}

export function isMemberVisible(corp: Corp, app: App, member: Member): boolean {
  if (app.visibleUsers.some((u) => u.toLowerCase() === member.userid.toLowerCase())) return true;
  return member.department.some((d) => isDepartmentVisible(corp, app, d));
}
