// Unified login through the school's CAS or OIDC server: the login page's button, who is
// signed in (components/signed-in-bar.tsx) and the way out through the school's logout.
import type { Messages } from "./types";

export const sso = {
  button: { zh: "统一身份认证登录", en: "Unified login" },
  buttonHint: {
    zh: "将跳转到{school}统一身份认证页面，用学号/工号和统一身份认证密码登录，完成后自动返回。",
    en: "You will go to {school}'s unified login page, sign in with your student or staff number and its password, and come straight back.",
  },
  refusedTitle: { zh: "未能登录", en: "Not signed in" },
  switched: {
    zh: "已退出上一个账号。请点击下方按钮，用本人的学号/工号重新登录。",
    en: "The previous account is signed out. Tap the button below and sign in with your own account.",
  },
  // The 「当前登录」 bar: the account on one line, the name under it (each cut short with … when long).
  signedInAccount: { zh: "当前登录：{account}", en: "Signed in: {account}" },
  notMe: { zh: "不是我，换个账号", en: "Not me — switch account" },
  leavingTitle: { zh: "正在退出", en: "Signing out" },
  leavingText: {
    zh: "正在退出学校统一身份认证，随后请用本人的账号重新登录。",
    en: "Signing you out of the school's unified login; then sign in again with your own account.",
  },
  leavingLink: { zh: "如未自动跳转，请点这里继续", en: "Continue if nothing happens" },
} as const satisfies Messages;
