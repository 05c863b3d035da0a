// /login (credential requestor and acceptor, CAS 3.0 §2.1–2.2) and /logout (§2.3) of one school.
// The pages are plain forms at 375 px, with no script: WeChat's in-app browser, a headless test
// and a person all drive them the same way.
import { escapeHtml, hiddenFields, phonePage } from "../shared/html";
import { Reply } from "../shared/routes";
import type { SimRequest } from "../shared/http";
import { type School, serviceAllowed } from "./config";
import { type CasSim, simNow } from "./context";
import { sendSingleLogout } from "./slo";
import { LOGIN_TICKET_MS, newTicket, randomAlphanumeric, type SsoSession, TGT_LONG_TERM_MS } from "./tickets";
import { isSet } from "./validate";

/**
 * The ticket-granting cookie's name: Apereo CAS 4+ writes `TGC`; Jasig CAS 3.x, on which Wisedu
 * IDS is built, `CASTGC` (seen in public clients of Wisedu `/authserver` servers).
 */
export const tgcName = (school: School): string => (school.attributeStyle === "wisedu" ? "CASTGC" : "TGC");

/** CAS 3.0 §3.6.1: the cookie path as restrictive as possible — the server's own path. */
const cookiePath = (school: School): string => school.basePath || "/";

function tgcCookie(school: School, tgt: string, longTerm: boolean): string {
  // A session cookie unless remember-me (CAS 3.0 §3.6.1, §4.1.5); HttpOnly: no script of any page reads it.
  const maxAge = longTerm ? `; Max-Age=${Math.floor(TGT_LONG_TERM_MS / 1000)}` : "";
  return `${tgcName(school)}=${tgt}; Path=${cookiePath(school)}; HttpOnly; SameSite=Lax${maxAge}`;
}

const clearTgcCookie = (school: School): string => `${tgcName(school)}=; Path=${cookiePath(school)}; HttpOnly; SameSite=Lax; Max-Age=0`;

/** Appendix B: pages of the login flow must not be cached (a cached form would replay its login ticket). */
const NO_CACHE = { "cache-control": "no-store", pragma: "no-cache", expires: "0" };

/**
 * The SSO session of this school the browser presents. A browser may send two cookies of one
 * name when a school sits at the root and another under a path on the same host; the one that
 * keys to a session of this school counts.
 */
export function currentSession(sim: CasSim, school: School, req: SimRequest): SsoSession | null {
  for (const tgt of req.cookieValues(tgcName(school))) {
    const session = sim.registry.session(school, tgt, simNow(sim));
    if (session) return session;
  }
  return null;
}

/** CAS 3.0 §1.3 of the reference: `ticket` appended with "?" or "&", before any fragment; nothing else of the URL changes. */
export function withTicket(service: string, ticket: string): string {
  const hash = service.indexOf("#");
  const base = hash === -1 ? service : service.slice(0, hash);
  const fragment = hash === -1 ? "" : service.slice(hash);
  return `${base}${base.includes("?") ? "&" : "?"}ticket=${encodeURIComponent(ticket)}${fragment}`;
}

function issueServiceTicket(sim: CasSim, school: School, session: SsoSession, service: string, fromNewLogin: boolean): string {
  const now = simNow(sim);
  const ticket = newTicket("ST", school.attributeStyle);
  sim.registry.serviceTickets.set(ticket, {
    ticket,
    schoolId: school.id,
    service,
    account: session.account,
    tgt: session.tgt,
    issuedAt: now,
    // CAS 3.0 §3.1.1: unvalidated tickets expire "in a reasonable period" (≤ 5 minutes recommended).
    expiresAt: now + school.ticketTtlSeconds * 1000,
    fromNewLogin,
    rememberMe: session.rememberMe,
    authenticatedAt: session.createdAt,
  });
  session.issued.push({ ticket, service, at: now });
  session.lastUsedAt = now;
  return ticket;
}

/**
 * The way back to the service with a ticket (CAS 3.0 §2.2.4: a GET to the service). `method=POST`
 * (CAS 3.0 §2.1.1) gets a form posting the ticket to the service, with a button rather than a
 * script; other methods fall back to the redirect, which the spec leaves to the server.
 */
function backToService(school: School, service: string, ticket: string, method: string | null, headers: Record<string, string>): Reply {
  if (method?.toUpperCase() === "POST")
    return Reply.html(
      200,
      phonePage(
        school.title,
        `<form method="post" action="${escapeHtml(service)}">${hiddenFields({ ticket })}<button type="submit">继续</button></form>`,
        "登录成功，正在返回应用",
      ),
      { ...NO_CACHE, ...headers },
    );
  return Reply.redirect(withTicket(service, ticket), 302, { ...NO_CACHE, ...headers });
}

type FormState = { service: string | null; renew: boolean; method: string | null; username?: string; error?: string };

/** The login form (CAS 3.0 §2.1.3: username, password and lt, posted to /login, carrying `service`). */
function loginForm(sim: CasSim, school: School, state: FormState, status = 200): Reply {
  const now = simNow(sim);
  // CAS 3.0 §3.5: a login ticket, single use, against replayed and forged form posts; Apereo's
  // `execution` (its web flow's id) does the same job and is checked with it.
  const lt = newTicket("LT", school.attributeStyle);
  const execution = `e1s1-${randomAlphanumeric(32)}`;
  sim.registry.loginTickets.set(execution, { lt, execution, schoolId: school.id, expiresAt: now + LOGIN_TICKET_MS });
  const hidden: Record<string, string> = { lt, execution, _eventId: "submit" };
  if (state.service !== null) hidden.service = state.service;
  if (state.renew) hidden.renew = "true";
  if (state.method) hidden.method = state.method;
  // A Wisedu IDS form carries its login-type fields too (reference §2.2: dllt, cllt).
  if (school.attributeStyle === "wisedu") Object.assign(hidden, { dllt: "generalLogin", cllt: "userNameLogin", rmShown: "1" });
  // Wisedu pages show the message in #msg, which public clients read.
  const error = state.error ? `<p class="notice error" id="msg" role="alert">${escapeHtml(state.error)}</p>` : "";
  const body = `${error}<form method="post" action="${escapeHtml(`${school.basePath}/login`)}" id="fm1">
<label for="username">用户名</label><input type="text" id="username" name="username" value="${escapeHtml(state.username ?? "")}" autocomplete="username" autocapitalize="off" spellcheck="false" required>
<label for="password">密码</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<label class="check"><input type="checkbox" name="rememberMe" value="true"> 记住我（两周内免登录）</label>
${hiddenFields(hidden)}<button type="submit">登录</button></form>`;
  return Reply.html(status, phonePage(school.title, body, "请使用学号或工号登录"), NO_CACHE);
}

const notAuthorized = (school: School): Reply =>
  // CAS 3.0 §2.2.1: in non-open mode the server MUST deny an unregistered service and say so.
  Reply.html(
    403,
    phonePage(
      school.title,
      `<p class="notice error">应用未授权使用统一身份认证：该应用的地址未在本校统一身份认证中注册，请联系学校信息化管理部门。</p>`,
      "统一身份认证",
    ),
    NO_CACHE,
  );

function loggedInPage(school: School, session: SsoSession): Reply {
  // CAS 3.0 §2.2.4: without a service, a successful login MUST say that an SSO session has begun.
  return Reply.html(
    200,
    phonePage(
      school.title,
      `<p class="notice">登录成功</p><p>您已登录统一身份认证（${escapeHtml(session.account)}）。</p><p><a href="${escapeHtml(`${school.basePath}/logout`)}">退出登录</a></p>`,
      "统一身份认证",
    ),
    NO_CACHE,
  );
}

export function loginPage(sim: CasSim, school: School, req: SimRequest): Reply {
  const service = req.query.get("service") || null;
  const renew = isSet(req.query.get("renew"));
  // CAS 3.0 §2.1.1: renew and gateway together are undefined; servers SHOULD ignore gateway when renew is set.
  const gateway = isSet(req.query.get("gateway")) && !renew;
  const method = req.query.get("method");
  if (service !== null && !serviceAllowed(school, service)) return notAuthorized(school);
  const session = currentSession(sim, school, req);
  // CAS 3.0 §2.1.5 / §2.2.4: with a valid ticket-granting cookie, single sign-on — unless renew asks for credentials.
  if (session && !renew) {
    if (service === null) return loggedInPage(school, session);
    return backToService(school, service, issueServiceTicket(sim, school, session, service, false), method, {});
  }
  // CAS 3.0 §2.1.1 gateway: never ask; without a session, back to the service with NO ticket. Without a service, gateway
  // is undefined and the spec recommends asking for credentials as usual.
  if (gateway && service !== null) return Reply.redirect(service, 302, NO_CACHE);
  return loginForm(sim, school, { service, renew, method });
}

export type LoginPost = {
  username?: string;
  password?: string;
  lt?: string;
  execution?: string;
  service?: string;
  renew?: string;
  rememberMe?: string;
  method?: string;
};

export function acceptCredentials(sim: CasSim, school: School, req: SimRequest, body: LoginPost): Reply {
  const service = body.service || null;
  const renew = isSet(body.renew ?? null);
  const method = body.method || null;
  if (service !== null && !serviceAllowed(school, service)) return notAuthorized(school);
  const now = simNow(sim);
  // CAS 3.0 §3.5.1: a login ticket is valid for one authentication attempt, whatever its outcome.
  const issued = body.execution ? sim.registry.loginTickets.get(body.execution) : undefined;
  if (issued) sim.registry.loginTickets.delete(issued.execution);
  if (!issued || issued.schoolId !== school.id || issued.lt !== body.lt || issued.expiresAt <= now)
    return loginForm(sim, school, { service, renew, method, username: body.username, error: "页面已过期，请重新登录" });

  const user = school.users.find((u) => u.account === body.username && u.password === body.password);
  if (!user) {
    // CAS 3.0 §2.2.4: a failed login returns to the form with the reason. Both servers answer 401 with the page.
    const error = school.attributeStyle === "wisedu" ? "您提供的用户名或者密码有误" : "用户名或密码错误";
    return loginForm(sim, school, { service, renew, method, username: body.username, error }, 401);
  }

  const rememberMe = isSet(body.rememberMe ?? null);
  // A credential login starts a new SSO session; services the old one reached still get its single logout.
  // Another account signing in on this browser ends the old account's session, single logout included.
  const previous = currentSession(sim, school, req);
  if (previous) {
    sim.registry.sessions.delete(previous.tgt);
    if (previous.account !== user.account && school.singleLogout) sendSingleLogout(sim, previous);
  }
  const session: SsoSession = {
    tgt: newTicket("TGT", school.attributeStyle),
    schoolId: school.id,
    account: user.account,
    createdAt: now,
    lastUsedAt: now,
    rememberMe,
    issued: previous && previous.account === user.account ? previous.issued : [],
  };
  sim.registry.sessions.set(session.tgt, session);
  const cookie = { "set-cookie": tgcCookie(school, session.tgt, rememberMe) };
  if (service === null) {
    const page = loggedInPage(school, session);
    return new Reply(page.status, page.body, page.contentType, { ...page.headers, ...cookie });
  }
  return backToService(school, service, issueServiceTicket(sim, school, session, service, true), method, cookie);
}

export function logout(sim: CasSim, school: School, req: SimRequest): Reply {
  const session = currentSession(sim, school, req);
  if (session) {
    // CAS 3.0 §2.3: the ticket-granting cookie's session is destroyed; §3.8.1: the TGT MUST expire at logout.
    sim.registry.sessions.delete(session.tgt);
    if (school.singleLogout) sendSingleLogout(sim, session);
  }
  const headers = { ...NO_CACHE, "set-cookie": clearTgcCookie(school) };
  // CAS 3.0 §2.3.1–2.3.2: `service` MAY be followed (Apereo: followServiceRedirects), only to a registered service in
  // non-open mode; the CAS 2.0 `url` parameter MUST be ignored.
  const service = req.query.get("service");
  if (service && school.followServiceRedirects && serviceAllowed(school, service)) return Reply.redirect(service, 302, headers);
  return Reply.html(
    200,
    phonePage(school.title, `<p class="notice">已退出</p><p>您已退出统一身份认证。为了您的账号安全，请关闭浏览器。</p>`, "统一身份认证"),
    headers,
  );
}
