import type { ReactNode } from "react";
import { ConsoleShell } from "~/components/console/console-shell";
import { navigationFor } from "~/components/console/navigation";
import { vendorConsoleOpenToAll } from "~/env";
import { requireVendor } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { VENDOR_NAVIGATION } from "./navigation";

// The console proper: a vendor signed in with the second factor enrolled. Every page says so, loudly,
// while VENDOR_ALLOWED_ADDRESSES is unset and the console answers the whole internet.
export default async function VendorConsoleLayout({ children }: { children: ReactNode }) {
  const vendor = await requireVendor({ enrolled: true });
  const { t } = await requestLocale();
  const openToAll = vendorConsoleOpenToAll() ? (
    <p
      role="alert"
      className="border-b-2 border-amber-500 bg-amber-100 px-4 py-3 text-sm font-medium [overflow-wrap:anywhere] text-amber-950"
      data-testid="vendor-open-to-all"
    >
      {t("vendor.allowListOpen")}
    </p>
  ) : null;
  return (
    <ConsoleShell
      name={t("vendor.loginTitle")}
      home="/vendor"
      items={navigationFor(VENDOR_NAVIGATION, null)}
      who={t("console.signedInAs", { name: vendor.name, role: t("console.vendorRole") })}
      signOutTo="/vendor/login"
      banner={openToAll}
    >
      {children}
    </ConsoleShell>
  );
}
