// A row judged against the rest of the file and the directory: refused with its reasons, or a
// new member, an update (with the fields it changes), or unchanged — so importing the same file
// twice changes nothing the second time.
import type { RosterField } from "./fields";
import type { FileFacts } from "./file-facts";
import type { ParsedRow, RowValues } from "./parse-row";
import type { ReportRow, RowProblem } from "./report";

/** A member of the directory as the import compares it. */
export type ExistingMember = {
  id: string;
  account: string;
  name: string;
  identityKindId: string;
  department: string;
  phone: string | null;
  phoneDisplay: string | null;
  email: string | null;
  idType: string | null;
  idNumberHash: string | null;
  /** WeCom holds the member as activated: a phone change there needs the admin's consent (member page). */
  wecomActivated: boolean;
};

export type RowSurroundings = {
  file: FileFacts;
  existing: ExistingMember | undefined;
  /** The account that holds the row's phone (or e-mail) in the directory, if any. */
  phoneHolder: string | undefined;
  emailHolder: string | undefined;
  /** The school's only identity kind, for new members of a file without one. */
  defaultKindId: string | undefined;
  idNumberHash: (idNumber: string) => string;
};

export type Verdict = ReportRow & { values: RowValues; existingId: string | undefined };

const sameAccount = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function relationalProblems(row: ParsedRow, s: RowSurroundings): RowProblem[] {
  const problems: RowProblem[] = [];
  const others = row.account ? s.file.otherRowsOf(row.account, row.row) : [];
  if (others.length > 0) problems.push({ field: "account", code: "ACCOUNT_DUPLICATE_IN_FILE", vars: { rows: others.join("、") } });
  const fixed = s.file.fixedAccountLength(row.kindKey);
  if (fixed !== undefined && /^\d+$/.test(row.account) && row.account.length < fixed)
    problems.push({ field: "account", code: "ACCOUNT_LEADING_ZEROS", vars: { length: fixed, padded: row.account.padStart(fixed, "0") } });
  const { phone, email } = row.values;
  const phoneClaim = phone ? s.file.phoneClaimedBefore(phone, row) : undefined;
  if (phoneClaim) problems.push({ field: "phone", code: "PHONE_HELD_IN_FILE", vars: { row: phoneClaim.row, account: phoneClaim.account } });
  else if (s.phoneHolder && !sameAccount(s.phoneHolder, row.account))
    problems.push({ field: "phone", code: "PHONE_HELD_IN_DIRECTORY", vars: { account: s.phoneHolder } });
  const emailClaim = email ? s.file.emailClaimedBefore(email, row) : undefined;
  if (emailClaim) problems.push({ field: "email", code: "EMAIL_HELD_IN_FILE", vars: { row: emailClaim.row, account: emailClaim.account } });
  else if (s.emailHolder && !sameAccount(s.emailHolder, row.account))
    problems.push({ field: "email", code: "EMAIL_HELD_IN_DIRECTORY", vars: { account: s.emailHolder } });
  return problems;
}

/** The fields whose values differ from the member's (an ID number compared by its blind index, never decrypted). */
function changedFields(values: RowValues, member: ExistingMember, idNumberHash: (n: string) => string): RosterField[] {
  const changes: RosterField[] = [];
  if (values.name !== undefined && values.name !== member.name) changes.push("name");
  if (values.identityKindId !== undefined && values.identityKindId !== member.identityKindId) changes.push("identityKind");
  if (values.department !== undefined && values.department !== member.department) changes.push("department");
  if (values.phone !== undefined && (values.phone !== member.phone || values.phoneDisplay !== member.phoneDisplay)) changes.push("phone");
  if (values.email !== undefined && values.email !== member.email) changes.push("email");
  if (values.idType !== undefined && values.idType !== member.idType) changes.push("idType");
  if (values.idNumber !== undefined && idNumberHash(values.idNumber) !== member.idNumberHash) changes.push("idNumber");
  return changes;
}

export function judgeRow(row: ParsedRow, s: RowSurroundings): Verdict {
  const problems = [...row.problems, ...relationalProblems(row, s)];
  const values = { ...row.values };
  if (values.identityKindId === undefined && !s.existing) {
    if (s.defaultKindId) values.identityKindId = s.defaultKindId;
    else if (!problems.some((p) => p.field === "identityKind")) problems.push({ field: "identityKind", code: "KIND_MISSING" });
  }
  const changes = s.existing ? changedFields(values, s.existing, s.idNumberHash) : [];
  if (s.existing?.wecomActivated && changes.includes("phone"))
    problems.push({ field: "phone", code: "PHONE_CHANGE_NEEDS_CONSENT", vars: { account: s.existing.account } });
  const outcome = problems.length > 0 ? "refused" : !s.existing ? "create" : changes.length > 0 ? "update" : "unchanged";
  return {
    row: row.row,
    account: row.account,
    outcome,
    problems,
    normalised: row.normalised,
    changes,
    values,
    existingId: s.existing?.id,
  };
}
