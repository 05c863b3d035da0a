// 学工号 as the school's directory and WeCom know them. One normalisation at
// every edge (admin forms, sign-in identifiers, imports): NFKC, so full-width
// characters typed on a Chinese keyboard become ASCII, then trimmed. Case is
// kept as typed, but accounts are unique per school whatever their case (the
// index Member_tenantId_account_ci_key), because WeCom userids ignore case.
import { z } from "zod";

/** The same rule as the database's CHECK Member_account_format. */
export const ACCOUNT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

export function normaliseAccount(value: string): string {
  return value.normalize("NFKC").trim();
}

/** A 学工号 as input: normalised, then held to the account pattern. */
export const accountInput = z
  .string()
  .max(256)
  .transform(normaliseAccount)
  .pipe(
    z.string().regex(ACCOUNT_PATTERN, {
      message:
        "学工号须以字母或数字开头，只含字母、数字和 _ . @ -，最多 64 位 / Account: letters, digits and _ . @ -, starting with a letter or digit, at most 64",
    }),
  );
