// POST /api/identity/switch-account — 【不是我，换个账号】 (components/signed-in-bar.tsx): the
// session ends here (sessionVersion bumped: every copy of the cookie dies; the cookie cleared)
// and at the school's server (provider-logout.ts), and the browser lands on the school's login
// page, where the next 【统一身份认证登录】 asks the school for credentials again (renew), so a
// student never has to clear WeChat's cache to get rid of someone else's remembered session.
// Same-origin only (the route refuses another site's post): a page elsewhere must not sign our members out.
import { clearSessionCookie } from "~/server/auth/issue-session";
import type { SessionClaims } from "~/server/auth/session-user";
import { withActor, type TenantScope } from "~/server/scope";
import { tenantOrigin } from "~/server/tenants/public-origin";
import { renewCookie } from "../login-state";
import { providerLogoutUrl } from "../provider-logout";
import { endMemberSessions, ssoSessionOf } from "../sso-sessions";
import { redirect, type IdentityAnswer } from "./answer";

/** `claims`: the session cookie's, as sent (a member who must still change the password may switch too). */
export async function switchAccount(scope: TenantScope, input: { claims: SessionClaims | null; host: string }): Promise<IdentityAnswer> {
  const { claims } = input;
  const cookies = [clearSessionCookie(), renewCookie(true)];
  if (!claims || claims.kind !== "member" || claims.tenantId !== scope.tenant.id) return redirect("/login", cookies);
  const sso = claims.sso ? await ssoSessionOf(scope, claims.sso, claims.sub) : null;
  await endMemberSessions(withActor(scope, { kind: "member", id: claims.sub, ip: scope.actor.ip }), claims.sub, sso?.id ?? null);
  const logout = sso ? await providerLogoutUrl(scope, sso, await tenantOrigin(scope, input.host)) : null;
  scope.log.info({ member: claims.sub, providerLogout: logout !== null }, "member switched account");
  return logout ? { kind: "leave", url: logout, cookies } : redirect("/login", cookies);
}
