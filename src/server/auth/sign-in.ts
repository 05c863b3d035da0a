// Checking a password for each kind of account, with the lockout policy. Every
// failure is an AppError whose message tells the person what to do next.
import type { PrismaClient } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { TenantContext } from "~/server/tenants/tenant-for-host";
import { tenantDb } from "~/server/db/tenant-db";
import { audit } from "~/server/audit/audit";
import { burnPasswordCheck } from "./passwords";
import { checkPasswordWithLockout, DEFAULT_LOCKOUT, isLocked, type AccountTable, type LockableAccount, type LockoutPolicy, type PasswordOutcome } from "./lockout";
import type { SessionClaims } from "./session-user";
import { assertVendorAddressAllowed } from "./vendor-access";
import { consumeVendorCode } from "./vendor-second-factor";

type Attempt = { identifier: string; password: string; host: string; ip: string | null };

const lockable = { id: true, passwordHash: true, failedLoginCount: true, lockedUntil: true, sessionVersion: true } as const;

function throwOnFailure(outcome: PasswordOutcome): void {
  if (outcome.ok) return;
  if (outcome.code === "ACCOUNT_LOCKED") throw new AppError("ACCOUNT_LOCKED", { minutes: outcome.minutesLeft });
  throw new AppError("BAD_CREDENTIALS_REMAINING", { remaining: outcome.remaining });
}

/** The account, once its password is right, it is not locked and not disabled. */
async function checkAccount<A extends LockableAccount & { disabled?: boolean }>(
  prisma: PrismaClient,
  table: AccountTable,
  account: A | null,
  attempt: Attempt,
  policy: LockoutPolicy,
): Promise<A> {
  if (!account) {
    await burnPasswordCheck(attempt.password);
    throw new AppError("BAD_CREDENTIALS");
  }
  const outcome = await checkPasswordWithLockout(prisma, table, account, attempt.password, policy);
  throwOnFailure(outcome);
  if (account.disabled) throw new AppError("ACCOUNT_DISABLED");
  return account;
}

function tenantPolicy(tenant: TenantContext): LockoutPolicy {
  return { maxAttempts: tenant.lockoutMaxAttempts, lockMinutes: tenant.lockoutMinutes };
}

/** 统一身份认证 with the tenant's built-in directory: 学号 / 工号 / 考生号 and password. */
export async function signInMember(prisma: PrismaClient, tenant: TenantContext, attempt: Attempt): Promise<SessionClaims> {
  if (tenant.idpKind !== "BUILTIN") throw new AppError("LOGIN_NOT_BUILTIN");
  const scoped = tenantDb(prisma, tenant.id);
  const found = await scoped.member.findUnique({
    where: { tenantId_account: { tenantId: tenant.id, account: attempt.identifier } },
    select: lockable,
  });
  const member = await checkAccount(prisma, "member", found, attempt, tenantPolicy(tenant));
  await audit(scoped, { actorKind: "member", actorId: member.id, action: "member.login", ip: attempt.ip });
  return { sub: member.id, kind: "member", tenantId: tenant.id, host: attempt.host, ver: member.sessionVersion };
}

export async function signInTenantAdmin(prisma: PrismaClient, tenant: TenantContext, attempt: Attempt): Promise<SessionClaims> {
  const scoped = tenantDb(prisma, tenant.id);
  const found = await scoped.tenantAdmin.findUnique({
    where: { tenantId_username: { tenantId: tenant.id, username: attempt.identifier } },
    select: { ...lockable, disabled: true },
  });
  const admin = await checkAccount(prisma, "tenantAdmin", found, attempt, tenantPolicy(tenant));
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
  // password is then checked against one that never matches, so the lockout
  // counts it, the answer and its timing are the same, and nobody learns which
  // factor was wrong. A locked account burns no code.
  const codeAccepted = !found?.totpSecretEnc || (!isLocked(found) && (await consumeVendorCode(prisma, found, attempt.totp)));
  const vendor = await checkAccount(prisma, "vendorAdmin", found, codeAccepted ? attempt : { ...attempt, password: "" }, DEFAULT_LOCKOUT);
  await audit(prisma, { actorKind: "vendor", actorId: vendor.id, action: "vendor.login", ip: attempt.ip });
  return { sub: vendor.id, kind: "vendor", tenantId: null, host: attempt.host, ver: vendor.sessionVersion };
}
