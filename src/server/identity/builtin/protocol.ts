// The built-in directory: 学号 / 工号 / 考生号 and a password kept here, with
// the school's lockout policy (UCAS: 6 wrong tries lock the account for 30
// minutes). The password checks, throttles and lockout are the ones every
// sign-in of the platform shares (auth/sign-in.ts). A member whose identity
// kind signs in through the school's CAS or OIDC has no password here: the
// form answers for them exactly as for an unknown account (kind-provider.ts).
import { recordMemberSignIn } from "~/server/members/last-sign-in";
import { audit } from "~/server/audit/audit";
import { checkSignInAttempt } from "~/server/auth/sign-in";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { adoptInitialPassword, initialPasswordOf } from "~/server/members/initial-password";
import { memberIdByAccount } from "../find-member";
import { effectiveProvider } from "../kind-provider";
import type { IdentifiedMember, IdentityProtocol } from "../protocol";

/** What the form sends: the account as typed (NFKC-normalised at the edge) and the password. */
export type BuiltinProof = { identifier: string; password: string };

const lockable = { id: true, account: true, passwordHash: true, failedLoginCount: true, lockedUntil: true, sessionVersion: true } as const;

async function finish(scope: TenantScope, proof: BuiltinProof): Promise<IdentifiedMember> {
  const id = await memberIdByAccount(scope, proof.identifier);
  const row = id
    ? await scope.db.member.findUnique({
        where: { id },
        select: { ...lockable, idNumberEnc: true, identityKind: { select: { providerKind: true } } },
      })
    : null;
  // A member whose kind signs in through the school's server is, to this form, no account at all.
  const found = row && effectiveProvider(scope.tenant, row.identityKind.providerKind) === "BUILTIN" ? row : null;
  const initialPassword = found && !found.passwordHash ? await initialPasswordOf(scope, found) : null;
  const member = await checkSignInAttempt(unscopedClient(scope), {
    flow: {
      table: "member",
      kind: "member",
      action: "member",
      tenantKey: scope.tenant.id,
      policy: { maxAttempts: scope.tenant.lockoutMaxAttempts, lockMinutes: scope.tenant.lockoutMinutes },
      log: scope.db,
    },
    account: found && { ...found, initialPassword },
    attempt: { identifier: proof.identifier, password: proof.password, ip: scope.actor.ip },
  });
  if (!member.passwordHash) await adoptInitialPassword(scope, member.id, proof.password);
  await audit(scope.db, { actorKind: "member", actorId: member.id, action: "member.login", ip: scope.actor.ip });
  await recordMemberSignIn(scope, member.id);
  return { id: member.id, account: member.account, sessionVersion: member.sessionVersion };
}

/** No settings, checks, callback or logout of its own: the form is ours, and so is the directory. */
export const builtinProtocol: IdentityProtocol<never, never, BuiltinProof> = {
  kind: "BUILTIN",
  start: () => Promise.resolve({ kind: "form" as const }),
  finish,
};
