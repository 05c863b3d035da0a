import { PageShell } from "~/components/page-shell";
import { SignOutButton } from "~/components/sign-out-button";
import { Words } from "~/components/words";
import { requireVendor } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { EnrolForm } from "./enrol-form";

// Enrolment after the first sign-in, and the reset of an enrolled factor. Each
// visit offers a new secret; its sealed ticket rides in the form (see
// src/server/auth/vendor-second-factor.ts).
export default async function VendorEnrolPage() {
  await requireVendor({ enrolled: false });
  const { t } = await requestLocale();
  const offer = await (await serverApi()).vendor.secondFactor.offer();
  return (
    <PageShell title={offer.enrolled ? t("vendor.resetTitle") : t("vendor.enrolTitle")} t={t} back={offer.enrolled ? "/vendor" : undefined}>
      <p className="text-slate-700">{offer.enrolled ? t("vendor.resetLead") : t("vendor.enrolLead")}</p>
      {/* The SVG is drawn here by the qrcode package from our own otpauth:// URI. */}
      <div
        className="mx-auto my-5 w-56 max-w-full [&>svg]:h-auto [&>svg]:w-full"
        role="img"
        aria-label="otpauth QR"
        data-testid="enrol-qr"
        dangerouslySetInnerHTML={{ __html: offer.qrSvg }}
      />
      <p className="text-sm text-slate-600">{t("vendor.enrolSecret")}</p>
      <p className="mt-1 mb-5 rounded-lg bg-slate-100 px-3 py-2 font-mono text-base break-all select-all" data-testid="enrol-secret">
        {offer.secret.replace(/(.{4})(?=.)/g, "$1 ")}
      </p>
      <Words namespaces={["common", "vendor"]}>
        <EnrolForm ticket={offer.ticket} reset={offer.enrolled} />
        <div className="mt-8">
          <SignOutButton callbackUrl="/vendor/login" />
        </div>
      </Words>
    </PageShell>
  );
}
