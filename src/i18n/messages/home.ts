// A school's home page.
import type { Messages } from "./types";

export const home = {
  welcome: { zh: "欢迎加入{name}企业微信", en: "Join {name} on WeCom" },
  lead: {
    zh: "用学校统一身份认证登录，绑定手机号，关注企业号，即可使用学校的应用。",
    en: "Sign in with your school's unified login, bind your phone and follow the enterprise account to use your school's apps.",
  },
  start: { zh: "开始认证", en: "Get started" },
  steps: { zh: "认证步骤", en: "Steps" },
  step1: { zh: "选择身份并用统一身份认证登录", en: "Choose your identity and sign in with the unified login" },
  step2: { zh: "绑定手机号（务必使用微信绑定的手机号）", en: "Bind your phone (use the phone your WeChat is bound to)" },
  step3: { zh: "长按识别二维码，关注企业号", en: "Long-press the QR code to follow the enterprise account" },
  identityKinds: { zh: "可加入的身份", en: "Who can join" },
  adminLink: { zh: "学校管理员入口", en: "School administrators" },
} as const satisfies Messages;
