// POST /api/identity/switch-account — 【不是我，换个账号】 (components/signed-in-bar.tsx): the
// session ends here (sessionVersion bumped: every copy of the cookie dies; the cookie cleared)
// and at the school's server (provider-logout.ts), and the browser lands on the school's login
// page, where the next 【统一身份认证登录】 asks the school for credentials again (renew), so a
// student never has to clear WeChat's cache to get rid of someone else's remembered session.
// Same-origin only: a page elsewhere must not sign our members out.
import { readSessionClaims } from "~/server/auth/session";
import { clearSessionCookie } from "~/server/auth/issue-session";
import { AppError } from "~/server/errors";
import { readBodyCapped } from "~/server/http/read-body";
import { isSameOriginRequest } from "~/server/http/same-origin";
import { translator } from "~/i18n/messages";
import { withActor } from "~/server/scope";
import { renewCookie } from "../login-state";
import { providerLogoutUrl } from "../provider-logout";
import { endMemberSessions, ssoSessionOf } from "../sso-sessions";
import { plainText, redirectTo, schoolOfRequest } from "./school-of-request";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * A page that sends the browser on to the school's logout. Not a redirect: the switch is a form
 * post, and a browser holds a post's redirects to the page's CSP form-action ('self'), which the
 * school's server is not; a refresh is a navigation of its own, and needs no script inside WeChat.
 */
function leavingPage(url: URL, locale: "zh-CN" | "en", cookies: string[]): Response {
  const t = translator(locale);
  const href = escapeHtml(url.href);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="refresh" content="0;url=${href}"><title>${t("sso.leavingTitle")}</title></head><body style="font-family:system-ui,sans-serif;padding:24px;line-height:1.6"><p>${t("sso.leavingText")}</p><p><a href="${href}" data-testid="provider-logout">${t("sso.leavingLink")}</a></p></body></html>`;
  const headers = new Headers({
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
  });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(html, { status: 200, headers });
}

export async function switchAccount(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request)) return plainText("cross-site request refused", 403);
  const school = await schoolOfRequest(request, "switch-account");
  if (!school) return plainText("unknown school", 404);
  const { scope, origin } = school;
  try {
    await readBodyCapped(request, 4 * 1024);
  } catch (error) {
    if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") return plainText("too large", 413);
    throw error;
  }
  const cookies = [clearSessionCookie(), renewCookie(true)];
  const claims = await readSessionClaims(request.headers);
  if (!claims || claims.kind !== "member" || claims.tenantId !== scope.tenant.id) return redirectTo("/login", cookies);
  const sso = claims.sso ? await ssoSessionOf(scope, claims.sso, claims.sub) : null;
  await endMemberSessions(withActor(scope, { kind: "member", id: claims.sub, ip: scope.actor.ip }), claims.sub, sso?.id ?? null);
  const logout = sso ? await providerLogoutUrl(scope, sso, origin) : null;
  scope.log.info({ member: claims.sub, providerLogout: logout !== null }, "member switched account");
  return logout ? leavingPage(logout, scope.locale, cookies) : redirectTo("/login", cookies);
}
