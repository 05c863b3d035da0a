// The vendor console's running of the platform: deleting and restoring schools, every school's
// health on one page, and the platform's audit log.
import type { Messages } from "./types";

export const vendorOps = {
  "nav.health": { zh: "健康状况", en: "Health" },
  "nav.audit": { zh: "平台审计日志", en: "Platform audit log" },

  delete: { zh: "删除学校", en: "Delete school" },
  deleteTitle: { zh: "删除学校：{name}（{slug}）", en: "Delete school: {name} ({slug})" },
  deleteLead: {
    zh: "删除后，{slug} 的网址立即停止服务（如同未开通的学校），学校管理员无法登录，后台任务停止。30 天内可在「已删除的学校」中恢复到删除前的状态；30 天后以下数据将被永久删除，无法找回：",
    en: "Once deleted, {slug} stops answering at once (like a school never set up), its administrators cannot sign in and its jobs stop. For 30 days it can be restored, as it was, from “Deleted schools”; after that, all of the following is removed for good:",
  },
  "what.school": { zh: "学校 {name}（{nameEn}），域名前缀 {slug}", en: "The school {name} ({nameEn}), slug {slug}" },
  "what.members": {
    zh: "{count} 名成员，及其手机号绑定、企业微信状态和登录记录",
    en: "{count} members, with their phone bindings, WeCom state and sign-in history",
  },
  "what.admins": { zh: "{count} 个学校管理员账号：{names}", en: "{count} school administrator accounts: {names}" },
  "what.identity": { zh: "统一身份认证设置（{kind}）", en: "The unified login settings ({kind})" },
  "what.wecomConnected": { zh: "企业微信连接（已连接：通讯录同步将停止）", en: "The WeCom connection (connected: directory sync stops)" },
  "what.wecomNone": { zh: "企业微信连接（尚未连接）", en: "The WeCom connection (not connected yet)" },
  "what.domains": { zh: "自定义域名：{domains}", en: "Custom domains: {domains}" },
  "what.rules": {
    zh: "登录锁定、手机号、密码和验证码规则，身份类型，注册二维码",
    en: "The lockout, phone, password and code rules, identity kinds, registration QR codes",
  },
  "what.cases": { zh: "{count} 个求助工单", en: "{count} helpdesk cases" },
  "what.audit": {
    zh: "{count} 条本校审计日志（平台运营对本校的操作记录保留在平台审计日志中）",
    en: "{count} rows of the school's audit trail (the operators' own rows about it stay in the platform audit log)",
  },
  confirmSlug: { zh: "请输入域名前缀 {slug} 以确认删除", en: "Type the slug {slug} to confirm" },
  confirmDelete: { zh: "删除学校（30 天内可恢复）", en: "Delete the school (restorable for 30 days)" },
  deleted: { zh: "已删除 {slug}：{date} 后永久删除", en: "{slug} is deleted: purged for good after {date}" },
  deletedTitle: { zh: "已删除的学校", en: "Deleted schools" },
  deletedLead: {
    zh: "删除后 30 天内可恢复到删除前的状态（运行中或已暂停）；到期后自动永久删除。",
    en: "A deleted school can be restored, as it was (active or suspended), for 30 days; after that it is purged automatically.",
  },
  deletedAt: { zh: "删除于 {time}", en: "Deleted {time}" },
  daysLeft: { zh: "{days} 天后永久删除", en: "Purged for good in {days} days" },
  restore: { zh: "恢复", en: "Restore" },
  restored: { zh: "已恢复 {slug}", en: "{slug} is restored" },

  "health.title": { zh: "学校健康状况", en: "Schools' health" },
  "health.lead": {
    zh: "每所学校的成员、开通漏斗、今日验证码用量与集成状态。有问题的学校排在最前，每个问题都附有处理入口。",
    en: "Each school's members, activation funnel, code messages today and integrations. Schools with problems come first, each problem with a link to where it is fixed.",
  },
  "health.school": { zh: "学校", en: "School" },
  "health.members": { zh: "成员", en: "Members" },
  "health.funnel": { zh: "开通漏斗", en: "Activation funnel" },
  "health.codes": { zh: "今日验证码", en: "Codes today" },
  "health.codesUsage": { zh: "{sent} / {budget} 条", en: "{sent} of {budget}" },
  "health.wecom": { zh: "企业微信", en: "WeCom" },
  "health.wecomNone": { zh: "未连接", en: "Not connected" },
  "health.tokenAt": { zh: "令牌获取于 {time}", en: "Token fetched {time}" },
  "health.tokenNever": { zh: "尚未获取令牌", en: "No token fetched yet" },
  "health.failedJobs": { zh: "失败任务 {count} 个", en: "{count} failed jobs" },
  "health.idp": { zh: "统一身份认证", en: "Unified login" },
  "health.idpPassed": { zh: "{time} 测试通过", en: "Test passed {time}" },
  "health.idpFailed": { zh: "{time} 测试失败", en: "Test failed {time}" },
  "health.idpNever": { zh: "尚未测试", en: "Not tested yet" },
  "health.problems": { zh: "问题", en: "Problems" },
  "health.ok": { zh: "正常", en: "Healthy" },
  "health.act": { zh: "去处理", en: "Fix it" },
  "health.unhealthy": { zh: "{count} 所学校有问题", en: "{count} schools have problems" },
  "health.none": { zh: "还没有学校。", en: "No schools yet." },
  "problem.wecomAuthFailed": {
    zh: "企业微信拒绝了学校的 Secret（{failure}），通讯录同步已暂停：请学校管理员在「企业微信」设置中填入正确的 Secret。",
    en: "WeCom refused the school's secret ({failure}) and directory sync is paused: the school's IT admin must save the right secret in the WeCom settings.",
  },
  "problem.idpTestFailed": {
    zh: "统一身份认证上次【测试连接】失败：成员可能无法登录。",
    en: "The unified login's last connection test failed: members may be unable to sign in.",
  },
  "problem.codesSpent": {
    zh: "今日验证码短信已用完（{sent} / {budget} 条），成员今天收不到验证码。",
    en: "Today's code messages are spent ({sent} of {budget}): members get no codes until tomorrow.",
  },
  "problem.wecomJobsFailed": {
    zh: "{count} 个企业微信任务失败，最近一次：{error}",
    en: "{count} WeCom jobs failed; the latest: {error}",
  },
  "problem.idpNotTested": {
    zh: "统一身份认证尚未做过【测试连接】。",
    en: "The unified login has never been tested.",
  },
  "problem.codesWarning": {
    zh: "今日验证码短信已用过半（{sent} / {budget} 条）。",
    en: "Over half of today's code messages are used ({sent} of {budget}).",
  },

  "audit.title": { zh: "平台审计日志", en: "Platform audit log" },
  "audit.lead": {
    zh: "平台运营的每项操作（开通、暂停、恢复、删除学校，邀请管理员，代学校修改设置，登录）和平台任务（永久删除学校）。",
    en: "Every action of the platform's operators (schools set up, suspended, resumed, deleted and restored, invitations, a school's settings changed for it, sign-ins) and of the platform's jobs (purges).",
  },
  "audit.actorHint": { zh: "运营账号；system 为平台任务", en: "An operator's username; system for the platform's jobs" },
  "audit.actionHint": { zh: "如 tenant. 为所有学校操作", en: "e.g. tenant. for every change to schools" },
  "audit.school": { zh: "学校（域名前缀）", en: "School (slug)" },
} as const satisfies Messages;
