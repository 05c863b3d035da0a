// The member's own page (个人中心).
import type { Messages } from "./types";

export const me = {
  title: { zh: "个人中心", en: "My account" },
  cases: { zh: "我提交给运维老师的问题", en: "What I asked the helpdesk" },
  "caseStatus.OPEN": { zh: "处理中", en: "Being handled" },
  "caseStatus.RESOLVED": { zh: "已处理", en: "Done" },
  caseAnswer: { zh: "运维老师回复：{answer}", en: "The helpdesk answered: {answer}" },
  caseWaiting: {
    zh: "运维老师还没有回复：处理后会在这里告诉你，无需重复提交。",
    en: "No answer yet: the helpdesk will answer here once it is handled, so there is no need to send it again.",
  },
  account: { zh: "学工号", en: "Account number" },
  identity: { zh: "身份", en: "Identity" },
  department: { zh: "院系/部门", en: "Department" },
  phone: { zh: "手机号", en: "Phone" },
  noPhone: { zh: "当前没有绑定手机号", en: "No phone bound yet" },
  email: { zh: "邮箱", en: "Email" },
  changePassword: { zh: "修改密码", en: "Change password" },
  // 退出登录 and 解绑微信 side by side: the UCAS manual calls unbinding 退出登录 (FAQ 3), so a student
  // looking for 退出 must find 解绑 here, and know which of the two they want.
  unbind: { zh: "解绑微信", en: "Unbind WeChat" },
  signOutMeans: {
    zh: "【退出登录】只退出本网页的登录：您仍在学校企业微信中，微信照常收到学校的消息。",
    en: "“Sign out” only ends your sign-in to these pages: you stay in the school's WeCom and your WeChat keeps getting the school's messages.",
  },
  unbindMeans: {
    zh: "要退出学校企业微信（有的使用手册也叫“退出登录”）、换一个微信关注，或绑定新的学号，请用【解绑微信】。",
    en: "To leave the school's WeCom (some manuals call this “退出登录”), follow with another WeChat, or bind a new account number, use “Unbind WeChat”.",
  },
  unbindLead: { zh: "解绑后：", en: "Once you unbind:" },
  unbindLeave: {
    zh: "您的微信退出「{school}」企业微信：收不到学校的消息，也打不开学校的应用，直到您重新关注。",
    en: "Your WeChat leaves {school}'s WeCom: it no longer gets the school's messages or opens the school's apps, until you follow again.",
  },
  unbindRelease: {
    zh: "这个微信随即释放：您可以用另一个微信关注，也可以重新绑定（包括绑定新的学号）。",
    en: "That WeChat is released: you can follow with another WeChat, or bind again (a new account number too).",
  },
  unbindPhone: {
    zh: "您绑定的手机号 {value} 从本账号移除；重新关注时，再绑定手机号并输入验证码即可。",
    en: "The phone {value} you bound is removed from this account; to follow again, bind a phone again with a code.",
  },
  unbindEmail: {
    zh: "您绑定的邮箱 {value} 从本账号移除；重新关注时，再绑定并输入验证码即可。",
    en: "The e-mail address {value} you bound is removed from this account; to follow again, bind again with a code.",
  },
  unbindSessions: {
    zh: "所有设备上的登录都会退出；之后用微信扫描学校的注册二维码，从登录开始。",
    en: "You are signed out on every device; afterwards, scan the school's registration QR code with WeChat and start by signing in.",
  },
  unbindCache: {
    zh: "如要用同一个微信绑定新的学号，重新扫码前请先清除微信缓存。",
    en: "To bind a new account number with the same WeChat, clear WeChat's cache before you scan again.",
  },
  unbindConfirm: { zh: "确认解绑", en: "Unbind" },
  unbindCancel: { zh: "暂不解绑，返回个人中心", en: "Not now, back to My account" },
  unbindRefused: { zh: "没有解绑", en: "Not unbound" },
  unboundTitle: { zh: "已解绑", en: "Unbound" },
  unboundLead: {
    zh: "您已解绑微信，并已在所有设备上退出登录。学校企业微信完成移除后，这个微信里就不再有学校的应用和消息。",
    en: "Your WeChat is unbound and you are signed out on every device. Once the school's WeCom has removed you, that WeChat no longer shows the school's apps or messages.",
  },
  unboundNext: {
    zh: "要重新关注（用这个或另一个微信，或用新的学号）：用微信扫描学校的注册二维码，从登录开始。",
    en: "To follow again (with this or another WeChat, or with a new account number): scan the school's registration QR code with WeChat and start by signing in.",
  },
  unboundHome: { zh: "回到学校首页", en: "To the school's home page" },
} as const satisfies Messages;
