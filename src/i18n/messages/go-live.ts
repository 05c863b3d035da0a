// The go-live checklist (开通向导, /admin/go-live): each step a school takes from the vendor's
// invitation to its first member in WeCom, as the product finds it, and where to do it.
import type { Messages } from "./types";

export const goLive = {
  title: { zh: "开通向导", en: "Go-live checklist" },
  lead: {
    zh: "从连接企业微信到第一位成员关注成功，每一步都由平台自动检查；完成一步后刷新本页即可看到结果。",
    en: "From connecting WeCom to the first member following: the platform checks every step itself; refresh this page after doing one.",
  },
  progress: { zh: "已完成 {done} / {total} 步", en: "{done} of {total} steps done" },
  allDone: { zh: "全部完成：本校已可以上线。", en: "All done: the school is ready to go live." },
  "title.wecom": { zh: "连接企业微信（含企业可信IP）", en: "Connect WeCom (trusted IPs included)" },
  "title.identity": { zh: "连接统一身份认证并完成一次测试登录", en: "Connect the unified login and sign in once to test it" },
  "title.roster": { zh: "导入名单", en: "Import the roster" },
  "title.sync": { zh: "同步通讯录到企业微信", en: "Sync the directory to WeCom" },
  "title.visibleRange": { zh: "小助手应用的可见范围", en: "The assistant app's visible range" },
  "title.qr": { zh: "下载注册二维码与海报", en: "Download the registration QR code and poster" },
  "title.firstFollow": { zh: "一位测试成员走完全程，关注成功", en: "One test member walks through to following" },
  "wecom.never": { zh: "尚未测试连接。", en: "The connection has not been tested yet." },
  "wecom.ok": { zh: "{at} 测试连接通过。", en: "The connection passed its test at {at}." },
  "wecom.failed": { zh: "{at} 测试连接未通过：{checks}。", en: "The connection failed its test at {at}: {checks}." },
  "wecom.link": { zh: "去企业微信设置，点【测试连接】", en: "Open the WeCom settings and press Test connection" },
  "identity.builtin": {
    zh: "本校使用平台内置账号密码登录，无需连接学校服务器。",
    en: "The school signs in with the built-in directory: no school server to connect.",
  },
  "identity.never": { zh: "尚未测试连接。", en: "The connection has not been tested yet." },
  "identity.failed": { zh: "{at} 测试连接未通过。", en: "The connection failed its test at {at}." },
  "identity.noSignIn": {
    zh: "{at} 测试连接通过，但还没有人通过学校的统一身份认证登录过：请用测试账号登录一次（Client ID 与 Secret 只能这样验证）。",
    en: "The connection passed its test at {at}, but nobody has signed in through the school's server yet: sign in once with a test account (the only proof of the client id and secret).",
  },
  "identity.ok": {
    zh: "测试连接通过，已有 {count} 次通过学校服务器的登录。",
    en: "The connection passed its test, and {count} sign-ins went through the school's server.",
  },
  "identity.link": { zh: "去统一身份认证设置", en: "Open the unified login settings" },
  "roster.none": { zh: "名单中还没有成员。", en: "The directory has no members yet." },
  "roster.ok": { zh: "名单中有 {count} 位成员。", en: "The directory holds {count} members." },
  "roster.link": { zh: "去导入名单", en: "Import the roster" },
  "sync.none": { zh: "名单为空，无可同步的成员。", en: "The directory is empty: nothing to sync." },
  "sync.progress": { zh: "企业微信中已有 {written} / {total} 位成员。", en: "WeCom holds {written} of {total} members." },
  "sync.failed": { zh: "{failed} 个同步任务失败，请查看原因并重试。", en: "{failed} sync jobs failed: see why and retry them." },
  "sync.link": { zh: "查看同步任务", en: "See the sync jobs" },
  "visibleRange.never": { zh: "测试连接后才能检查。", en: "Checked by the WeCom connection test." },
  "visibleRange.ok": { zh: "小助手应用对成员可见。", en: "The assistant app is visible to members." },
  "visibleRange.failed": {
    zh: "小助手应用的可见范围不对：成员关注后会看不到应用。详见企业微信设置页的测试结果。",
    en: "The assistant app's visible range is wrong: members would not see the app after following. The WeCom page's test says what to change.",
  },
  "visibleRange.link": { zh: "去企业微信设置，查看测试结果", en: "Open the WeCom settings and its test" },
  "qr.never": { zh: "还没有从后台下载过注册二维码。", en: "The registration QR code has not been downloaded from the back office yet." },
  "qr.ok": { zh: "{at} 已下载注册二维码。", en: "The registration QR code was downloaded at {at}." },
  "qr.link": { zh: "去二维码页面下载 PNG/SVG 或打印海报", en: "Download the PNG or SVG, or print the poster" },
  "firstFollow.none": {
    zh: "还没有成员关注成功：请用一个测试账号扫码，走完登录、绑定手机号、关注的全过程。",
    en: "No member follows yet: scan the code with a test account and go through sign-in, phone binding and following.",
  },
  "firstFollow.ok": { zh: "已有 {count} 位成员关注成功。", en: "{count} members follow the school in WeCom." },
  "firstFollow.link": { zh: "打开二维码页面", en: "Open the QR code page" },
} as const satisfies Messages;
