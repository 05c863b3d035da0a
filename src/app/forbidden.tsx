import { PageShell } from "~/components/page-shell";
import { vendorAddressAllowed } from "~/server/auth/vendor-access";
import { errorMessage } from "~/server/errors";
import { requestContext, requestLocale } from "~/server/request";

// Rendered with HTTP 403 when a page calls forbidden(); today only the vendor
// console's guard does, for a client outside VENDOR_ALLOWED_ADDRESSES.
export default async function Forbidden() {
  const ctx = await requestContext();
  const { locale, t } = await requestLocale();
  const addressRefused = ctx.resolution.kind === "root" && !vendorAddressAllowed(ctx.ip);
  return (
    <PageShell title={addressRefused ? t("vendor.addressRefused") : t("vendor.loginTitle")} t={t}>
      <p role="alert" className="py-10 text-center text-slate-700">
        {addressRefused
          ? errorMessage("VENDOR_ADDRESS_NOT_ALLOWED", locale, { address: ctx.ip ?? "?" })
          : errorMessage("FORBIDDEN", locale)}
      </p>
    </PageShell>
  );
}
