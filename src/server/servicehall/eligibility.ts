// Who may apply for a service: its identity kinds (IdentityKind.code; 考生 are usually not among
// them), and, when it names department paths, members of those departments or any below them.
// An inactive service takes no new applications.

export type ServiceAudience = { active: boolean; identityKinds: readonly string[]; departmentPrefixes: readonly string[] };
export type Applicant = { identityKindCode: string; department: string };

/** Whether `department` is `prefix` or lies under it (「计算机学院/软件工程」 is under 「计算机学院」, 「计算机学院二部」 is not). */
export function inDepartment(department: string, prefix: string): boolean {
  const d = department.trim();
  const p = prefix.trim().replace(/\/+$/, "");
  return p !== "" && (d === p || d.startsWith(`${p}/`));
}

export function mayApply(service: ServiceAudience, applicant: Applicant): boolean {
  if (!service.active) return false;
  if (!service.identityKinds.includes(applicant.identityKindCode)) return false;
  return service.departmentPrefixes.length === 0 || service.departmentPrefixes.some((p) => inDepartment(applicant.department, p));
}
