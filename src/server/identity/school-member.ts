// The member of this school's directory the school's CAS or OIDC server
// vouched for. The school's server says who authenticated; the directory says
// who may join this school's WeCom. A person the school knows but the
// directory does not is told so plainly, with whom to ask, and gets no session
// (no member is ever created from a sign-in). A locked member is refused as
// the built-in sign-in refuses them; a member of a kind that signs in through
// another provider is refused too (kind-provider.ts).
import { recordMemberSignIn } from "~/server/members/last-sign-in";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { memberIdByAccount } from "./find-member";
import { effectiveProvider } from "./kind-provider";
import type { IdentifiedMember } from "./protocol";
import type { SchoolIdentity } from "./school-identity";
import { kindName } from "~/i18n/locale";

export async function memberVouchedFor(scope: TenantScope, identity: SchoolIdentity, protocol: "CAS" | "OIDC"): Promise<IdentifiedMember> {
  const id = await memberIdByAccount(scope, identity.account);
  const member = id
    ? await scope.db.member.findUnique({
        where: { id },
        select: {
          id: true,
          account: true,
          sessionVersion: true,
          lockedUntil: true,
          identityKind: { select: { code: true, nameZh: true, nameEn: true, providerKind: true } },
        },
      })
    : null;
  const base = { actorKind: "member" as const, actorId: member?.id ?? null, target: identity.account.slice(0, 64), ip: scope.actor.ip };
  if (!member) {
    await audit(scope.db, { ...base, action: "member.sso.notInDirectory", detail: { protocol } });
    throw new AppError("SSO_NOT_IN_DIRECTORY", { school: scope.tenant.name, account: identity.account });
  }
  if (effectiveProvider(scope.tenant, member.identityKind.providerKind) !== protocol) {
    await audit(scope.db, { ...base, action: "member.sso.otherProvider", detail: { protocol, kind: member.identityKind.code } });
    throw new AppError("SSO_KIND_USES_OTHER_LOGIN", {
      account: member.account,
      kind: kindName(member.identityKind, scope.locale),
    });
  }
  // As the built-in sign-in: an account locked by an admin or by wrong passwords opens no new session.
  if (member.lockedUntil && member.lockedUntil > new Date()) {
    await audit(scope.db, { ...base, action: "member.login.failed", detail: { reason: "locked", protocol } });
    throw new AppError("ACCOUNT_LOCKED", { minutes: Math.max(1, Math.ceil((member.lockedUntil.getTime() - Date.now()) / 60_000)) });
  }
  const hinted = identity.kindHints.length > 0;
  await audit(scope.db, {
    ...base,
    action: "member.login",
    detail: {
      protocol,
      // Whether the school's own word for the person's kind agrees with the directory's (an admin can look into a mismatch).
      ...(hinted
        ? { schoolKindAgrees: identity.kindHints.some((h) => h === member.identityKind.code || h === member.identityKind.nameZh) }
        : {}),
    },
  });
  await recordMemberSignIn(scope, member.id);
  return { id: member.id, account: member.account, sessionVersion: member.sessionVersion };
}
