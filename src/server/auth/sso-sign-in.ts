// A session for the member the school's CAS or OIDC server vouched for: the
// SsoSession row that lets the school's single logout and 【不是我，换个账号】
// end it, then the same host-bound session cookie a password sign-in gets.
import { recordSsoSession } from "~/server/identity/sso-sessions";
import type { IdentifiedMember } from "~/server/identity/protocol";
import type { TenantScope } from "~/server/scope";
import { issueSessionCookie } from "./issue-session";

export async function sessionFromSchool(scope: TenantScope, member: IdentifiedMember, host: string): Promise<string> {
  const sso = member.sso ? await recordSsoSession(scope, member.id, member.sso) : undefined;
  return issueSessionCookie({
    sub: member.id,
    kind: "member",
    tenantId: scope.tenant.id,
    host,
    ver: member.sessionVersion,
    ...(sso ? { sso } : {}),
  });
}
