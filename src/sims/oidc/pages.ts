// The OIDC simulator's pages, in Chinese at 375 px with no script: the login interaction, the
// RP-initiated logout confirmation and its success page, and oidc-provider's error page (whose
// default loads a web font from the internet, which neither this machine nor a campus intranet has).
import { escapeHtml, phonePage } from "../shared/html";

export const PROVIDER_TITLE = "统一身份认证";

export function loginPage(options: { uid: string; clientName: string; username?: string; error?: string }): string {
  const error = options.error ? `<p class="notice error" role="alert">${escapeHtml(options.error)}</p>` : "";
  const action = `/interaction/${encodeURIComponent(options.uid)}`;
  const body = `${error}<form method="post" action="${escapeHtml(`${action}/login`)}">
<label for="username">用户名</label><input type="text" id="username" name="username" value="${escapeHtml(options.username ?? "")}" autocomplete="username" autocapitalize="off" spellcheck="false" required>
<label for="password">密码</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">登录</button></form>
<form method="post" action="${escapeHtml(`${action}/abort`)}"><button type="submit" class="secondary" style="background:#e5e7eb;color:#374151">取消</button></form>`;
  return phonePage(`${options.clientName}${PROVIDER_TITLE}`, body, `登录后将返回「${options.clientName}」`);
}

/** oidc-provider's `form` is its own hidden form (id op.logoutForm, with its xsrf token); the buttons submit it. */
export function logoutConfirmPage(form: string, clientName: string | undefined): string {
  const body = `${form}<p>确定要退出${escapeHtml(clientName ? `「${clientName}」和` : "")}统一身份认证吗？</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">退出</button>
<button type="submit" form="op.logoutForm" style="background:#e5e7eb;color:#374151">取消</button>`;
  return phonePage(PROVIDER_TITLE, body, "退出登录");
}

/** An interaction that is over, expired (an hour) or of another browser: the user starts again from the application. */
export const expiredPage = (): string => phonePage(PROVIDER_TITLE, `<p class="notice error">登录页面已过期，请返回应用重新登录。</p>`);

export const loggedOutPage = (): string => phonePage(PROVIDER_TITLE, `<p class="notice">已退出</p><p>您已退出统一身份认证。</p>`);

export function errorPage(fields: Record<string, string | undefined>): string {
  const rows = Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `<p><small>${escapeHtml(k)}</small><br>${escapeHtml(v)}</p>`)
    .join("");
  return phonePage(PROVIDER_TITLE, `<p class="notice error">登录请求有误</p>${rows}`);
}
