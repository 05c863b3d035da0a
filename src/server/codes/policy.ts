// The school's verification-code policy, a 1:1 row of its own (CodePolicy). The defaults
// are the database's column defaults and the ranges are CHECK constraints of the
// migration, so a row written by any path is sane; the schema below repeats the ranges
// so a form can say which field is wrong before the database refuses it.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { auditActor, type TenantScope } from "~/server/scope";

/** The same numbers as the CodePolicy_* CHECK constraints (a test holds them together). */
export const CODE_POLICY_BOUNDS = {
  /**
   * Six: fewer digits are too few guesses (4 digits and 5 tries is one chance in 2,000 per code),
   * and Tencent's and Aliyun's code templates take no longer a code.
   */
  length: { min: 6, max: 6 },
  /** Whole minutes, since the message says "valid for N minutes". */
  ttlSeconds: { min: 60, max: 1800 },
  /** At most 5: with six digits, one chance in 200,000 that a code is guessed. */
  maxAttempts: { min: 1, max: 5 },
  resendSeconds: { min: 30, max: 600 },
  /** One member's codes a day to one phone: 20 is already far more than anyone binding a phone needs. */
  dailyCapPerDestination: { min: 1, max: 20 },
  /** High enough for a whole campus behind one NAT address. */
  dailyCapPerAddress: { min: 1, max: 100_000 },
  /** The school's messages a day; the platform's own budget (CODES_PLATFORM_DAILY_BUDGET) bounds every school's together. */
  dailyBudget: { min: 100, max: 200_000 },
} as const;

const bounded = ({ min, max }: { min: number; max: number }) => z.coerce.number().int().min(min).max(max);

export const codePolicyInput = z
  .object({
    length: bounded(CODE_POLICY_BOUNDS.length),
    ttlSeconds: bounded(CODE_POLICY_BOUNDS.ttlSeconds).multipleOf(60, "whole minutes"),
    maxAttempts: bounded(CODE_POLICY_BOUNDS.maxAttempts),
    resendSeconds: bounded(CODE_POLICY_BOUNDS.resendSeconds),
    dailyCapPerDestination: bounded(CODE_POLICY_BOUNDS.dailyCapPerDestination),
    dailyCapPerAddress: bounded(CODE_POLICY_BOUNDS.dailyCapPerAddress),
    /** Optional: a form that does not show it leaves it as it is. */
    dailyBudget: bounded(CODE_POLICY_BOUNDS.dailyBudget).optional(),
  })
  .strict()
  // A resend interval longer than a code's life would leave a member with a dead code and nothing to do.
  .refine((p) => p.resendSeconds <= p.ttlSeconds, { path: ["resendSeconds"], message: "at most the code's lifetime" });
export type CodePolicyInput = z.input<typeof codePolicyInput>;

export const codePolicySelect = {
  length: true,
  ttlSeconds: true,
  maxAttempts: true,
  resendSeconds: true,
  dailyCapPerDestination: true,
  dailyCapPerAddress: true,
  dailyBudget: true,
  updatedAt: true,
} as const satisfies Prisma.CodePolicySelect;

export type CodePolicy = Prisma.CodePolicyGetPayload<{ select: typeof codePolicySelect }>;

/** The school's policy. Every school is created with its row; one missing (a path that forgot it) gets the defaults, and a warning. */
export async function codePolicy(scope: TenantScope): Promise<CodePolicy> {
  const found = await scope.db.codePolicy.findUnique({ where: { tenantId: scope.tenant.id }, select: codePolicySelect });
  if (found) return found;
  scope.log.warn("codes.policy.missing: created with the defaults");
  return scope.db.codePolicy.upsert({
    where: { tenantId: scope.tenant.id },
    create: { tenantId: scope.tenant.id },
    update: {},
    select: codePolicySelect,
  });
}

/** Replaces the school's policy; the change and its audit row (before and after) commit together. */
export async function updateCodePolicy(scope: TenantScope, input: CodePolicyInput): Promise<CodePolicy> {
  const policy = codePolicyInput.parse(input);
  return scope.db.$transaction(async (tx) => {
    const before = await tx.codePolicy.findUnique({ where: { tenantId: scope.tenant.id }, select: codePolicySelect });
    const after = await tx.codePolicy.upsert({
      where: { tenantId: scope.tenant.id },
      create: { tenantId: scope.tenant.id, ...policy },
      update: policy,
      select: codePolicySelect,
    });
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "codes.policy.update",
      target: "CodePolicy",
      detail: { before: before && withoutTimestamp(before), after: withoutTimestamp(after) },
    });
    return after;
  });
}

function withoutTimestamp({ updatedAt: _updatedAt, ...rest }: CodePolicy): Omit<CodePolicy, "updatedAt"> {
  return rest;
}

/** The lifetime as the message states it. */
export function ttlMinutes(policy: Pick<CodePolicy, "ttlSeconds">): number {
  return Math.max(1, Math.round(policy.ttlSeconds / 60));
}
