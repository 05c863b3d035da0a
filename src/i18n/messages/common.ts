// Words every page shares: the language switch, buttons, and the pages for a school that is not set up and a page that does not exist.
import type { Messages } from "./types";

export const lang = {
  switch: { zh: "English", en: "中文" },
  switchTo: { zh: "en", en: "zh-CN" },
} as const satisfies Messages;

export const common = {
  signOut: { zh: "退出登录", en: "Sign out" },
  signIn: { zh: "登录", en: "Sign in" },
  back: { zh: "返回", en: "Back" },
  save: { zh: "保存", en: "Save" },
  search: { zh: "搜索", en: "Search" },
  account: { zh: "账号", en: "Account" },
  password: { zh: "密码", en: "Password" },
  working: { zh: "请稍候…", en: "Please wait…" },
} as const satisfies Messages;

export const unavailable = {
  title: { zh: "该学校尚未开通", en: "This school is not set up" },
  body: {
    zh: "请确认扫描的是本校的二维码，或联系学校信息化办公室。",
    en: "Please check that you scanned your own school's QR code, or contact your school's IT office.",
  },
  suspended: {
    zh: "该学校的服务已暂停，请联系学校信息化办公室。",
    en: "This school's service is paused. Please contact your school's IT office.",
  },
} as const satisfies Messages;

export const notFound = {
  title: { zh: "页面不存在", en: "Page not found" },
  body: { zh: "您打开的页面不存在，请返回首页。", en: "The page you opened does not exist. Please go back to the home page." },
} as const satisfies Messages;

/** The root domain's home page, and the platform's name as a tab's title. */
export const platform = {
  name: { zh: "校园企业微信开通平台", en: "Campus WeCom platform" },
  lead: {
    zh: "请打开本校的地址（如 ucas.<域名>）或扫描本校的二维码。",
    en: "Open your school's own address (e.g. ucas.<domain>) or scan your school's QR code.",
  },
} as const satisfies Messages;

/** An area's error page (a page failed to render): read by the client component itself, which may stand outside any <Words>. */
export const areaError = {
  retry: { zh: "重试", en: "Try again" },
  home: { zh: "返回首页", en: "Back to the start" },
  reference: { zh: "错误编号", en: "Reference" },
} as const satisfies Messages;
