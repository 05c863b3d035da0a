// A built-in school's initial passwords by rule (西安文理学院: the last 8 characters of the ID
// number). A member loaded by the roster import or the member form has no password hash: hashing
// 100,000 of them with argon2id at import would take the machine most of an hour, and a hash made
// from the ID number is no safer than the sealed number it comes from. So the initial password is
// derived at sign-in from the sealed ID number, compared in constant time, and on the first right
// answer it becomes an ordinary argon2id hash (and, if the school says so, must be changed).
import { timingSafeEqual } from "node:crypto";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, sealContext } from "~/server/crypto/secrets";
import { hashPassword } from "~/server/auth/passwords";
import type { TenantScope } from "~/server/scope";

type Rule = "NONE" | "ID_NUMBER_LAST8";

/** What a rule makes of an ID number, or null when the rule gives this member no password. */
export function initialPasswordByRule(rule: Rule, idNumber: string | null): string | null {
  if (rule !== "ID_NUMBER_LAST8" || !idNumber || idNumber.length < 8) return null;
  return idNumber.slice(-8);
}

/** Whether `typed` is the initial password (constant time; a resident ID's final x may be typed in lower case). */
export function isInitialPassword(initial: string, typed: string): boolean {
  const a = Buffer.from(initial.toUpperCase());
  const b = Buffer.from(typed.toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The member's initial password under the school's rule, for one who has no password yet. */
export async function initialPasswordOf(scope: TenantScope, member: { id: string; idNumberEnc: string | null }): Promise<string | null> {
  const policy = await scope.db.passwordPolicy.findUniqueOrThrow({
    where: { tenantId: scope.tenant.id },
    select: { initialPasswordRule: true },
  });
  if (policy.initialPasswordRule === "NONE" || !member.idNumberEnc) return null;
  const idNumber = decryptSecret(member.idNumberEnc, encryptionKey(), sealContext("Member", "idNumberEnc", member.id));
  return initialPasswordByRule(policy.initialPasswordRule, idNumber);
}

/** The initial password, once proved right, kept as an ordinary hash; the school decides whether it must be changed first. */
export async function adoptInitialPassword(scope: TenantScope, memberId: string, password: string): Promise<void> {
  const policy = await scope.db.passwordPolicy.findUniqueOrThrow({
    where: { tenantId: scope.tenant.id },
    select: { mustChangeInitial: true },
  });
  const passwordHash = await hashPassword(password);
  // Only if still without one: two first sign-ins at once keep the first's hash, which is the same password.
  await scope.db.member.updateMany({
    where: { id: memberId, passwordHash: null },
    data: { passwordHash, mustChangePassword: policy.mustChangeInitial },
  });
}
