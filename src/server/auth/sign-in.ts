// Checking a password for each kind of account, with the lockout policy. Every
// failure is an AppError whose message tells the person what to do next, and
// no answer tells whether an account exists or is disabled: an unknown account
// counts down and locks like a real one, a disabled one answers like a wrong
// password. Throttles (sign-in-throttle.ts), then the account's lockout, run
// before any password work; the work itself waits its turn in the school's lane.
import type { PrismaClient } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { TenantContext } from "~/server/tenants/tenant-context";
import { tenantDb } from "~/server/db/tenant-db";
import { audit, type AuditEntry } from "~/server/audit/audit";
import {
  checkPasswordWithLockout,
  DEFAULT_LOCKOUT,
  isLocked,
  type AccountTable,
  type LockableAccount,
  type LockoutPolicy,
  type PasswordOutcome,
} from "./lockout";
import { countSignInFailure, signInLane, throttleSignIn, type SignInScope } from "./sign-in-throttle";
import { checkUnknownAccount, unknownAccountKey } from "./unknown-account-lockout";
import type { SessionClaims } from "./session-user";
import { assertVendorAddressAllowed } from "./vendor-access";
import { consumeVendorCode } from "./vendor-second-factor";

type Attempt = { identifier: string; password: string; host: string; ip: string | null };
/** What the shared check needs of a try: the host is the session's business, not the password's. */
type PasswordAttempt = Pick<Attempt, "identifier" | "password" | "ip">;

const lockable = { id: true, passwordHash: true, failedLoginCount: true, lockedUntil: true, sessionVersion: true } as const;

type AuditWriter = Parameters<typeof audit>[0];

export type SignInFlow = {
  table: AccountTable;
  kind: SignInScope["kind"];
  /** The audit actions' prefix: member, admin, vendor. */
  action: "member" | "admin" | "vendor";
  tenantKey: string;
  policy: LockoutPolicy;
  /** The tenant-bound client for a school's log, the plain one for the vendor's. */
  log: AuditWriter;
};

type FailureReason = "wrong_password" | "unknown_account" | "disabled" | "locked";

function throwOnFailure(outcome: Exclude<PasswordOutcome, { ok: true }>): never {
  if (outcome.code === "ACCOUNT_LOCKED") throw new AppError("ACCOUNT_LOCKED", { minutes: outcome.minutesLeft });
  throw new AppError("BAD_CREDENTIALS_REMAINING", { remaining: outcome.remaining });
}

async function auditFailure(
  flow: SignInFlow,
  account: { id: string } | null,
  attempt: PasswordAttempt,
  outcome: Exclude<PasswordOutcome, { ok: true }>,
  reason: FailureReason,
) {
  // The identifier as typed (never the password), so an admin sees what was tried on unknown accounts too.
  const base: Omit<AuditEntry, "action"> = {
    actorKind: flow.kind,
    actorId: account?.id ?? null,
    target: attempt.identifier.slice(0, 64),
    ip: attempt.ip,
  };
  await audit(flow.log, { ...base, action: `${flow.action}.login.failed`, detail: { reason } });
  if (outcome.code === "ACCOUNT_LOCKED" && outcome.lockedNow) {
    await audit(flow.log, { ...base, action: `${flow.action}.login.locked`, detail: { minutes: outcome.minutesLeft } });
  }
}

/**
 * The account, once the throttles let the try through and its password is right; it is not locked and not disabled.
 * Every password sign-in of the platform goes through here: a school's built-in directory (identity/builtin.ts),
 * its back office and the vendor console.
 */
export async function checkSignInAttempt<A extends LockableAccount & { disabled?: boolean }>(
  prisma: PrismaClient,
  { flow, account, attempt }: { flow: SignInFlow; account: A | null; attempt: PasswordAttempt },
): Promise<A> {
  const scope: SignInScope = { tenantKey: flow.tenantKey, kind: flow.kind, identifier: attempt.identifier, ip: attempt.ip };
  await throttleSignIn(prisma, scope);
  const lane = signInLane(scope);
  const outcome = account
    ? await checkPasswordWithLockout(prisma, flow.table, account, attempt.password, flow.policy, {
        refuseEvenIfRight: account.disabled === true,
        lane,
      })
    : await checkUnknownAccount(prisma, unknownAccountKey(flow.tenantKey, flow.kind, attempt.identifier), attempt.password, flow.policy, {
        lane,
      });
  if (outcome.ok && account) return account;
  if (outcome.ok) throw new AppError("INTERNAL");
  await countSignInFailure(prisma, scope);
  const reason: FailureReason = !account
    ? "unknown_account"
    : account.disabled
      ? "disabled"
      : outcome.code === "ACCOUNT_LOCKED" && !outcome.lockedNow
        ? "locked"
        : "wrong_password";
  await auditFailure(flow, account, attempt, outcome, reason);
  throwOnFailure(outcome);
}

function tenantPolicy(tenant: TenantContext): LockoutPolicy {
  return { maxAttempts: tenant.lockoutMaxAttempts, lockMinutes: tenant.lockoutMinutes };
}

export async function signInTenantAdmin(prisma: PrismaClient, tenant: TenantContext, attempt: Attempt): Promise<SessionClaims> {
  const scoped = tenantDb(prisma, tenant.id);
  const found = await scoped.tenantAdmin.findUnique({
    where: { tenantId_username: { tenantId: tenant.id, username: attempt.identifier } },
    select: { ...lockable, disabled: true },
  });
  const flow: SignInFlow = {
    table: "tenantAdmin",
    kind: "tenantAdmin",
    action: "admin",
    tenantKey: tenant.id,
    policy: tenantPolicy(tenant),
    log: scoped,
  };
  const admin = await checkSignInAttempt(prisma, { flow, account: found, attempt });
  await audit(scoped, { actorKind: "tenantAdmin", actorId: admin.id, action: "admin.login", ip: attempt.ip });
  return { sub: admin.id, kind: "tenantAdmin", tenantId: tenant.id, host: attempt.host, ver: admin.sessionVersion };
}

/**
 * The vendor console, only from VENDOR_ALLOWED_ADDRESSES. Once a TOTP factor is
 * enrolled the 6-digit code is part of the credential; before, the password
 * alone opens a session that can do nothing but enrol (see vendorProcedure).
 */
export async function signInVendor(prisma: PrismaClient, attempt: Attempt & { totp?: string }): Promise<SessionClaims> {
  assertVendorAddressAllowed(attempt.ip);
  const found = await prisma.vendorAdmin.findUnique({
    where: { username: attempt.identifier },
    select: { ...lockable, disabled: true, totpSecretEnc: true, totpLastStep: true },
  });
  // A missing, wrong or replayed code fails exactly as a wrong password does: the
  // password is then checked against one that never matches, so the throttles and
  // the lockout count it, the answer and its timing are the same, and nobody
  // learns which factor was wrong. A locked account burns no code.
  const codeAccepted = !found?.totpSecretEnc || (!isLocked(found) && (await consumeVendorCode(prisma, found, attempt.totp)));
  const flow: SignInFlow = {
    table: "vendorAdmin",
    kind: "vendor",
    action: "vendor",
    tenantKey: "platform",
    policy: DEFAULT_LOCKOUT,
    log: prisma,
  };
  const vendor = await checkSignInAttempt(prisma, { flow, account: found, attempt: codeAccepted ? attempt : { ...attempt, password: "" } });
  await audit(prisma, { actorKind: "vendor", actorId: vendor.id, action: "vendor.login", ip: attempt.ip });
  return { sub: vendor.id, kind: "vendor", tenantId: null, host: attempt.host, ver: vendor.sessionVersion };
}
