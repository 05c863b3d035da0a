// The member's own page (个人中心).
import type { Messages } from "./types";

export const me = {
  title: { zh: "个人中心", en: "My account" },
  account: { zh: "学工号", en: "Account number" },
  identity: { zh: "身份", en: "Identity" },
  department: { zh: "院系/部门", en: "Department" },
  phone: { zh: "手机号", en: "Phone" },
  noPhone: { zh: "当前没有绑定手机号", en: "No phone bound yet" },
  email: { zh: "邮箱", en: "Email" },
  changePassword: { zh: "修改密码", en: "Change password" },
} as const satisfies Messages;
