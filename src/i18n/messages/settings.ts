// The school's rules (/admin/settings): sign-in lockout, which phones may be bound, initial passwords.
import type { Messages } from "./types";

export const settings = {
  title: { zh: "学校设置", en: "School settings" },
  lead: {
    zh: "登录锁定、手机号与初始密码规则。统一身份认证、企业微信与二维码各有其页面。",
    en: "Sign-in lockout, phone and initial-password rules. The unified login, WeCom and the QR codes have pages of their own.",
  },
  save: { zh: "保存", en: "Save" },
  saved: { zh: "已保存。", en: "Saved." },
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
  lockout: { zh: "登录锁定", en: "Sign-in lockout" },
  maxAttempts: { zh: "连续输错几次后锁定", en: "Wrong passwords before the account locks" },
  lockMinutes: { zh: "锁定时长（分钟）", en: "Lock time (minutes)" },
  phone: { zh: "手机号规则", en: "Phone rules" },
  allowForeign: { zh: "允许境外手机号", en: "Accept numbers from outside the mainland" },
  countryCodes: { zh: "允许的国家和地区代码", en: "Country and region codes accepted" },
  countryCodesHint: {
    zh: "以逗号分隔，如 852, 853, 886（港澳台）；仅在允许境外手机号时生效。",
    en: "Separated by commas, e.g. 852, 853, 886 (Hong Kong, Macao, Taiwan); only when numbers from outside the mainland are accepted.",
  },
  requireWechatMatch: { zh: "要求与微信绑定的手机号一致", en: "The phone must be the one the WeChat is bound to" },
  requireWechatMatchHint: {
    zh: "企业微信用手机号识别成员：与微信绑定的不一致时，成员关注时会收不到验证。",
    en: "WeCom knows members by phone: when it is not the WeChat's own, following fails to verify.",
  },
  confirmNewByCode: { zh: "新手机号须短信验证", en: "Confirm a new phone by text message" },
  allowEmail: { zh: "允许用邮箱代替手机号", en: "Accept an e-mail address instead of a phone" },
  password: { zh: "初始密码", en: "Initial passwords" },
  initialPassword: { zh: "初始密码规则", en: "Initial password rule" },
  initialPasswordHint: {
    zh: "用于导入或后台新建、尚未设过密码的成员：首次登录时输入此密码（身份证号末位的 X 大小写均可）。通过统一身份认证登录的成员不使用。",
    en: "For members imported or added here who never set a password: they sign in the first time with it (a final X of the ID number in either case). Members who sign in through the school's unified login do not use it.",
  },
  "initialPassword.NONE": { zh: "不设初始密码", en: "No initial password" },
  "initialPassword.ID_NUMBER_LAST8": { zh: "证件号码后 8 位", en: "The ID number's last 8 characters" },
  mustChangeInitial: { zh: "首次登录须修改初始密码", en: "Change the initial password at first sign-in" },
} as const satisfies Messages;
