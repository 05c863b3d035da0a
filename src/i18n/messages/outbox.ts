// The development outbox of demo mode: what the platform "sent" instead of texts and e-mails.
import type { Messages } from "./types";

export const outbox = {
  title: { zh: "开发发件箱", en: "Development outbox" },
  lead: {
    zh: "演示模式下平台不真正发送短信和邮件，验证码都“发”到这里。以下是本校最近的消息，最新的在最前。",
    en: "In demo mode the platform sends no real texts or e-mails: codes are “sent” here. This school's latest messages, newest first.",
  },
  empty: {
    zh: "还没有发送过验证码。在页面上点【获取验证码】后，刷新本页即可看到。",
    en: "No code has been sent yet. Ask for a code on a page, then reload this one.",
  },
  refresh: { zh: "刷新", en: "Reload" },
  to: { zh: "发给 {to}", en: "To {to}" },
  "channel.SMS": { zh: "短信", en: "Text message" },
  "channel.EMAIL": { zh: "邮件", en: "E-mail" },
  "purpose.BIND_PHONE": { zh: "绑定手机号", en: "Bind phone" },
  "purpose.BIND_EMAIL": { zh: "绑定邮箱", en: "Bind e-mail" },
  "purpose.CHANGE_PHONE": { zh: "更换手机号", en: "Change phone" },
  "purpose.RESET_PASSWORD": { zh: "找回密码", en: "Reset password" },
  "purpose.ACTIVATE_PHONE": { zh: "激活账号（手机号）", en: "Activate account (phone)" },
  "purpose.ACTIVATE_EMAIL": { zh: "激活账号（邮箱）", en: "Activate account (e-mail)" },
  adminTitle: { zh: "验证码发件箱", en: "Code outbox" },
  adminLead: {
    zh: "平台处于演示模式：验证码不真正发出，而是记录在这里，方便为成员查看。成员也可在本校的 /dev/outbox 页面看到。",
    en: "The platform is in demo mode: codes are not really sent but kept here, so you can read them for a member. Members see them too, on this school's /dev/outbox page.",
  },
  disabled: {
    zh: "本平台通过短信服务商真实发送验证码，没有发件箱记录。成员收不到验证码时，请让其检查手机号和短信拦截设置。",
    en: "This platform sends codes through its SMS provider, so there is no outbox. When a member gets no code, ask them to check the number and their message blocking.",
  },
} as const satisfies Messages;
