// An invitation to a school's back office (/admin/invite/<token>), and inviting someone.
import type { Messages } from "./types";

export const invite = {
  title: { zh: "设置后台账号密码", en: "Set your back-office password" },
  lead: {
    zh: "{name}，你被邀请使用本校的后台，账号为「{username}」。请设置密码，之后用该账号登录。",
    en: "{name}, you are invited to the school's back office as “{username}”. Choose a password, then sign in with that account.",
  },
  submit: { zh: "设置密码", en: "Set the password" },
  done: { zh: "密码已设置。请用账号「{username}」登录后台。", en: "Your password is set. Sign in to the back office as “{username}”." },
  signIn: { zh: "去登录", en: "Sign in" },
  invalid: {
    zh: "该邀请链接已失效（已使用、已过期或已被重新发送）。请联系邀请你的管理员重新发送邀请。",
    en: "This invitation link no longer works (used, expired or sent again). Ask whoever invited you to send a new one.",
  },
  formTitle: { zh: "邀请同事", en: "Invite a colleague" },
  username: { zh: "登录账号", en: "Username" },
  name: { zh: "姓名", en: "Name" },
  role: { zh: "角色", en: "Role" },
  "role.ADMIN": { zh: "信息中心管理员（全部权限）", en: "IT admin (everything)" },
  "role.HELPDESK": { zh: "运维老师（成员与工单，无设置、无证件号）", en: "Helpdesk (members and cases; no settings, no ID numbers)" },
  send: { zh: "生成邀请链接", en: "Create the invitation link" },
  linkShown: {
    zh: "邀请链接如下（仅显示这一次，72 小时内有效，只能使用一次）：请复制后通过企业微信或邮件发给对方。",
    en: "The invitation link (shown this once, good for 72 hours and one use): copy it and send it through WeCom or e-mail.",
  },
} as const satisfies Messages;
