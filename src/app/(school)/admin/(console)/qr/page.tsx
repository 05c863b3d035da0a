// The school's QR codes for the IT office: the registration QR and, beside it, the unbind QR some
// schools print too (IMUT 二); for each, what it opens, and PNG, SVG and the A4 poster as a PDF (and,
// for registration, a poster to print from the browser). The links are signed for this school
// (src/server/qr/registration-link.ts).
import { headers } from "next/headers";
import { PageHeader } from "~/components/ui/page-header";
import type { Translate } from "~/i18n/messages";
import { schoolScopeOf } from "~/server/http/request-scope";
import { schoolQrLink } from "~/server/qr/registration-image";
import { requestContext, requestLocale } from "~/server/request";
import { normaliseHost } from "~/server/tenants/resolve-host";

const button = "rounded-lg border border-[var(--brand)] bg-white px-4 py-3 text-center text-[var(--brand)]";

type QrDownloads = { image: string; png: string; svg: string; poster: string; print?: string };

/** One code: its image, the link it encodes, and its downloads; `testid` prefixes what the tests read (register keeps its original ids). */
function QrSection(props: { t: Translate; title: string; lead?: string; link: string; files: QrDownloads; testid: string }) {
  const { t, files } = props;
  const id = (name: string) => (props.testid ? `${props.testid}-${name}` : name);
  return (
    <section data-testid={props.testid ? `${props.testid}-section` : "register-section"}>
      {/* A code of its own (not the page's title): its name and what it does first, above the image on a phone. */}
      {props.lead ? (
        <div className="mb-4">
          <h2 className="text-lg font-semibold">{props.title}</h2>
          <p className="mt-1 text-sm text-slate-600">{props.lead}</p>
        </div>
      ) : null}
      <div className="flex flex-col gap-6 md:flex-row md:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- The QR route draws the image at its named size; next/image would re-encode it. */}
        <img
          src={files.image}
          width={240}
          height={240}
          alt={props.title}
          className="h-60 w-60 shrink-0 border border-slate-200 bg-white"
          data-testid={id("qr-image")}
        />
        <div className="min-w-0 flex-1">
          <p className="text-xs break-all text-slate-500" data-testid={id("qr-link")}>
            {t("helpdesk.qrLink", { url: props.link })}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <a href={files.png} className={button} data-testid={id("download-png")}>
              {t("helpdesk.downloadPng")}
            </a>
            <a href={files.svg} className={button} data-testid={id("download-svg")}>
              {t("helpdesk.downloadSvg")}
            </a>
            <a href={files.poster} className={button} data-testid={id("download-poster")}>
              {t("helpdesk.downloadPoster")}
            </a>
            {files.print ? (
              <a href={files.print} className={button}>
                {t("helpdesk.printPoster")}
              </a>
            ) : null}
          </div>
        </div>
      </div>
    </section>
  );
}

export default async function AdminQrPage() {
  const { t } = await requestLocale();
  // The page's own request context (made once per request), on the school's own host the admin is on.
  const scope = schoolScopeOf(await requestContext());
  const host = normaliseHost((await headers()).get("host"));
  const [register, unbind] = await Promise.all([schoolQrLink(scope, host, "register"), schoolQrLink(scope, host, "unbind")]);
  return (
    <>
      <PageHeader title={t("helpdesk.qrTitle")} description={t("helpdesk.qrLead")} />
      <QrSection
        t={t}
        title={t("helpdesk.qrTitle")}
        link={register}
        testid=""
        files={{
          image: "/join/qr.png",
          png: "/join/qr.png?size=print&download=1",
          svg: "/join/qr.svg?download=1",
          poster: "/admin/qr/poster.pdf",
          print: "/admin/qr/poster",
        }}
      />
      <hr className="my-8 border-slate-200" />
      <QrSection
        t={t}
        title={t("unbindQr.title")}
        lead={t("unbindQr.lead")}
        link={unbind}
        testid="unbind"
        files={{
          image: "/admin/qr/unbind/qr.png",
          png: "/admin/qr/unbind/qr.png?size=print&download=1",
          svg: "/admin/qr/unbind/qr.svg?download=1",
          poster: "/admin/qr/unbind/poster.pdf",
        }}
      />
    </>
  );
}
