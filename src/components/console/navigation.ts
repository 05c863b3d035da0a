// A console's navigation is data: one list per area (the back office's in
// app/(school)/admin/(console)/navigation.ts, the vendor's beside its layout),
// filtered by the same `can(role, permission)` the procedures ask, so a link
// never leads to a refusal and a page never decides by role name.
import type { AdminRole } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n/messages";
import { can, type Permission } from "~/server/auth/permissions";

export type NavItem = {
  path: string;
  labelKey: MessageKey;
  /** What the page's procedures ask; none: every account of the area may open it. */
  permission?: Permission;
  /** A test id older specs already click (kept when the link moved from the home page into the navigation). */
  testId?: string;
};

/** The entries `role` may open (null: an area without roles, such as the vendor's, shows the unguarded ones). */
export function navigationFor(items: readonly NavItem[], role: AdminRole | null): NavItem[] {
  return items.filter((item) => !item.permission || (role !== null && can(role, item.permission)));
}

/** The entry of the page shown: the longest entry path that is the page's path or a folder above it. */
export function currentNavPath(items: readonly NavItem[], pathname: string): string | null {
  const path = pathname.split(/[?#]/)[0]!.replace(/\/+$/, "") || "/";
  let best: string | null = null;
  for (const { path: entry } of items) {
    const inside = path === entry || path.startsWith(entry.endsWith("/") ? entry : `${entry}/`);
    if (inside && (best === null || entry.length > best.length)) best = entry;
  }
  return best;
}
