// The vendor console's navigation. A vendor is one kind of account with no roles, so no line
// names a permission (navigationFor shows them all); a line that needs one later names it here.
import type { NavItem } from "~/components/console/navigation";

export const VENDOR_NAVIGATION: readonly NavItem[] = [
  { path: "/vendor", labelKey: "console.nav.schools" },
  { path: "/vendor/health", labelKey: "vendorOps.nav.health" },
  { path: "/vendor/audit", labelKey: "vendorOps.nav.audit" },
  { path: "/vendor/private-origins", labelKey: "vendor.origins.nav" },
  { path: "/vendor/enrol", labelKey: "vendor.enrolLink" },
];
