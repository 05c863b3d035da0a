// The back office's helpdesk queue (运维工单) and the school's QR codes.
import type { Messages } from "./types";

export const helpdesk = {
  title: { zh: "运维工单", en: "Helpdesk cases" },
  lead: {
    zh: "成员在认证过程中遇到只能由学校处理的问题时提交的工单，附平台查到的情况。处理后点【已处理】。",
    en: "Cases members sent from the journey when only the school can fix them, with what the platform found. Mark each as done once handled.",
  },
  open: { zh: "待处理", en: "Open" },
  resolved: { zh: "已处理", en: "Done" },
  none: { zh: "没有工单。", en: "No cases." },
  markResolved: { zh: "已处理", en: "Mark as done" },
  answerLabel: { zh: "回复学生（学生在个人中心可见）", en: "Answer the student (shown on their account page)" },
  answerAndClose: { zh: "回复并标记已处理", en: "Answer and mark as done" },
  answerOnly: { zh: "仅回复", en: "Answer only" },
  assignToMe: { zh: "由我处理", en: "I'll handle it" },
  assignee: { zh: "处理人：{username}", en: "Handled by {username}" },
  answered: { zh: "已回复：{answer}", en: "Answered: {answer}" },
  "kind.PHONE_ALREADY_EXISTS": { zh: "手机号码已存在", en: "Phone number already exists" },
  "kind.WECOM_SYNC_FAILED": { zh: "未能写入企业微信", en: "Not written to WeCom" },
  "kind.TROUBLESHOOT": { zh: "自助排查未能解决", en: "Troubleshooting found no fix" },
  troubleshootFound: {
    zh: "自助排查结论：{diagnosis}；企业微信刚才答复：{live}（此前记录：{recorded}）；写入任务：{job}；同一人另一账号已关注：{other}；成员所见：{seen}",
    en: "Troubleshooting found: {diagnosis}; WeCom just now: {live} (recorded before: {recorded}); write job: {job}; the same person's other account following: {other}; the member sees: {seen}",
  },
  phone: { zh: "手机号：{phone}", en: "Phone: {phone}" },
  holder: { zh: "该手机号在账号 {account} 名下", en: "The number is on account {account}" },
  holderSamePerson: { zh: "（与本人证件号相同，是其旧账号）", en: " (same ID number: the member's old account)" },
  holderBound: { zh: "，已由该账号绑定", en: ", bound by that account" },
  noHolder: {
    zh: "提交时没有其他成员使用该号码：请告诉该成员直接在绑定页面绑定。",
    en: "When this was sent, no other member used this number: tell the member to bind it on the bind page.",
  },
  holderFix: {
    zh: "处理：在通讯录中搜索该手机号，核实后从原账号删除并保存，再告知成员重新绑定。",
    en: "Fix: search the directory for the number, confirm, remove it from that account and save; then tell the member to bind again.",
  },
  wecomPhoneExists: {
    zh: "企业微信答复：该手机号已被企业微信中的其他成员使用（60104）。",
    en: "WeCom answered that another WeCom member uses this number (60104).",
  },
  note: { zh: "成员说明：{note}", en: "Member's note: {note}" },
  createdAt: { zh: "提交于 {time}", en: "Sent {time}" },
  link: { zh: "运维工单", en: "Helpdesk cases" },
  qrTitle: { zh: "注册二维码", en: "Registration QR code" },
  qrLead: {
    zh: "师生用微信扫描此二维码开始认证（进入本校的用户注册页）。二维码带有本校签名，扫到其他学校的二维码时页面会提示。",
    en: "Students and staff scan this code with WeChat to start (it opens your school's register page). It is signed for your school; a code of another school is recognised as such.",
  },
  qrLink: { zh: "二维码链接：{url}", en: "Link: {url}" },
  downloadPng: { zh: "下载 PNG", en: "Download PNG" },
  downloadSvg: { zh: "下载 SVG（印刷用）", en: "Download SVG (for print)" },
  printPoster: { zh: "打印海报", en: "Print a poster" },
  downloadPoster: { zh: "下载海报 PDF", en: "Download the poster (PDF)" },
  posterScan: { zh: "微信扫一扫，开通企业微信", en: "Scan with WeChat to join WeCom" },
  posterSteps: {
    zh: "① 选择身份，统一身份认证登录 ② 绑定手机号（务必使用微信绑定的手机号） ③ 长按识别二维码关注",
    en: "① Choose who you are and sign in ② bind your phone (the one your WeChat uses) ③ long-press the QR code to follow",
  },
} as const satisfies Messages;
