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
} as const satisfies Messages;
