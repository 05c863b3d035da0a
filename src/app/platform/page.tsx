import { PageShell } from "~/components/page-shell";
import { requireRootHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

// The platform's root domain: proxy.ts serves this page at "/" there (a school's
// host has its own home page); elsewhere it is 404.
export default async function PlatformHomePage() {
  await requireRootHost();
  const { locale, t } = await requestLocale();
  return (
    <PageShell title={locale === "en" ? "Campus WeCom platform" : "校园企业微信开通平台"} t={t}>
      <p className="text-slate-600">
        {locale === "en"
          ? "Open your school's own address (e.g. ucas.<domain>) or scan your school's QR code."
          : "请打开本校的地址（如 ucas.<域名>）或扫描本校的二维码。"}
      </p>
      <a href="/vendor" className="mt-6 block rounded-lg border border-slate-300 py-3 text-center">
        {t("vendor.loginTitle")}
      </a>
    </PageShell>
  );
}
