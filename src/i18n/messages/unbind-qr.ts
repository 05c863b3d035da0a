// The unbind QR some schools print beside the registration one (IMUT 二: 「扫描以下二维码」 to
// 解除绑定): the back office's section of /admin/qr, and its A4 poster (posters/school-poster.ts),
// printed in both languages at once (read with bilingualOf).
import type { Messages } from "./types";

export const unbindQr = {
  title: { zh: "解绑二维码", en: "Unbind QR code" },
  lead: {
    zh: "已关注的师生用微信扫描此二维码，登录后进入「解绑微信」页（已登录则直接进入），确认后退出本校企业微信。可与注册二维码一起印在使用手册或海报上。",
    en: "Members who follow scan this code with WeChat to reach 解绑微信 (Unbind WeChat), after signing in if they are not, and leave your school's WeCom once they confirm. Print it beside the registration code in your guide or on a poster.",
  },
  headline: { zh: "微信扫一扫，解绑企业微信", en: "Scan with WeChat to leave the school's WeCom" },
  step1: { zh: "扫码：用微信扫描上方二维码", en: "Scan: scan the QR code above with WeChat" },
  step2: { zh: "登录：用学校账号登录（已登录则跳过）", en: "Sign in with your school account (skipped if you already are)" },
  step3: { zh: "解绑：阅读解绑后的变化，点【确认解绑】", en: "Unbind: read what changes, then tap 【确认解绑】 (Unbind)" },
  step4: {
    zh: "重新加入：先清除微信缓存，再扫注册二维码",
    en: "To join again: clear WeChat's cache first, then scan the registration QR code",
  },
  fileName: { zh: "解绑二维码海报.pdf", en: "unbind-poster.pdf" },
} as const satisfies Messages;
