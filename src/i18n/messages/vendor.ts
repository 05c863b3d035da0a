// The vendor console.
import type { Messages } from "./types";

export const vendor = {
  loginTitle: { zh: "平台运营控制台", en: "Platform console" },
  allowListOpen: {
    zh: "警告：未设置 VENDOR_ALLOWED_ADDRESSES，本控制台（含登录页）对互联网上的任何地址开放。请在服务器环境变量中设置运营团队办公网或 VPN 的地址（如 VENDOR_ALLOWED_ADDRESSES=203.0.113.7,198.51.100.0/24）并重启。",
    en: "Warning: VENDOR_ALLOWED_ADDRESSES is not set, so this console (its sign-in included) answers every address on the internet. Set it in the server's environment to the operator's office or VPN addresses (e.g. VENDOR_ALLOWED_ADDRESSES=203.0.113.7,198.51.100.0/24) and restart.",
  },
  usernameLabel: { zh: "运营账号", en: "Operator account" },
  tenants: { zh: "学校（租户）", en: "Schools (tenants)" },
  "codes.platformWarning": {
    zh: "今日全平台已发送验证码短信 {sent} 条，已达每日预算 {budget} 条的一半（CODES_PLATFORM_DAILY_BUDGET）。若非迎新高峰，请检查下列学校是否有人滥发。",
    en: "{sent} code messages sent on the platform today: half of the daily budget of {budget} (CODES_PLATFORM_DAILY_BUDGET). Unless it is an enrolment peak, check the schools below for abuse.",
  },
  "codes.platformSpent": {
    zh: "今日全平台验证码短信已达每日预算 {budget} 条：所有学校今天都无法再发送验证码（北京时间零点恢复）。如需继续，请调高 CODES_PLATFORM_DAILY_BUDGET 并重启服务。",
    en: "The platform has sent its daily budget of {budget} code messages: no school can send codes until midnight (Beijing time). To go on, raise CODES_PLATFORM_DAILY_BUDGET and restart.",
  },
  "codes.schoolBudget": {
    zh: "{name}：今日已发送 {sent} / {budget} 条验证码短信",
    en: "{name}: {sent} of {budget} code messages sent today",
  },
  "codes.schoolSpent": { zh: "（已停发，学校管理员可调高预算）", en: " (stopped; the school's IT office can raise its budget)" },
  create: { zh: "开通新学校", en: "Set up a school" },
  slug: { zh: "域名前缀", en: "Slug" },
  slugHint: { zh: "学校的子域名，如 ucas → ucas.{domain}", en: "The school's subdomain, e.g. ucas → ucas.{domain}" },
  name: { zh: "学校名称", en: "School name" },
  nameEn: { zh: "英文名称", en: "English name" },
  idpKind: { zh: "身份认证方式", en: "Sign-in method" },
  "idp.BUILTIN": { zh: "内置通讯录（账号密码）", en: "Built-in directory (password)" },
  "idp.CAS": { zh: "CAS 统一身份认证", en: "CAS unified login" },
  "idp.OIDC": { zh: "OIDC", en: "OIDC" },
  "status.ACTIVE": { zh: "运行中", en: "Active" },
  "status.SUSPENDED": { zh: "已暂停", en: "Suspended" },
  suspend: { zh: "暂停", en: "Suspend" },
  resume: { zh: "恢复", en: "Resume" },
  members: { zh: "成员", en: "Members" },
  created: { zh: "已开通 {slug}", en: "{slug} is set up" },
  open: { zh: "打开", en: "Open" },
  admins: { zh: "学校管理员", en: "School administrators" },
  totpLabel: { zh: "动态验证码", en: "One-time code" },
  totpPlaceholder: { zh: "身份验证器上的 6 位数字", en: "6 digits from your authenticator" },
  totpHint: { zh: "首次登录（尚未绑定身份验证器）时留空。", en: "Leave empty on your first sign-in, before an authenticator is set up." },
  enrolTitle: { zh: "绑定身份验证器", en: "Set up your authenticator" },
  resetTitle: { zh: "更换身份验证器", en: "Change your authenticator" },
  enrolLead: {
    zh: "运营控制台需要两步验证。请用身份验证器 App（如 Google Authenticator、Microsoft Authenticator、FreeOTP 或 1Password）扫描下方二维码，再输入它显示的 6 位验证码。",
    en: "The platform console needs two-step verification. Scan the QR code below with an authenticator app (such as Google Authenticator, Microsoft Authenticator, FreeOTP or 1Password), then enter the 6-digit code it shows.",
  },
  resetLead: {
    zh: "用身份验证器扫描新的二维码，输入旧验证器的当前验证码和新验证器的验证码。更换后旧验证器作废。",
    en: "Scan the new QR code with your authenticator, then enter the current code of the old authenticator and a code of the new one. The old one stops working.",
  },
  enrolSecret: {
    zh: "无法扫码时，可在 App 中手动输入密钥（基于时间，6 位，30 秒）：",
    en: "If you cannot scan, type this key into the app (time-based, 6 digits, 30 seconds):",
  },
  enrolCurrentCode: { zh: "旧验证器的当前验证码", en: "Current code of the old authenticator" },
  enrolNewCode: { zh: "新验证器显示的 6 位验证码", en: "6-digit code of the new authenticator" },
  enrolCode: { zh: "身份验证器显示的 6 位验证码", en: "6-digit code from your authenticator" },
  enrolSubmit: { zh: "完成绑定", en: "Finish setup" },
  enrolDone: {
    zh: "身份验证器已绑定。请等待验证器显示下一个验证码后，用账号、密码和验证码重新登录。",
    en: "Your authenticator is set up. Wait for it to show the next code, then sign in again with account, password and code.",
  },
  enrolLink: { zh: "更换身份验证器", en: "Change authenticator" },
  addressRefused: { zh: "无法访问运营控制台", en: "The console is not reachable from here" },
} as const satisfies Messages;
