// Changing a password, and the password rules.
import type { Messages } from "./types";

export const password = {
  title: { zh: "修改密码", en: "Change password" },
  mustChange: {
    zh: "为了账号安全，请先修改初始密码。修改后请用新密码重新登录。",
    en: "For your account's safety, please change your initial password first. Then sign in again with the new one.",
  },
  rules: { zh: "新密码要求", en: "The new password must" },
  "rule.length": { zh: "长度 8–64 位", en: "be 8–64 characters long" },
  "rule.mix": { zh: "同时包含字母和数字", en: "contain both letters and digits" },
  "rule.different": { zh: "不能与当前密码相同", en: "differ from the current password" },
  "rule.confirm": { zh: "两次输入的新密码不一致", en: "The two new passwords do not match" },
  current: { zh: "当前密码", en: "Current password" },
  new: { zh: "新密码", en: "New password" },
  confirm: { zh: "再次输入新密码", en: "New password again" },
  submit: { zh: "修改密码", en: "Change password" },
  // 忘记密码 (auth/forgot-password.ts): two plain forms, so it works with the page's scripts blocked.
  forgotLink: { zh: "忘记密码？", en: "Forgot your password?" },
  forgotTitle: { zh: "找回密码", en: "Reset your password" },
  forgotLead: {
    zh: "填写学工号，以及学校名单中该账号的手机号或邮箱（即绑定过的手机号或邮箱），我们会把验证码发送到那里。",
    en: "Enter your account and the phone or e-mail address the school's list holds for it (the one you bound); the code is sent there.",
  },
  forgotAccount: { zh: "学号 / 工号 / 考生号", en: "Student / staff / candidate number" },
  forgotContact: { zh: "手机号或邮箱", en: "Phone or e-mail address" },
  forgotContactHint: {
    zh: "境外手机号请在国际区号前加 00，如 0085291234567。",
    en: "For a foreign number type 00 before the country code, e.g. 0085291234567.",
  },
  forgotSend: { zh: "获取验证码", en: "Send the code" },
  forgotAtSchool: {
    zh: "本校通过学校统一身份认证登录，密码由学校管理：请在学校统一身份认证平台找回密码，或联系学校信息中心。",
    en: "This school signs you in through its own unified login, which keeps your password: reset it there, or contact the school's IT office.",
  },
  toSchoolReset: { zh: "前往学校统一身份认证找回密码", en: "Reset it at the school's unified login" },
  forgotSomeAtSchool: {
    zh: "通过学校统一身份认证登录的账号（如在校师生），请在学校统一身份认证平台找回密码。",
    en: "Accounts that sign in through the school's unified login (e.g. students and staff) reset their password there.",
  },
  forgotSent: {
    zh: "如果账号 {account} 的手机号或邮箱是 {to}，验证码已发送，{minutes} 分钟内有效。没有收到？请核对手机号或邮箱是否为学校名单中的那个，稍后可重新获取。",
    en: "If {to} is the phone or e-mail of account {account}, a code has been sent there; it works for {minutes} minutes. Nothing arrived? Check it is the one the school's list holds; you can ask again shortly.",
  },
  forgotRuleBroken: {
    zh: "新密码不符合要求：{rule}。验证码仍然有效，请重新输入。",
    en: "The new password does not meet the rules: {rule}. Your code still works; enter it again.",
  },
  forgotCode: { zh: "验证码", en: "Code" },
  forgotSubmit: { zh: "重置密码", en: "Reset password" },
  forgotResend: { zh: "重新获取验证码", en: "Send a new code" },
  forgotStartOver: { zh: "换一个账号或手机号", en: "Use another account or phone" },
} as const satisfies Messages;
