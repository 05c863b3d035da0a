// 更换绑定的微信 (issue 18 §1: "done by the product where it can, explained where only WeChat can";
// UESTC FAQ 4, UCAS FAQ 10): the page /me/wechat. In WeChat the product does it through 解绑微信
// (the old WeChat leaves, the new one follows); in the WeCom app only WeCom can, and the page says where.
import type { Messages } from "./types";

export const changeWechat = {
  link: { zh: "更换绑定的微信", en: "Use another WeChat" },
  title: { zh: "更换绑定的微信", en: "Use another WeChat" },
  lead: {
    zh: "按您使用学校企业微信的方式选择：",
    en: "It depends on where you use the school's WeCom:",
  },
  inWechat: { zh: "在微信中使用（关注了企业号）", en: "In WeChat (you follow the enterprise account)" },
  inWechatUnbind: {
    zh: "在这里点【解绑微信】并确认：原来的微信退出学校企业微信。原来的微信无法登录（如手机号已注销）也可以这样做。",
    en: "Tap “Unbind WeChat” here and confirm: the old WeChat leaves the school's WeCom. This works even if the old WeChat can no longer sign in (e.g. its phone number was closed).",
  },
  inWechatFollow: {
    zh: "用新的微信扫描学校的注册二维码，登录后绑定新微信绑定的手机号，再长按识别二维码关注。",
    en: "Scan the school's registration QR code with the new WeChat, sign in, bind the phone the new WeChat is bound to, then long-press the QR code to follow.",
  },
  inApp: { zh: "在企业微信APP中使用", en: "In the WeCom app" },
  inAppSteps: {
    zh: "在企业微信APP中自行更换：企业微信APP→聊天列表左上角三条杠→右下角设置→账号与安全→微信→更换微信。无需在这里解绑。",
    en: "Change it yourself in the WeCom app: WeCom app → the three lines at the top left of the chat list → Settings (bottom right) → Account Security (账号与安全) → WeChat (微信) → Change WeChat (更换微信). No need to unbind here.",
  },
  unbind: { zh: "解绑微信", en: "Unbind WeChat" },
  back: { zh: "返回个人中心", en: "Back to My account" },
} as const satisfies Messages;
