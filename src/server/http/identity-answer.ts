// The login routes' answers (identity/http/answer.ts) as Responses: a redirect of ours with its
// cookies, or the page that sends the browser on to the school's logout.
import { translator } from "~/i18n/messages";
import type { Locale } from "~/i18n/locale";
import type { IdentityAnswer } from "~/server/identity/http/answer";
import { redirectTo } from "./answers";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * A page that sends the browser on to the school's logout. Not a redirect: the switch is a form
 * post, and a browser holds a post's redirects to the page's CSP form-action ('self'), which the
 * school's server is not; a refresh is a navigation of its own, and needs no script inside WeChat.
 */
function leavingPage(url: URL, locale: Locale, cookies: readonly string[]): Response {
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

export function identityAnswer(answer: IdentityAnswer, locale: Locale): Response {
  if (answer.kind === "leave") return leavingPage(answer.url, locale, answer.cookies);
  return redirectTo(answer.location, answer.cookies, answer.status);
}
