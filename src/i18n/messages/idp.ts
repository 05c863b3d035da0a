// The back office's unified-login settings (/admin/identity, and the vendor's page for a school).
import type { Messages } from "./types";

export const idp = {
  title: { zh: "统一身份认证", en: "Unified login" },
  link: { zh: "统一身份认证（CAS / OIDC）设置", en: "Unified login (CAS / OIDC) settings" },
  kind: { zh: "登录方式", en: "Sign-in method" },
  "kind.BUILTIN": { zh: "平台内置账号密码", en: "Built-in directory with passwords" },
  "kind.CAS": { zh: "学校 CAS（金智 IDS / Apereo CAS）", en: "The school's CAS (Wisedu IDS / Apereo CAS)" },
  "kind.OIDC": { zh: "学校 OIDC（OpenID Connect）", en: "The school's OIDC (OpenID Connect)" },
  "kind.default": { zh: "与学校一致（{kind}）", en: "As the school ({kind})" },
  casBaseUrl: { zh: "CAS 地址", en: "CAS address" },
  casBaseUrlHint: {
    zh: "学校 CAS 的部署地址，如 https://ids.example.edu.cn/authserver（金智）或 https://cas.example.edu.cn/cas；只能是 https 公网域名。",
    en: "Where the school's CAS is deployed, e.g. https://ids.example.edu.cn/authserver (Wisedu) or https://cas.example.edu.cn/cas; https internet names only.",
  },
  casVersion: { zh: "CAS 协议版本", en: "CAS protocol version" },
  "casVersion.CAS2": { zh: "CAS 2.0（/serviceValidate，金智 IDS 常用）", en: "CAS 2.0 (/serviceValidate, usual for Wisedu IDS)" },
  "casVersion.CAS3": { zh: "CAS 3.0（/p3/serviceValidate）", en: "CAS 3.0 (/p3/serviceValidate)" },
  oidcIssuer: { zh: "OIDC Issuer", en: "OIDC issuer" },
  oidcIssuerHint: {
    zh: "与发现文档中的 issuer 完全一致（含结尾的 /）。",
    en: "Exactly as the discovery document's issuer (a trailing / included).",
  },
  oidcClientId: { zh: "Client ID", en: "Client ID" },
  oidcResponseMode: { zh: "回传方式", en: "Answer mode" },
  "oidcResponseMode.query": { zh: "地址参数（默认）", en: "On the redirect URI's query (default)" },
  "oidcResponseMode.form_post": { zh: "表单提交（form_post）", en: "As a form post (form_post)" },
  oidcResponseModeHint: {
    zh: "提供方如何把授权码送回平台。form_post 不让授权码出现在地址栏和浏览记录中；须提供方支持（【测试连接】会检查）。",
    en: "How the provider sends the code back. form_post keeps the code out of the address bar and history; the provider must offer it (Test connection checks).",
  },
  oidcClientSecret: { zh: "Client Secret", en: "Client secret" },
  secretSet: { zh: "已设置（留空则不变）", en: "Set (leave empty to keep it)" },
  secretUnset: { zh: "尚未设置", en: "Not set" },
  accountAttribute: { zh: "账号属性", en: "Account attribute" },
  accountAttributeHint: {
    zh: "携带学号/工号的 CAS 属性或 OIDC claim；留空：CAS 用 cas:user，OIDC 用 sub（提供方保证不变、不复用）。不要填姓名类属性。OIDC 的 preferred_username 可被用户或管理员修改，也可能被重新分配给另一个人，会让一个人以另一个人的身份登录：只有学校确认它就是学号/工号且永不复用时才填写。",
    en: "The CAS attribute or OIDC claim with the student or staff number; empty: cas:user for CAS, sub for OIDC (which the provider keeps stable and never reassigns). Never a name. OIDC's preferred_username can be changed and may be reassigned to another person, signing one person in as another: set it only when the school confirms it is the student or staff number and is never reused.",
  },
  passwordResetUrl: { zh: "找回密码页面", en: "Password-reset page" },
  passwordResetUrlHint: {
    zh: "学校统一身份认证的找回密码网址（http:// 或 https://）。填写后，“忘记密码”页面和登录失败页面会给通过统一身份认证登录的师生一个前往该页面的链接；留空则只提示到学校统一身份认证平台找回。",
    en: "The web address of your unified login's password reset (http:// or https://). When set, the forgot-password page and a failed sign-in link members who sign in there to it; empty: they are only told to reset it at the school's unified login.",
  },
  kindsTitle: { zh: "各身份的登录方式", en: "Sign-in method of each identity kind" },
  save: { zh: "保存", en: "Save" },
  saved: { zh: "已保存。", en: "Saved." },
  test: { zh: "测试连接", en: "Test connection" },
  diagnosis: { zh: "检查结果", en: "Checks" },
  registrationTitle: {
    zh: "请学校统一身份认证管理员登记以下地址",
    en: "Ask the school's unified-login administrator to register these addresses",
  },
  casService: {
    zh: "CAS 服务地址（service）前缀：白名单须允许以它开头、后接 ?login=… 的地址（每次登录带一个一次性参数，票据只能在发起该次登录的浏览器使用）；单点退出也发到此地址",
    en: "CAS service URL prefix: the whitelist must allow it followed by ?login=… (each login adds a one-time value, so a ticket works only in the browser that started that login); single logout is posted here too",
  },
  casServicePattern: {
    zh: "同上，Apereo CAS 服务注册的 serviceId 正则",
    en: "The same as an Apereo CAS service registry serviceId (regular expression)",
  },
  oidcRedirect: { zh: "OIDC 回调地址（redirect_uri）", en: "OIDC redirect URI" },
  oidcPostLogout: { zh: "退出后返回地址（post_logout_redirect_uri）", en: "After-logout URL (post_logout_redirect_uri)" },
  privateOriginsHint: {
    zh: "统一认证服务器在校园网内（http、内网地址或非默认端口）时，请联系平台运营方将其地址加入「内网认证地址」名单；其余地址须为 https 公网域名。",
    en: "If the unified login server is on the campus network (http, a private address or another port), ask the platform operator to put its origin on the list of private origins; every other address must be an https internet name.",
  },
} as const satisfies Messages;
