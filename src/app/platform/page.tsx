import { PageShell } from "~/components/page-shell";
import { requireRootHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

// The platform's root domain: proxy.ts serves this page at "/" there (a school's
// host has its own home page); elsewhere it is 404.
export default async function PlatformHomePage() {
  await requireRootHost();
  const { t } = await requestLocale();
  return (
    <PageShell title={t("platform.name")} t={t}>
      <p className="text-slate-600">{t("platform.lead")}</p>
      <a href="/vendor" className="mt-6 block rounded-lg border border-slate-300 py-3 text-center">
        {t("vendor.loginTitle")}
      </a>
    </PageShell>
  );
}
