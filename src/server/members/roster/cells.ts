// A cell's text made comparable, and the traps spreadsheets set. NFKC turns full-width digits,
// letters and spaces (typed on a Chinese keyboard) into their ASCII forms: the same characters,
// so the report says the value was normalised, and nothing else is changed. What NFKC cannot make
// right — a number Excel turned into 1.10101E+17 or cut to 15 digits — is refused, never guessed.
import type { RawCell } from "./read-rows";

/** Characters that are not there to the reader: zero-width spaces and the BOM some tools paste in. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

export type CleanCell = { value: string; normalised: boolean };

/** NFKC, invisible characters gone, runs of spaces as one, trimmed; `normalised` when more than trimming happened. */
export function cleanCell(cell: RawCell | undefined): CleanCell {
  const raw = cell?.text ?? "";
  const trimmed = raw.trim();
  const value = raw.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  // The export writes '= '+ '- '@ before a value a spreadsheet would run as a formula; read back, it is the value.
  if (/^'[=+\-@]/.test(value)) return { value: value.slice(1), normalised: false };
  return { value, normalised: value !== trimmed };
}

/** 1.10101E+17, 1.38001E+10: a long number as Excel shows it in a narrow General column, and saves it so in CSV. */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;

/**
 * Whether a number-like value (ID number, phone, 学工号) lost its digits to the sheet: written in
 * scientific notation, or stored as a number of more than 15 digits (Excel keeps 15 and fills
 * with zeros), or a number cell with a decimal part.
 */
export function lostToNumberFormat(cell: RawCell | undefined, value: string): boolean {
  if (SCIENTIFIC.test(value)) return true;
  if (!cell?.storedAsNumber) return false;
  const digits = value.replace(/\D/g, "");
  return digits.length > 15 || value.includes(".");
}

/** 18 digits ending 000 in a CSV: Excel's 15 kept digits and three zeros (refused only when the check digit fails too). */
export function looksTruncated(value: string): boolean {
  return /^\d{15}000$/.test(value);
}

/** One way to write a department path, shared with the member form and the department tree. */
export { departmentPath } from "~/server/departments/department-path";
