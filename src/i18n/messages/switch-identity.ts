// 切换身份 (issue 18 §1; UCAS FAQ 12, IMUT 三 4): 个人中心's link and /me/switch.
import type { Messages } from "./types";

export const switchIdentity = {
  link: { zh: "切换身份", en: "Switch identity" },
  title: { zh: "切换身份", en: "Switch identity" },
  lead: {
    zh: "以下学工号与您当前的 {account} 证件号相同，是您本人在本校的其他身份。选择要切换到的身份，无需解绑微信：",
    en: "These accounts of this school have the same ID number as {account}, the one you are signed in as: they are yours. Choose the one to switch to; there is no need to unbind your WeChat:",
  },
  none: {
    zh: "本校没有与您证件号相同的其他学工号，无需切换。如果您的新学号还没有出现，请等学校导入后再来。",
    en: "This school has no other account with your ID number, so there is nothing to switch to. If your new account number is not here yet, come back once the school has added it.",
  },
  follows: {
    zh: "已关注学校企业微信，无法切换到它",
    en: "Already follows the school's WeCom: you cannot switch to it",
  },
  whatHappens: { zh: "切换后：", en: "Once you switch:" },
  movePhone: {
    zh: "您绑定的手机号 {value} 从 {account} 移到所选身份，不会出现「手机号码已存在」。",
    en: "The phone you bound, {value}, moves from {account} to the identity you chose: no 「手机号码已存在」 (phone already exists).",
  },
  moveEmail: {
    zh: "您绑定的邮箱 {value} 从 {account} 移到所选身份。",
    en: "The e-mail address you bound, {value}, moves from {account} to the identity you chose.",
  },
  release: {
    zh: "{account} 退出学校企业微信；下一页请用同一个微信关注，以所选身份进入（需要时按企业微信提示验证手机号）。",
    en: "{account} leaves the school's WeCom; on the next page, follow with the same WeChat to join as the identity you chose (verify the phone if WeCom asks).",
  },
  sessions: {
    zh: "{account} 在所有设备上的登录都会退出，本页改为以所选身份登录。若所选身份通过学校统一身份认证登录，请用它的学工号在学校登录一次。",
    en: "{account} is signed out on every device, and this page signs in as the identity you chose. If that identity signs in at the school's unified login, sign in there once with its account number.",
  },
  confirm: { zh: "确认切换", en: "Switch" },
  cancel: { zh: "暂不切换，返回个人中心", en: "Not now, back to My account" },
  refused: { zh: "没有切换身份", en: "Identity not switched" },
} as const satisfies Messages;
