// The A4 poster of the registration QR code (posters/registration-poster.ts): printed in both
// languages at once, so each text is read with bilingualOf, not in the request's language.
import type { Messages } from "./types";

export const poster = {
  headline: { zh: "微信扫一扫，开通企业微信", en: "Scan with WeChat to join the school's WeCom" },
  step1: { zh: "扫码：用微信扫描上方二维码", en: "Scan: scan the QR code above with WeChat" },
  step2: { zh: "统一身份认证登录：选择身份，用学校账号登录", en: "Sign in: choose who you are and use the school's unified login" },
  step3: { zh: "绑定手机号：务必使用微信绑定的手机号", en: "Bind your phone: the number your WeChat uses" },
  step4: { zh: "关注企业微信：长按识别页面上的二维码", en: "Follow WeCom: long-press the QR code on the page" },
  help: {
    zh: "遇到问题？在页面上点【遇到问题】，学校信息中心会回复。",
    en: "A problem? Tap 【遇到问题】 (Help) on the page; the IT office answers.",
  },
  fileName: { zh: "注册二维码海报.pdf", en: "registration-poster.pdf" },
} as const satisfies Messages;
