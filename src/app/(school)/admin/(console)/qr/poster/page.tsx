// A printable A4 poster of the registration QR code: the school's name, the code (SVG, sharp at any
// size) and the three steps, in the school's colour. The browser's print dialog does the rest
// (the console's navigation does not print).
import { pick } from "~/i18n/locale";
import { currentSchool } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export default async function PosterPage() {
  const { locale, t } = await requestLocale();
  const tenant = await currentSchool();
  const name = pick(locale, { zh: tenant.name, en: tenant.nameEn || tenant.name });
  return (
    <div className="mx-auto flex min-h-[80dvh] max-w-[210mm] flex-col items-center justify-center gap-6 bg-white p-10 text-center">
      <h1 className="text-4xl font-bold text-[var(--brand)]">{name}</h1>
      <p className="text-2xl">{t("helpdesk.posterScan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- An SVG for print: next/image would not help and would re-encode it. */}
      <img src="/join/qr.svg" width={360} height={360} alt={t("helpdesk.qrTitle")} className="h-[90mm] w-[90mm]" />
      <p className="max-w-xl text-lg text-slate-700">{t("helpdesk.posterSteps")}</p>
    </div>
  );
}
