// Back-office accounts are invited, never created with a password someone else typed and passed
// on: the vendor invites a school's first IT admin, an IT admin invites colleagues (admins.manage).
// An invitation is a link with a random token (32 bytes) on the school's own address, shown once
// to whoever invites and kept only as its SHA-256, good for 72 hours and for one use; inviting the
// same pending account again replaces the link. Until the invitation is taken the account's
// password is a random one nobody knows, so the account cannot be signed into. Taking it sets the
// password under the platform's rules.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { hashPassword } from "~/server/auth/passwords";
import { newPassword } from "~/server/auth/password-policy";
import { AppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { addressKey } from "~/server/http/address-key";
import { auditActor, unscopedClient, type PlatformScope, type TenantScope } from "~/server/scope";
import { platformOrigin } from "./public-origin";
import { tenantAdminRowOutput, tenantAdminRowSelect } from "./tenant-admins";
import { vendorSchoolScope } from "./vendor-school";

const LIFETIME_MS = 72 * 3_600_000;

export const INVITE_PATH = "/admin/invite";

const tokenHash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const inviteAdminInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3–64 letters, digits and . _ -"),
  name: z.string().trim().min(1).max(100),
  role: z.enum(["ADMIN", "HELPDESK"]).default("ADMIN"),
});
export type InviteRole = z.input<typeof inviteAdminInput>["role"];
export const vendorInviteAdminInput = inviteAdminInput.extend({ tenantId: z.string().uuid() });

export const invitationOutput = z.object({
  admin: tenantAdminRowOutput,
  /** The link to send to the person, shown this once. */
  link: z.string(),
  expiresAt: z.date(),
});

/** Invites `input.username` to this school's back office, or sends a pending invitation again with a new link. */
export async function inviteTenantAdmin(scope: TenantScope, input: z.input<typeof inviteAdminInput>) {
  const { username, name, role } = inviteAdminInput.parse(input);
  const token = randomBytes(32).toString("base64url");
  const invite = { inviteTokenHash: tokenHash(token), inviteExpiresAt: new Date(Date.now() + LIFETIME_MS) };
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  const admin = await scope.db.$transaction(async (tx) => {
    const existing = await tx.tenantAdmin.findUnique({ where: { tenantId_username: { tenantId: scope.tenant.id, username } } });
    if (existing && existing.inviteTokenHash === null) throw new AppError("INVITE_ACCEPTED", { username });
    const row = existing
      ? await tx.tenantAdmin.update({ where: { id: existing.id }, data: { name, role, ...invite }, select: tenantAdminRowSelect })
      : await tx.tenantAdmin.create({
          data: { tenantId: scope.tenant.id, username, name, role, passwordHash: unusable, ...invite },
          select: tenantAdminRowSelect,
        });
    await audit(tx, { ...auditActor(scope.actor), action: "admin.invited", target: username, detail: { role, again: Boolean(existing) } });
    return row;
  });
  return { admin, link: `${platformOrigin(scope.tenant.slug)}${INVITE_PATH}/${token}`, expiresAt: invite.inviteExpiresAt };
}

/** The vendor's invitation of a school's admin (its first IT admin, usually). */
export async function inviteTenantAdminAsVendor(platform: PlatformScope, input: z.input<typeof vendorInviteAdminInput>) {
  const { tenantId, ...invite } = input;
  return inviteTenantAdmin(await vendorSchoolScope(platform, tenantId), invite);
}

/** The pending invitation of a link, on this school's host; null when it is not one (used, replaced, expired, another school's). */
export async function pendingInvitation(scope: TenantScope, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const admin = await scope.db.tenantAdmin.findUnique({
    where: { inviteTokenHash: tokenHash(token) },
    select: { id: true, username: true, name: true, role: true, inviteExpiresAt: true },
  });
  return admin && admin.inviteExpiresAt && admin.inviteExpiresAt > new Date() ? admin : null;
}

export const acceptInvitationInput = z
  .object({ token: z.string().max(64), password: newPassword, confirmPassword: z.string().max(256) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "password.rule.confirm" });

/** Acceptance tries per address, ten minutes: each costs a password hash. */
const ACCEPTS_PER_ADDRESS = 30;

/** Takes the invitation: the account gets the password the person chose, and the link stops working. */
export async function acceptInvitation(scope: TenantScope, input: z.input<typeof acceptInvitationInput>) {
  const { token, password } = acceptInvitationInput.parse(input);
  await enforceRateLimit(unscopedClient(scope), {
    key: `admin-invite:${addressKey(scope.actor.ip)}`,
    limit: ACCEPTS_PER_ADDRESS,
    windowSeconds: 600,
  });
  const invited = await pendingInvitation(scope, token);
  if (!invited) throw new AppError("INVITE_INVALID");
  const passwordHash = await hashPassword(password);
  return scope.db.$transaction(async (tx) => {
    // Taken once: of two tabs submitting at once, only the one that still finds the token goes on.
    const { count } = await tx.tenantAdmin.updateMany({
      where: { id: invited.id, inviteTokenHash: tokenHash(token) },
      data: {
        passwordHash,
        inviteTokenHash: null,
        inviteExpiresAt: null,
        sessionVersion: { increment: 1 },
        failedLoginCount: 0,
        lockedUntil: null,
      },
    });
    if (count === 0) throw new AppError("INVITE_INVALID");
    await audit(tx, {
      actorKind: "tenantAdmin",
      actorId: invited.id,
      action: "admin.inviteAccepted",
      target: invited.username,
      ip: scope.actor.ip,
    });
    return { username: invited.username };
  });
}
