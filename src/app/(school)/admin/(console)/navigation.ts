// The back office's navigation: one line per page, with the permission its procedures ask
// (src/server/auth/permissions.ts). The console shell shows each account the lines it may open.
import type { NavItem } from "~/components/console/navigation";

export const ADMIN_NAVIGATION: readonly NavItem[] = [
  { path: "/admin", labelKey: "console.nav.home", permission: "directory.read" },
  { path: "/admin/go-live", labelKey: "goLive.title", permission: "settings.manage" },
  { path: "/admin/members", labelKey: "console.nav.members", permission: "directory.read" },
  { path: "/admin/import", labelKey: "roster.title", permission: "directory.edit", testId: "import-link" },
  { path: "/admin/helpdesk", labelKey: "helpdesk.link", permission: "helpdesk.cases", testId: "helpdesk-link" },
  { path: "/admin/wecom", labelKey: "admin.wecomLink", permission: "wecom.read" },
  { path: "/admin/identity", labelKey: "idp.title", permission: "settings.manage" },
  { path: "/admin/settings", labelKey: "settings.title", permission: "settings.manage" },
  { path: "/admin/help", labelKey: "help.adminTitle", permission: "help.manage", testId: "help-admin-link" },
  { path: "/admin/branding", labelKey: "branding.title", permission: "settings.manage", testId: "branding-link" },
  { path: "/admin/qr", labelKey: "helpdesk.qrTitle", testId: "qr-admin-link" },
  { path: "/admin/accounts", labelKey: "console.nav.accounts", permission: "admins.manage" },
  { path: "/admin/audit", labelKey: "audit.title", permission: "audit.read" },
  { path: "/admin/outbox", labelKey: "console.nav.outbox", permission: "directory.read" },
];
