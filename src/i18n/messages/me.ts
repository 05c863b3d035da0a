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
} as const satisfies Messages;
