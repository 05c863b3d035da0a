// Checking a code. Every try counts (right or wrong) and is counted by the database in
// one conditional UPDATE, so two tries at once count twice and none slips past the
// limit; a right code is consumed by another conditional UPDATE, so of two identical
// right answers at once exactly one succeeds.
import { z } from "zod";
import { encryptionKey } from "~/server/crypto/keys";
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { codeMatches } from "./code-hash";
import { channelOf, emailDestination, maskDestination, phoneDestination } from "./destination";
import { CODE_PURPOSES, type CodePurpose } from "./purposes";

export const verifyCodeInput = z.object({
  purpose: z.enum(CODE_PURPOSES),
  /** The E.164 phone or e-mail address the code was sent to. */
  destination: z.string().trim().max(254),
  memberId: z.string().uuid().optional(),
  /** As typed: full-width digits and spaces ("１２３ ４５６", pasted from a message) are accepted. */
  code: z
    .string()
    .max(32)
    .transform((typed) => typed.normalize("NFKC").replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{4,6}$/, "the digits of the code")),
});
export type VerifyCodeInput = z.input<typeof verifyCodeInput>;

export type VerifiedCode = { codeId: string; purpose: CodePurpose; destination: string; memberId: string | null };

/**
 * Checks the code and uses it up. Refuses with CODE_WRONG (tries left), CODE_TOO_MANY_ATTEMPTS,
 * CODE_EXPIRED, CODE_ALREADY_USED, CODE_SUPERSEDED or CODE_NOT_REQUESTED.
 */
export function verifyCode(scope: TenantScope, input: VerifyCodeInput): Promise<VerifiedCode> {
  return verifyCodeAndApply(scope, input, (_tx, verified) => Promise.resolve(verified));
}

/**
 * Checks the code, then uses it up in one transaction with `apply`, the change it authorises
 * (binding the phone, setting the password …): if the change fails, the code is not used up
 * and the member may try the change again with it.
 */
export async function verifyCodeAndApply<T>(
  scope: TenantScope,
  rawInput: VerifyCodeInput,
  apply: (tx: TenantTx, verified: VerifiedCode) => Promise<T>,
): Promise<T> {
  const input = verifyCodeInput.parse(rawInput);
  const destination = normaliseDestination(input.destination);
  const memberId = input.memberId ?? null;
  const live = await scope.db.verificationCode.findFirst({
    where: { purpose: input.purpose, destination, memberId, consumedAt: null, supersededAt: null },
    select: { id: true, codeHash: true, expiresAt: true, attempts: true, maxAttempts: true },
  });
  if (!live) throw await whyNoLiveCode(scope, { purpose: input.purpose, destination, memberId });
  const now = new Date();
  if (live.expiresAt <= now) throw new AppError("CODE_EXPIRED");
  if (live.attempts >= live.maxAttempts) throw new AppError("CODE_TOO_MANY_ATTEMPTS");

  // Count the try first; the WHERE re-checks every condition on the row as it is now, after any concurrent try.
  const [counted] = await scope.db.verificationCode.updateManyAndReturn({
    where: { id: live.id, consumedAt: null, supersededAt: null, expiresAt: { gt: now }, attempts: { lt: live.maxAttempts } },
    data: { attempts: { increment: 1 } },
    select: { attempts: true },
  });
  if (!counted) throw await whyNotCounted(scope, live.id);

  const log = scope.log.child({ codeId: live.id, purpose: input.purpose, to: maskDestination(destination) });
  const binding = { id: live.id, tenantId: scope.tenant.id, purpose: input.purpose, destination };
  if (!codeMatches(encryptionKey(), binding, input.code, live.codeHash)) {
    const remaining = live.maxAttempts - counted.attempts;
    log.info({ attempts: counted.attempts, remaining }, "codes.verify.wrong");
    throw remaining > 0 ? new AppError("CODE_WRONG", { remaining }) : new AppError("CODE_TOO_MANY_ATTEMPTS");
  }

  const verified: VerifiedCode = { codeId: live.id, purpose: input.purpose, destination, memberId };
  const result = await scope.db.$transaction(async (tx) => {
    const used = await tx.verificationCode.updateMany({
      where: { id: live.id, consumedAt: null, supersededAt: null, expiresAt: { gt: now } },
      data: { consumedAt: new Date() },
    });
    // Another request with the same right code got here first.
    if (used.count === 0) throw new AppError("CODE_ALREADY_USED");
    return apply(tx, verified);
  });
  log.info("codes.verified");
  return result;
}

function normaliseDestination(raw: string): string {
  const parsed = (channelOf(raw) === "EMAIL" ? emailDestination : phoneDestination).safeParse(raw);
  // A malformed destination never had a code: say so the way a missing code is said.
  if (!parsed.success) throw new AppError("CODE_NOT_REQUESTED");
  return parsed.data;
}

/** The latest code's state explains why none is live: used, or never (successfully) sent. */
async function whyNoLiveCode(
  scope: TenantScope,
  where: { purpose: CodePurpose; destination: string; memberId: string | null },
): Promise<AppError> {
  const latest = await scope.db.verificationCode.findFirst({ where, orderBy: { createdAt: "desc" }, select: { consumedAt: true } });
  return new AppError(latest?.consumedAt ? "CODE_ALREADY_USED" : "CODE_NOT_REQUESTED");
}

/** A concurrent request changed the code between our read and our try. */
async function whyNotCounted(scope: TenantScope, id: string): Promise<AppError> {
  const row = await scope.db.verificationCode.findFirst({
    where: { id },
    select: { consumedAt: true, supersededAt: true, expiresAt: true, attempts: true, maxAttempts: true },
  });
  if (!row) return new AppError("CODE_NOT_REQUESTED");
  if (row.supersededAt) return new AppError("CODE_SUPERSEDED");
  if (row.consumedAt) return new AppError("CODE_ALREADY_USED");
  if (row.attempts >= row.maxAttempts) return new AppError("CODE_TOO_MANY_ATTEMPTS");
  return new AppError("CODE_EXPIRED");
}
