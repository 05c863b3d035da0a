// The columns a roster file may have, and the headers schools give them. A file's header row is
// mapped to these fields by name (Chinese or English, as the school's own systems export them);
// the admin overrides the mapping on the preview when a header says something else.
import { z } from "zod";

export const ROSTER_FIELDS = ["account", "name", "identityKind", "department", "phone", "email", "idType", "idNumber"] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** A column's role: one of the fields, or left out of the import. */
export const columnRole = z.enum([...ROSTER_FIELDS, "ignore"]);
export type ColumnRole = z.infer<typeof columnRole>;
/** Column index (0-based, as the file has it) → role. */
export const columnMapping = z.array(columnRole).max(200);
export type ColumnMapping = z.infer<typeof columnMapping>;

/** The fields a row cannot be imported without. */
export const REQUIRED_FIELDS: readonly RosterField[] = ["account", "name"];

/** What the export writes as headers (so an export re-imports unchanged), in this order. */
export const EXPORT_HEADERS: Record<RosterField, string> = {
  account: "学工号",
  name: "姓名",
  identityKind: "身份类型",
  department: "院系/部门",
  phone: "手机号",
  email: "邮箱",
  idType: "证件类型",
  idNumber: "证件号码",
};

const ALIASES: Record<RosterField, readonly string[]> = {
  account: [
    "学工号",
    "学号",
    "工号",
    "账号",
    "帐号",
    "学号/工号",
    "学号工号",
    "考生号",
    "用户名",
    "account",
    "accountnumber",
    "studentid",
    "staffid",
    "userid",
    "username",
  ],
  name: ["姓名", "名字", "name", "fullname"],
  identityKind: ["身份类型", "身份", "人员类型", "用户类型", "类别", "identitykind", "identity", "kind", "type", "persontype"],
  department: [
    "院系/部门",
    "院系",
    "部门",
    "学院",
    "院系部门",
    "所在部门",
    "单位",
    "组织",
    "department",
    "dept",
    "school",
    "faculty",
    "organisation",
    "organization",
  ],
  phone: ["手机号", "手机", "手机号码", "联系电话", "电话", "mobile", "phone", "mobilephone", "cellphone", "tel"],
  email: ["邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail"],
  idType: ["证件类型", "idtype", "documenttype", "iddocumenttype"],
  idNumber: ["证件号码", "证件号", "身份证号", "身份证号码", "idnumber", "idno", "documentnumber", "idcard", "idcardnumber"],
};

/** A header as compared: NFKC (full-width letters), no spaces, underscores or stars (必填 marks), lower-case. */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/[\s_*＊()（）]|必填|选填/g, "")
    .toLowerCase();
}

const BY_HEADER = new Map<string, RosterField>(
  ROSTER_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [headerKey(alias), field] as const)),
);

/** The field a header names, if any. */
export function fieldOfHeader(header: string): RosterField | undefined {
  return BY_HEADER.get(headerKey(header));
}

/** Each header's field; a field named twice is taken by its first column only, so no value is read twice. */
export function mapHeaders(headers: readonly string[]): ColumnMapping {
  const taken = new Set<RosterField>();
  return headers.map((header) => {
    const field = fieldOfHeader(header);
    if (!field || taken.has(field)) return "ignore";
    taken.add(field);
    return field;
  });
}

/** The fields the mapping leaves out that a row cannot do without. */
export function missingRequired(mapping: ColumnMapping): RosterField[] {
  return REQUIRED_FIELDS.filter((field) => !mapping.includes(field));
}
