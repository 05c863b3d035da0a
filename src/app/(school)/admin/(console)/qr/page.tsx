// The school's registration QR code for the IT office: what it opens, and PNG, SVG, the A4 poster as a
// PDF and a poster to print from the browser. The link is signed for this school (src/server/qr/registration-link.ts).
import { headers } from "next/headers";
import { PageHeader } from "~/components/ui/page-header";
import { schoolScopeOf } from "~/server/http/request-scope";
import { registrationLink } from "~/server/qr/registration-image";
import { requestContext, requestLocale } from "~/server/request";
import { normaliseHost } from "~/server/tenants/resolve-host";

export default async function AdminQrPage() {
  const { t } = await requestLocale();
  // The page's own request context (made once per request), on the school's own host the admin is on.
  const link = await registrationLink(schoolScopeOf(await requestContext()), normaliseHost((await headers()).get("host")));
  const button = "rounded-lg border border-[var(--brand)] bg-white px-4 py-3 text-center text-[var(--brand)]";
  return (
    <>
      <PageHeader title={t("helpdesk.qrTitle")} description={t("helpdesk.qrLead")} />
      <div className="flex flex-col gap-6 md:flex-row md:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- The QR route draws the image at its named size; next/image would re-encode it. */}
        <img
          src="/join/qr.png"
          width={240}
          height={240}
          alt={t("helpdesk.qrTitle")}
          className="h-60 w-60 shrink-0 border border-slate-200 bg-white"
        />
        <div className="min-w-0 flex-1">
          <p className="text-xs break-all text-slate-500" data-testid="qr-link">
            {t("helpdesk.qrLink", { url: link })}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <a href="/join/qr.png?size=print&download=1" className={button} data-testid="download-png">
              {t("helpdesk.downloadPng")}
            </a>
            <a href="/join/qr.svg?download=1" className={button} data-testid="download-svg">
              {t("helpdesk.downloadSvg")}
            </a>
            <a href="/admin/qr/poster.pdf" className={button} data-testid="download-poster">
              {t("helpdesk.downloadPoster")}
            </a>
            <a href="/admin/qr/poster" className={button}>
              {t("helpdesk.printPoster")}
            </a>
          </div>
        </div>
      </div>
    </>
  );
}
