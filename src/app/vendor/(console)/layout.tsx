import type { ReactNode } from "react";
import { vendorConsoleOpenToAll } from "~/env";
import { requireVendor } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

// The console proper: a vendor signed in with the second factor enrolled. Every page says so, loudly,
// while VENDOR_ALLOWED_ADDRESSES is unset and the console answers the whole internet.
export default async function VendorConsoleLayout({ children }: { children: ReactNode }) {
  await requireVendor({ enrolled: true });
  const { t } = await requestLocale();
  return (
    <>
      {vendorConsoleOpenToAll() ? (
        <p
          role="alert"
          className="border-b-2 border-amber-500 bg-amber-100 px-4 py-3 text-sm font-medium text-amber-950"
          data-testid="vendor-open-to-all"
        >
          {t("vendor.allowListOpen")}
        </p>
      ) : null}
      {children}
    </>
  );
}
