// One row of the file read into the directory's terms, with what is wrong with it on its own
// (before the rest of the file and the directory are consulted: judge-row.ts). Every value is
// normalised the way the directory compares it; a value that cannot be made right is a problem.
import { z } from "zod";
import { ACCOUNT_PATTERN } from "../account";
import { countryAllowed } from "../phone-policy";
import { countryCallingCode, normalisePhone } from "../phone";
import { cleanCell, departmentPath, looksTruncated, lostToNumberFormat, type CleanCell } from "./cells";
import type { ColumnMapping, RosterField } from "./fields";
import { checkResidentId } from "../id-number";
import { isResidentIdType } from "./id-types";
import type { RawCell, RawRow } from "./read-rows";
import type { RowProblem } from "./report";

/** The values a row sets, in the directory's form; a field left out (unmapped or empty) keeps the member's value. */
export type RowValues = Partial<{
  name: string;
  identityKindId: string;
  department: string;
  phone: string;
  phoneDisplay: string;
  email: string;
  idType: string;
  idNumber: string;
}>;

export type ParsedRow = {
  row: number;
  account: string;
  /** The identity kind as written, for grouping accounts by kind (their lengths differ between students and staff). */
  kindKey: string;
  values: RowValues;
  problems: RowProblem[];
  normalised: RosterField[];
};

export type KindLookup = { find(value: string): string | undefined; names: string };
export type PhoneRules = { allowForeign: boolean; allowedCountryCodes: readonly string[] };

const emailSchema = z.string().email().max(254);
const RESIDENT_ID = "居民身份证";

function cellsByField(raw: RawRow, mapping: ColumnMapping): Map<RosterField, RawCell> {
  const cells = new Map<RosterField, RawCell>();
  mapping.forEach((role, index) => {
    if (role !== "ignore" && !cells.has(role)) cells.set(role, raw.cells[index] ?? { text: "", storedAsNumber: false });
  });
  return cells;
}

function phoneProblem(value: string, rules: PhoneRules): RowProblem | { e164: string; display: string } {
  const phone = normalisePhone(value, { allowForeign: rules.allowForeign });
  if (!phone.ok)
    return {
      field: "phone",
      code: phone.reason === "FOREIGN_NOT_ALLOWED" ? "PHONE_FOREIGN_NOT_ALLOWED" : "PHONE_INVALID",
      vars: { value },
    };
  const code = countryCallingCode(phone.e164);
  if (!countryAllowed(rules, code)) return { field: "phone", code: "PHONE_COUNTRY_NOT_ALLOWED", vars: { value, country: `+${code}` } };
  return { e164: phone.e164, display: phone.display };
}

function idNumberProblem(idType: string, idNumber: string): RowProblem | null {
  if (isResidentIdType(idType)) {
    const verdict = checkResidentId(idNumber);
    if (verdict === "ok") return null;
    // Excel keeps 15 digits of a number: 18 digits ending 000 with a wrong check character were a number cell.
    if (verdict === "checkDigit" && looksTruncated(idNumber)) return { field: "idNumber", code: "STORED_AS_NUMBER" };
    return { field: "idNumber", code: verdict === "format" ? "ID_NUMBER_FORMAT" : "ID_CHECK_DIGIT" };
  }
  return /^[0-9A-Z()-]{4,32}$/.test(idNumber) ? null : { field: "idNumber", code: "ID_NUMBER_FORMAT" };
}

type Ctx = { kinds: KindLookup; phone: PhoneRules };

function readField(row: ParsedRow, field: RosterField, cell: RawCell, clean: CleanCell, ctx: Ctx): void {
  const { value } = clean;
  const problem = (code: RowProblem["code"], vars?: RowProblem["vars"]) => {
    row.problems.push({ field, code, ...(vars ? { vars } : {}) });
  };
  const numeric = field === "account" || field === "phone" || field === "idNumber";
  if (numeric && value && lostToNumberFormat(cell, value)) return problem("STORED_AS_NUMBER", { value });
  if (field === "account") {
    if (!value) problem("ACCOUNT_MISSING");
    else if (!ACCOUNT_PATTERN.test(value)) problem("ACCOUNT_FORMAT", { value });
  } else if (field === "name") {
    if (!value) problem("NAME_MISSING");
    else if (value.length > 100) problem("NAME_TOO_LONG");
    else row.values.name = value;
  } else if (!value) {
    // An empty cell keeps what the directory holds: a roster without phones never clears the phones members bound.
    return;
  } else if (field === "identityKind") {
    const id = ctx.kinds.find(value);
    if (id) row.values.identityKindId = id;
    else problem("KIND_UNKNOWN", { value, known: ctx.kinds.names });
  } else if (field === "department") {
    const path = departmentPath(value);
    if (path.length > 200) problem("DEPARTMENT_TOO_LONG");
    else row.values.department = path;
  } else if (field === "phone") {
    const phone = phoneProblem(value, ctx.phone);
    if ("code" in phone) row.problems.push(phone);
    else Object.assign(row.values, { phone: phone.e164, phoneDisplay: phone.display });
  } else if (field === "email") {
    if (emailSchema.safeParse(value).success) row.values.email = value;
    else problem("EMAIL_INVALID", { value });
  } else if (field === "idType") {
    if (value.length > 32) problem("ID_TYPE_TOO_LONG");
    else row.values.idType = value;
  } else if (!value.includes("*")) {
    // A masked number (an export without ID numbers, 1101**********1234) keeps the member's.
    row.values.idNumber = value.replace(/\s/g, "").toUpperCase();
  }
}

/**
 * The row read field by field; only `fields` when given (the first pass over a file needs the
 * account, phone and e-mail of each row, and reading the rest there was a quarter of its time).
 */
export function parseRow(raw: RawRow, mapping: ColumnMapping, ctx: Ctx, fields?: ReadonlySet<RosterField>): ParsedRow {
  const cells = cellsByField(raw, mapping);
  const account = cleanCell(cells.get("account"));
  const row: ParsedRow = {
    row: raw.rowNumber,
    account: account.value,
    kindKey: cleanCell(cells.get("identityKind")).value.toLowerCase(),
    values: {},
    problems: [],
    normalised: [],
  };
  for (const [field, cell] of cells) {
    if (fields && !fields.has(field)) continue;
    const clean = cleanCell(cell);
    if (clean.normalised && clean.value) row.normalised.push(field);
    readField(row, field, cell, clean, ctx);
  }
  if (row.values.idNumber !== undefined) {
    const idType = row.values.idType ?? "";
    const problem = idNumberProblem(idType, row.values.idNumber);
    if (problem) row.problems.push(problem);
    // A number without its type is a resident ID card's (checked as one above).
    if (!idType) row.values.idType = RESIDENT_ID;
  }
  return row;
}
