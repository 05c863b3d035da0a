// Who the school's server says signed in, in the platform's terms, before the
// directory is asked: the account (学号 / 工号 / 考生号) from the attribute or
// claim the school configured (accountAttribute; cas:user or sub
// by default — never a display name, reference §3.11), the name the school
// gives, and the identity kind where the school's attributes carry one.
import { AppError } from "~/server/errors";
import { normaliseAccount } from "~/server/members/account";

export type SchoolIdentity = {
  account: string;
  /** cn / userName / displayName / name, for the page that says who signed in; never a key. */
  name: string | null;
  /** Values the school gives for the person's kind (identity_kind, memberOf, userType …), matched against the school's identity kinds. */
  kindHints: string[];
};

/** Where schools put a person's name, in the order Wisedu's own portal reads it (reference §2.2). */
export const NAME_ATTRIBUTES = ["cn", "userName", "displayName", "name", "username"];

/** Where schools put a person's kind (reference §2.2–2.3; the OIDC simulator's `campus` scope). */
export const KIND_ATTRIBUTES = ["identity_kind", "memberOf", "userType", "usertype", "eduPersonAffiliation", "person_type"];

/** The first value of the first of `names` that has one. */
export function firstValue(values: Record<string, readonly string[]>, names: readonly string[]): string | null {
  for (const name of names) {
    const found = values[name]?.find((v) => v.trim() !== "");
    if (found) return found.trim();
  }
  return null;
}

/**
 * The account as the directory keys it: NFKC (a full-width 学号 is the ASCII one), at most 64
 * characters. A school that names nobody, or someone no directory could hold, is refused.
 */
export function accountFromSchool(raw: string | null, attribute: string): string {
  const account = raw === null ? "" : normaliseAccount(raw);
  if (account === "" || account.length > 64 || /[\u0000-\u001f\u007f]/.test(account)) {
    throw new AppError("SSO_ACCOUNT_MISSING", { attribute });
  }
  return account;
}

export function kindHintsOf(values: Record<string, readonly string[]>): string[] {
  return KIND_ATTRIBUTES.flatMap((name) => values[name] ?? [])
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
