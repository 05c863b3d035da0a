// A console's navigation: one list per area, filtered by the permission check the procedures use.
import { describe, expect, it } from "vitest";
import { ADMIN_NAVIGATION } from "~/app/(school)/admin/(console)/navigation";
import { VENDOR_NAVIGATION } from "~/app/vendor/(console)/navigation";
import { currentNavPath, navigationFor } from "~/components/console/navigation";
import { messageKeys } from "~/i18n/messages";
import { can } from "~/server/auth/permissions";

const paths = (items: { path: string }[]) => items.map((item) => item.path);

describe("navigationFor", () => {
  it("does not show the helpdesk the pages only the IT office's admin may open", () => {
    const helpdesk = paths(navigationFor(ADMIN_NAVIGATION, "HELPDESK"));
    expect(helpdesk).not.toContain("/admin/accounts");
    expect(helpdesk).not.toContain("/admin/identity");
    expect(helpdesk).toEqual(expect.arrayContaining(["/admin", "/admin/members", "/admin/helpdesk", "/admin/wecom", "/admin/qr"]));
  });

  it("shows the admin every page of the back office", () => {
    expect(paths(navigationFor(ADMIN_NAVIGATION, "ADMIN"))).toEqual(paths([...ADMIN_NAVIGATION]));
  });

  it("decides with the procedures' own check: an entry is shown exactly when its permission is granted", () => {
    for (const role of ["ADMIN", "HELPDESK"] as const) {
      for (const item of ADMIN_NAVIGATION) {
        const shown = paths(navigationFor(ADMIN_NAVIGATION, role)).includes(item.path);
        expect(shown, `${role} ${item.path}`).toBe(!item.permission || can(role, item.permission));
      }
    }
  });

  it("shows an area without roles its unguarded entries, and never a guarded one", () => {
    expect(paths(navigationFor(VENDOR_NAVIGATION, null))).toEqual([
      "/vendor",
      "/vendor/health",
      "/vendor/audit",
      "/vendor/private-origins",
      "/vendor/enrol",
    ]);
    expect(navigationFor([{ path: "/x", labelKey: "common.search", permission: "directory.read" }], null)).toEqual([]);
  });

  it("names every entry with words that exist", () => {
    const keys = new Set<string>(messageKeys());
    for (const item of [...ADMIN_NAVIGATION, ...VENDOR_NAVIGATION]) expect(keys.has(item.labelKey), item.labelKey).toBe(true);
  });
});

describe("currentNavPath", () => {
  it("marks the entry of the page shown, or of the page above it", () => {
    expect(currentNavPath(ADMIN_NAVIGATION, "/admin")).toBe("/admin");
    expect(currentNavPath(ADMIN_NAVIGATION, "/admin/members?q=2024&page=2")).toBe("/admin/members");
    expect(currentNavPath(ADMIN_NAVIGATION, "/admin/qr/poster")).toBe("/admin/qr");
    expect(currentNavPath(ADMIN_NAVIGATION, "/admin/wecom/")).toBe("/admin/wecom");
    expect(currentNavPath(VENDOR_NAVIGATION, "/vendor/schools/abc/identity")).toBe("/vendor");
  });

  it("does not take a path that merely starts with an entry's letters for a page below it", () => {
    expect(currentNavPath([{ path: "/admin/qr", labelKey: "helpdesk.qrTitle" }], "/admin/qrcodes")).toBeNull();
  });
});
