// The phone-sized page (375 px, zh-CN) that stands in for WeChat when a school is shown the whole
// flow: pick or create a WeChat user, scan a link, follow, pass 关注身份验证, see the enterprise
// account's apps and inbox, and read the SMS outbox. Plain server-rendered HTML and forms; the
// selected WeChat user is a cookie, which is also who "is" WeChat on the OAuth authorize URL.
import type { ServerResponse } from "node:http";
import QRCode from "qrcode";
import type { Sim } from "./context";
import { escapeHtml as esc } from "../shared/html";
import { redirect, sendHtml, type SimRequest } from "../shared/http";
import { resolveJoinQr } from "./invitations";
import { authorize, secondVerificationLink } from "./oauth";
import { findCorp, findWechatUser, type WechatUser } from "./state";
import {
  confirmVerification,
  corpsOf,
  corpView,
  createWechatUser,
  exitCorp,
  type FollowResult,
  scan,
  startVerification,
  unfollow,
  WechatError,
  wechatUserInput,
} from "./wechat";

const COOKIE = "wxsim_user";

/** An image request (an <img>, or a server asking for image/*) rather than a page. */
function wantsImage(req: SimRequest): boolean {
  const accept = String(req.headers.accept ?? "");
  return accept.includes("image/") && !accept.includes("text/html");
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>
body{margin:0;background:#ededed;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#111}
main{max-width:375px;margin:0 auto;background:#f7f7f7;min-height:100vh}
header{background:#2e2e2e;color:#fff;padding:12px 16px;font-weight:600}
section{background:#fff;margin:8px 0;padding:12px 16px}
h2{font-size:15px;color:#555;margin:0 0 8px}
input,select,button{font:inherit;width:100%;box-sizing:border-box;padding:10px;margin:4px 0;border:1px solid #ccc;border-radius:6px;min-height:44px}
button{background:#07c160;color:#fff;border:0;font-weight:600}
button.secondary{background:#eee;color:#333}
.notice{background:#fffbe6;border-left:4px solid #faad14;padding:10px 16px;margin:8px 0}
.error{background:#fff1f0;border-left-color:#f5222d}
.app{display:flex;gap:10px;align-items:center;padding:8px 0;border-bottom:1px solid #f0f0f0}
.icon{width:40px;height:40px;border-radius:8px;background:#3b82f6;color:#fff;display:flex;align-items:center;justify-content:center}
.msg{border:1px solid #eee;border-radius:8px;padding:8px;margin:6px 0;font-size:14px}
small{color:#888}a{color:#576b95}
</style></head><body><main>${body}</main></body></html>`;
}

const form = (action: string, fields: Record<string, string>, inner: string) =>
  `<form method="post" action="${esc(action)}">${Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join("")}${inner}</form>`;

function currentUser(sim: Sim, req: SimRequest): WechatUser | undefined {
  const id = req.cookies[COOKIE];
  return id ? findWechatUser(sim.state, id) : undefined;
}

const followNotice = (r: FollowResult): string =>
  ({
    already_following: "您已关注该企业号",
    followed: "关注成功",
    needs_verification: "已关注企业号。您的微信绑定手机号不在企业通讯录中，请在下方【关注身份验证】完成验证",
    followed_without_apps: "关注成功",
  })[r.result];

function home(sim: Sim, req: SimRequest): string {
  const user = currentUser(sim, req);
  const notice = req.query.get("notice");
  const isError = req.query.get("error") === "1";
  const parts: string[] = [`<header>模拟微信 · 企业微信模拟器</header>`];
  if (notice) parts.push(`<div class="notice${isError ? " error" : ""}">${esc(notice)}</div>`);
  const options = sim.state.wechatUsers
    .map((u) => `<option value="${esc(u.id)}"${u.id === user?.id ? " selected" : ""}>${esc(u.name)}（${esc(u.phone)}）</option>`)
    .join("");
  parts.push(`<section><h2>当前微信用户</h2>${
    user ? `<p>${esc(user.name)} · 微信绑定手机号 <b>${esc(user.phone)}</b></p>` : "<p>尚未选择微信用户</p>"
  }${options ? form("/wechat/select", {}, `<select name="id">${options}</select><button class="secondary">切换</button>`) : ""}
<details><summary>新建微信用户</summary>${form(
    "/wechat/users",
    {},
    `<input name="name" placeholder="昵称" required><input name="phone" placeholder="微信绑定的手机号" required inputmode="tel"><button>创建并使用</button>`,
  )}</details></section>`);
  if (user) {
    const qrLinks = sim.state.corps.flatMap((c) => [
      ...c.links.map((l) => ({ label: `${c.name} · ${l.label}`, url: l.url })),
      ...c.joinQrTickets
        .slice(-1)
        .map((q) => ({ label: `${c.name} · 加入企业二维码`, url: `${sim.baseUrl}/wework_admin/genqrcode?action=join&vcode=${q.ticket}` })),
    ]);
    parts.push(
      `<section><h2>扫一扫</h2>${form(
        "/wechat/scan",
        {},
        `<input name="link" placeholder="粘贴二维码链接" required><button>扫描</button>`,
      )}${qrLinks.map((l) => form("/wechat/scan", { link: l.url }, `<button class="secondary">扫描：${esc(l.label)}</button>`)).join("")}</section>`,
    );
    for (const corp of corpsOf(sim, user)) {
      const view = corpView(sim, corp, user);
      const apps = view.apps
        .map(
          (a) =>
            `<div class="app"><span class="icon">${esc([...a.name][0] ?? "应")}</span>${a.homeUrl ? `<a href="${esc(a.homeUrl)}">${esc(a.name)}</a>` : esc(a.name)}</div>`,
        )
        .join("");
      const inbox = view.inbox
        .slice(-20)
        .reverse()
        .map(
          (m) =>
            `<div class="msg"><small>${new Date(m.at).toLocaleString("zh-CN")}</small><br>${renderContent(m.msgtype, m.content)}</div>`,
        )
        .join("");
      const phone = req.query.get("phone") ?? "";
      parts.push(`<section><h2>企业号：${esc(corp.name)}</h2>
${view.relation === "member" ? `<p>成员 ${esc(view.userid ?? "")} · 状态 ${view.status ?? ""}</p>` : `<p>尚未验证身份，仅可见小助手应用</p>`}
${view.awaitingSecondVerification ? `<p class="notice">请完成二次验证：<a href="/wechat/second-verification?corpid=${encodeURIComponent(corp.corpid)}">前往验证</a></p>` : ""}
${apps || "<p><small>没有可见的应用</small></p>"}
${view.offersFollowVerification ? `<h2>关注身份验证</h2>${form("/wechat/verify/start", { corpid: corp.corpid }, `<input name="phone" placeholder="手机号" value="${esc(phone)}" required inputmode="tel"><button class="secondary">获取验证码</button>`)}${form("/wechat/verify/confirm", { corpid: corp.corpid, phone }, `<input name="code" placeholder="短信验证码" inputmode="numeric" required><button>验证</button>`)}` : ""}
${inbox ? `<h2>消息</h2>${inbox}` : ""}
${form("/wechat/unfollow", { corpid: corp.corpid }, `<button class="secondary">不再关注</button>`)}
${view.relation === "member" ? form("/wechat/exit", { corpid: corp.corpid }, `<button class="secondary">退出企业</button>`) : ""}</section>`);
    }
  }
  const sms = sim.state.smsOutbox
    .slice(-10)
    .reverse()
    .map((s) => `<div class="msg"><small>${esc(s.phone)} · ${new Date(s.at).toLocaleString("zh-CN")}</small><br>${esc(s.text)}</div>`)
    .join("");
  parts.push(`<section><h2>短信发件箱</h2>${sms || "<p><small>暂无短信</small></p>"}</section>`);
  return layout("模拟微信", parts.join(""));
}

function renderContent(msgtype: string, content: unknown): string {
  const c = (content ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof c[k] === "string" ? c[k] : "");
  if (msgtype === "text") return esc(text("content")).replace(/\n/g, "<br>");
  if (msgtype === "textcard")
    return `<b>${esc(text("title"))}</b><br>${esc(text("description"))}<br><a href="${esc(text("url"))}">${esc(text("btntxt") || "详情")}</a>`;
  return `<small>[${esc(msgtype)}]</small>`;
}

const back = (params: Record<string, string>) => `/?${new URLSearchParams(params).toString()}`;

function formBody(req: SimRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody);
}

/** Handles the page routes; false when the path is not one of them. */
export function handlePage(sim: Sim, req: SimRequest, res: ServerResponse): boolean {
  const user = currentUser(sim, req);
  const f = formBody(req);
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof WechatError) redirect(res, back({ notice: error.message, error: "1", phone: f.get("phone") ?? "" }));
      else throw error;
    }
  };
  const noUser = (): true => {
    redirect(res, back({ notice: "请先选择或新建一个微信用户", error: "1" }));
    return true;
  };
  const corpOf = (fn: (corpid: string) => void) => {
    const corp = findCorp(sim.state, f.get("corpid") ?? "");
    if (!corp) redirect(res, back({ notice: "企业不存在", error: "1" }));
    else fn(corp.corpid);
  };
  const key = `${req.method} ${req.path}`;
  switch (key) {
    case "GET /":
      sendHtml(res, 200, home(sim, req));
      return true;
    case "POST /wechat/select":
      redirect(res, "/", 303, { "set-cookie": `${COOKIE}=${encodeURIComponent(f.get("id") ?? "")}; Path=/; SameSite=Lax` });
      return true;
    case "POST /wechat/users": {
      const parsed = wechatUserInput.safeParse({ name: f.get("name") ?? "", phone: f.get("phone") ?? "" });
      if (!parsed.success) {
        redirect(res, back({ notice: parsed.error.issues[0]?.message ?? "输入有误", error: "1" }));
        return true;
      }
      guard(() => {
        const created = createWechatUser(sim, parsed.data);
        redirect(res, "/", 303, { "set-cookie": `${COOKIE}=${encodeURIComponent(created.id)}; Path=/; SameSite=Lax` });
      });
      return true;
    }
    case "POST /wechat/scan":
      if (!user) return noUser();
      guard(() => {
        const result = scan(sim, user, f.get("link") ?? "");
        if (result.kind === "redirect" || result.kind === "open") redirect(res, result.location);
        else if (result.kind === "error") redirect(res, back({ notice: result.message, error: "1" }));
        else if (result.follow.result === "followed" && result.follow.secondVerificationUrl)
          redirect(res, result.follow.secondVerificationUrl);
        else redirect(res, back({ notice: followNotice(result.follow) }));
      });
      return true;
    case "POST /wechat/verify/start":
      if (!user) return noUser();
      corpOf((corpid) =>
        guard(() => {
          const corp = findCorp(sim.state, corpid);
          if (!corp) return;
          startVerification(sim, corp, user, f.get("phone") ?? "");
          redirect(res, back({ notice: "验证码已发送（见下方短信发件箱）", phone: f.get("phone") ?? "" }));
        }),
      );
      return true;
    case "POST /wechat/verify/confirm":
      if (!user) return noUser();
      corpOf((corpid) =>
        guard(() => {
          const corp = findCorp(sim.state, corpid);
          if (!corp) return;
          const result = confirmVerification(sim, corp, user, f.get("phone") ?? "", f.get("code") ?? "");
          if (result.result === "followed" && result.secondVerificationUrl) redirect(res, result.secondVerificationUrl);
          else redirect(res, back({ notice: "验证成功，关注成功" }));
        }),
      );
      return true;
    case "POST /wechat/unfollow":
    case "POST /wechat/exit":
      if (!user) return noUser();
      corpOf((corpid) => {
        const corp = findCorp(sim.state, corpid);
        if (!corp) return;
        if (req.path === "/wechat/exit") exitCorp(sim, corp, user);
        else unfollow(sim, corp, user);
        redirect(res, back({ notice: req.path === "/wechat/exit" ? "已退出企业" : "已不再关注" }));
      });
      return true;
    case "GET /wechat/second-verification": {
      if (!user) return noUser();
      const corp = findCorp(sim.state, req.query.get("corpid") ?? "");
      const member = corp?.members.find((m) => m.wechatUserId === user.id);
      const link = corp && member ? secondVerificationLink(sim, corp, member) : null;
      redirect(res, link ?? back({ notice: "无需二次验证" }));
      return true;
    }
    case "GET /connect/oauth2/authorize": {
      if (!user) {
        sendHtml(
          res,
          200,
          layout(
            "模拟微信",
            `<header>模拟微信</header><div class="notice error">请在微信中打开：先在<a href="/">模拟微信</a>中选择一个微信用户，再扫描此链接。</div>`,
          ),
        );
        return true;
      }
      const result = authorize(sim, user, req.query);
      if (result.ok) redirect(res, result.location, 302);
      else sendHtml(res, 400, layout("模拟微信", `<header>模拟微信</header><div class="notice error">${esc(result.message)}</div>`));
      return true;
    }
    case "GET /wework_admin/genqrcode": {
      const found = resolveJoinQr(sim, req.query.get("vcode"));
      // WeCom's join_qrcode link is an image of the QR code (reference §4.2): what an <img> or a
      // server fetching it gets. The code in the image is this very link, which the simulated
      // WeChat's 扫一扫 recognises as the corp's join QR. A browser opening it as a page gets the page.
      if (!("error" in found) && wantsImage(req)) {
        const link = `${sim.baseUrl}${req.url.pathname}${req.url.search}`;
        void QRCode.toBuffer(link, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 480 }).then((png) => {
          res.writeHead(200, { "content-type": "image/png", "content-length": png.length, "cache-control": "no-store" });
          res.end(png);
        });
        return true;
      }
      const body =
        "error" in found
          ? `<div class="notice error">${esc(found.error)}</div>`
          : `<section><h2>加入「${esc(found.corp.name)}」</h2><p>这是企业微信的加入二维码（模拟）。</p>${form("/wechat/scan", { link: `${sim.baseUrl}${req.url.pathname}${req.url.search}` }, "<button>用当前微信扫描</button>")}</section>`;
      sendHtml(res, 200, layout("加入企业", `<header>企业微信</header>${body}`));
      return true;
    }
    default:
      return false;
  }
}
