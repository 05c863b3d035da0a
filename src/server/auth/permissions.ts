// What each role of a school's back office may do, in one table. Admin
// procedures name the permission they need (`adminProcedure("wecom.settings")`);
// a refusal names it too, so the helpdesk knows whom to ask.
import type { AdminRole } from "~/generated/prisma/client";
import type { Bilingual } from "~/i18n/locale";

export const PERMISSIONS = {
  /** The directory: overview, search, a member's record. */
  "directory.read": { roles: ["ADMIN", "HELPDESK"], label: { zh: "查看通讯录", en: "view the directory" } },
  /** Create, edit and delete members; unlock a member's sign-in. */
  "directory.edit": { roles: ["ADMIN", "HELPDESK"], label: { zh: "编辑通讯录", en: "edit the directory" } },
  /** Members' ID numbers in full (an export that asks for them, audited); everyone else sees them masked. */
  "directory.idNumbers": { roles: ["ADMIN"], label: { zh: "查看完整证件号码", en: "see ID numbers in full" } },
  /** The school's admin accounts: list, unlock, disable (never one's own). */
  "admins.manage": { roles: ["ADMIN"], label: { zh: "管理后台账号", en: "manage back-office accounts" } },
  /** The WeCom connection as the helpdesk needs to see it (no callback keys). */
  "wecom.read": { roles: ["ADMIN", "HELPDESK"], label: { zh: "查看企业微信连接", en: "view the WeCom connection" } },
  /** Change the connection, its secrets and callback keys; 【测试连接】. */
  "wecom.settings": { roles: ["ADMIN"], label: { zh: "设置企业微信连接", en: "change the WeCom connection" } },
  /** The callback Token and EncodingAESKey shown for copying into WeCom's console. */
  "wecom.secrets": { roles: ["ADMIN"], label: { zh: "查看企业微信回调密钥", en: "see the WeCom callback keys" } },
  /** The school's sign-in and phone rules: lockout, initial passwords, which phones may be bound, the identity provider. */
  "settings.manage": { roles: ["ADMIN"], label: { zh: "修改学校设置", en: "change the school's settings" } },
  /** Cases members sent from the journey (「手机号码已存在」 …): list and close. */
  "helpdesk.cases": { roles: ["ADMIN", "HELPDESK"], label: { zh: "处理运维工单", en: "handle helpdesk cases" } },
  /** The audit log: every change, by whom, from where (it names members and admins, so the IT office only). */
  "audit.read": { roles: ["ADMIN"], label: { zh: "查看审计日志", en: "read the audit log" } },
  /** The help pages members read (/help) and the contacts every error page shows: write, preview, reorder, delete. */
  "help.manage": { roles: ["ADMIN"], label: { zh: "编辑帮助页面和联系方式", en: "edit the help pages and contacts" } },
  /** WeCom sync jobs: list and retry. */
  "wecom.jobs": { roles: ["ADMIN", "HELPDESK"], label: { zh: "处理企业微信同步任务", en: "handle WeCom sync jobs" } },
} as const satisfies Record<string, { roles: readonly AdminRole[]; label: Bilingual }>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: AdminRole, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly AdminRole[]).includes(role);
}
