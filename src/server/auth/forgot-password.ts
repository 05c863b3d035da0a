// 忘记密码 for the built-in directory (issue 18 §3; XAU's manual binds a phone and an e-mail 「便于
// 忘记密码可以自助找回」): the member types the 学工号 and the phone or e-mail the directory holds,
// receives a code there, and sets a new password with it.
//
// Nothing here says whether an account exists, or whether the phone is its own. A request that
// names no such pair is answered like one that does: a code row is written for the typed phone
// (a decoy: its code is random and never sent), counted by the same send limits, and tried against
// by the same attempt counter, so "too soon", "wrong code, N tries left" and "too many tries" read
// alike either way. Only the phone's holder, who receives a real code, can tell the difference.
//
// The form carries what was typed from the first step to the second as a sealed ticket (AES-GCM under
// the app's key, bound to the school), never as a phone number in an address.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { bindingTarget } from "~/server/bindings/binding-target";
import { issueCode, type IssuedCode } from "~/server/codes/issue-code";
import { destinationTag } from "~/server/codes/code-hash";
import { maskDestination } from "~/server/codes/destination";
import { codeProviders } from "~/server/codes/providers/choose";
import type { CodeProviders } from "~/server/codes/providers/provider";
import { verifyCodeAndApply } from "~/server/codes/verify-code";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { effectiveProvider } from "~/server/identity/kind-provider";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { hashPassword } from "./passwords";
import { newPassword } from "./password-policy";

/** Long enough to wait for a slow text and ask again; a ticket older than this starts over. */
export const RESET_TICKET_TTL_MS = 30 * 60 * 1000;

export const forgotPasswordInput = z.object({
  account: z.string().trim().min(1).max(64),
  /** The phone (as typed: 11 digits, or 00 + country code) or the e-mail address the directory holds. */
  contact: z.string().trim().min(1).max(254),
});

export const resetPasswordInput = z
  .object({
    ticket: z.string().min(1).max(2000),
    code: z.string().max(32),
    newPassword,
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "password.rule.confirm" });

const ticketBody = z.object({ account: z.string(), destination: z.string(), display: z.string(), expiresAt: z.number().int() });
export type ResetTicket = { account: string; destination: string; display: string };

const contextOf = (tenantId: string) => sealContext("PasswordReset", "ticket", tenantId);

function sealTicket(tenantId: string, ticket: ResetTicket, now = Date.now()): string {
  return encryptSecret(JSON.stringify({ ...ticket, expiresAt: now + RESET_TICKET_TTL_MS }), encryptionKey(), contextOf(tenantId));
}

/** The ticket the first step sealed for this school, while it lasts; otherwise the member starts again. */
export function openResetTicket(tenantId: string, sealed: string, now = Date.now()): ResetTicket & { masked: string } {
  let body: z.infer<typeof ticketBody>;
  try {
    body = ticketBody.parse(JSON.parse(decryptSecret(sealed, encryptionKey(), contextOf(tenantId))));
  } catch {
    throw new AppError("RESET_TICKET_EXPIRED");
  }
  if (body.expiresAt <= now) throw new AppError("RESET_TICKET_EXPIRED");
  return { account: body.account, destination: body.destination, display: body.display, masked: maskDestination(body.destination) };
}

/** The member this account and contact name together, when they sign in with the directory's password. */
async function memberFor(db: TenantScope["db"] | TenantTx, scope: TenantScope, ticket: { account: string; destination: string }) {
  const member = await db.member.findFirst({
    where: {
      account: ticket.account,
      // An address as the list holds it may have capitals; the typed one is in lower case.
      OR: [{ phone: ticket.destination }, { email: { equals: ticket.destination, mode: "insensitive" } }],
    },
    select: { id: true, account: true, identityKind: { select: { providerKind: true } } },
  });
  if (!member || effectiveProvider(scope.tenant, member.identityKind.providerKind) !== "BUILTIN") return null;
  return member;
}

/** Step one: a code to the contact when it is the account's, the same answer when it is not. */
export async function requestPasswordReset(
  scope: TenantScope,
  input: z.input<typeof forgotPasswordInput>,
  providers: CodeProviders = codeProviders(),
): Promise<{ ticket: string; issued: IssuedCode }> {
  const typed = forgotPasswordInput.parse(input);
  // A malformed phone or address is refused as such: that says nothing about any account.
  const target = bindingTarget(typed.contact, { allowEmail: true });
  const ticket: ResetTicket = { account: typed.account, destination: target.value, display: target.display };
  const member = await memberFor(scope.db, scope, ticket);
  const issued = await issueCode(
    scope,
    {
      purpose: "RESET_PASSWORD",
      channel: target.channel === "PHONE" ? "SMS" : "EMAIL",
      destination: target.value,
      ip: scope.actor.ip,
    },
    providers,
    { decoy: member === null },
  );
  return { ticket: sealTicket(scope.tenant.id, ticket), issued };
}

/**
 * Step two: the code and the new password. The new hash, the cleared lock and a bumped
 * sessionVersion are one change with the code's use, so every session made with the old password
 * ends and a failed write leaves the code usable.
 */
export async function resetForgottenPassword(scope: TenantScope, input: z.input<typeof resetPasswordInput>): Promise<{ account: string }> {
  const typed = resetPasswordInput.parse(input);
  const ticket = openResetTicket(scope.tenant.id, typed.ticket);
  // Each try costs an argon2 hash before its code is checked: a few a quarter-hour per phone or address
  // (the code's own tries are fewer), keyed by its HMAC, never by the caller's address (campus NAT).
  await enforceRateLimit(unscopedClient(scope), {
    key: `password-reset:${destinationTag(encryptionKey(), scope.tenant.id, ticket.destination)}`,
    limit: 10,
    windowSeconds: 15 * 60,
  });
  const passwordHash = await hashPassword(typed.newPassword);
  return verifyCodeAndApply(scope, { purpose: "RESET_PASSWORD", destination: ticket.destination, code: typed.code }, async (tx) => {
    // Only a real code gets here: the account held the contact when it was sent. Should it have lost it since, the code is of no use.
    const member = await memberFor(tx, scope, ticket);
    if (!member) throw new AppError("CODE_NOT_REQUESTED");
    await tx.member.update({
      where: { id: member.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
    });
    await audit(tx, {
      actorKind: "member",
      actorId: member.id,
      ip: scope.actor.ip,
      action: "member.password.reset",
      target: member.account,
      detail: { by: maskDestination(ticket.destination) },
    });
    return { account: member.account };
  });
}
