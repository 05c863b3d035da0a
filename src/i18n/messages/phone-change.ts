// 更换手机号 (个人中心 → me/phone): the new phone, its code, and what the change means for the WeChat.
// The WeCom app's path is UESTC FAQ 3's (情况二); the lost WeChat's way out is UCAS FAQ 10's (解绑).
import type { Messages } from "./types";

export const phoneChange = {
  title: { zh: "更换手机号", en: "Change phone" },
  current: { zh: "当前手机号：{phone}", en: "Your phone now: {phone}" },
  noCurrent: { zh: "当前没有手机号。", en: "You have no phone yet." },
  lead: {
    zh: "新手机号会收到一条验证码；输入验证码后，学校通讯录改用新手机号。",
    en: "A code is sent to the new phone; once you enter it, the school's directory uses the new phone.",
  },
  newPhone: { zh: "新手机号", en: "New phone" },
  hintMainland: { zh: "填写 1 开头的 11 位大陆手机号。", en: "Type the 11 digits of a mainland number starting with 1." },
  hintForeign: {
    zh: "大陆手机号填 11 位；境外手机号请在国际区号前加 00，如 0085291234567。",
    en: "A mainland number has 11 digits; for a foreign number type 00 before the country code, e.g. 0085291234567.",
  },
  sendCode: { zh: "获取验证码", en: "Send code" },
  sent: { zh: "验证码已发送至 {to}，{minutes} 分钟内有效。", en: "A code was sent to {to}; it is valid for {minutes} minutes." },
  changingTo: { zh: "更换为：{to}", en: "New phone: {to}" },
  code: { zh: "验证码", en: "Code" },
  confirm: { zh: "确认更换", en: "Change phone" },
  resend: { zh: "重新获取验证码", en: "Send a new code" },
  other: { zh: "换一个手机号", en: "Use another phone" },
  back: { zh: "回到个人中心", en: "Back to My account" },
  done: { zh: "手机号已更换为 {phone}", en: "Your phone is now {phone}" },
  directory: {
    zh: "学校通讯录中已是新手机号 {phone}。",
    en: "The school's directory has your new phone {phone}.",
  },
  wecomUpdated: {
    zh: "企业微信中的手机号也已更新为 {phone}。关注学校企业微信时，请使用绑定了这个手机号的微信。",
    en: "WeCom has the new phone {phone} too. To follow the school's WeCom, use the WeChat bound to this phone.",
  },
  wecomPending: {
    zh: "正在把新手机号同步到企业微信，通常只需几秒钟；稍后刷新本页查看结果。",
    en: "The new phone is being sent to WeCom; this usually takes a few seconds. Reload this page in a moment to see the result.",
  },
  wecomKept: {
    zh: "企业微信中的手机号没有改：您已激活学校企业微信，企业微信不允许学校修改已激活成员的手机号，那里仍是您原来的手机号。",
    en: "WeCom still has your old phone: you have activated the school's WeCom, and WeCom does not let the school change an activated member's phone.",
  },
  whichCase: { zh: "您原来的微信还能登录吗？", en: "Can you still sign in to your old WeChat?" },
  oldWorks: { zh: "还能登录", en: "Yes, it still works" },
  oldWorksMeans: {
    zh: "关注不受影响：照常用这个微信接收学校的消息、打开学校的应用。学校通讯录以后使用新手机号。",
    en: "Nothing changes for your follow: keep using this WeChat for the school's messages and apps. The school's directory uses the new phone from now on.",
  },
  oldWorksWecom: {
    zh: "要让企业微信中的手机号也改为 {phone}，请自行更换：企业微信APP→聊天列表左上角三条杠→右下角设置→账号与安全→手机号→更换手机号。",
    en: "To have WeCom show {phone} too, change it yourself: WeCom app → the three lines at the top left of the chat list → Settings at the bottom right → Account and security → Phone → Change phone.",
  },
  oldLost: { zh: "无法登录（如手机丢失、号码已注销）", en: "No (e.g. the phone was lost or the number cancelled)" },
  oldLostMeans: {
    zh: "请先解绑微信，让学校企业微信放开原来的微信；再用新手机号的微信扫描学校的注册二维码，登录后绑定新手机号 {phone}（会再发一次验证码）并关注。",
    en: "First unbind your WeChat so the school's WeCom lets the old one go; then scan the school's registration QR code with the WeChat of the new phone, sign in, bind the new phone {phone} (a code is sent again) and follow.",
  },
  unbind: { zh: "解绑微信", en: "Unbind WeChat" },
} as const satisfies Messages;
