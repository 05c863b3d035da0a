// After 解绑微信 (me/unbind/confirm): the member is signed out everywhere, so this page is the
// school's, for anyone; it says what happened and where following again starts (at sign-in).
import { PageShell } from "~/components/page-shell";
import { currentSchool } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export default async function UnboundPage() {
  const { t } = await requestLocale();
  await currentSchool();
  return (
    <PageShell title={t("me.unboundTitle")} t={t}>
      <div className="rounded-xl bg-slate-50 p-5" role="status" data-testid="unbound">
        <h2 className="text-xl font-semibold">{t("me.unboundTitle")}</h2>
        <p className="mt-2 text-slate-700">{t("me.unboundLead")}</p>
      </div>
      <p className="mt-4 text-slate-700">{t("me.unboundNext")}</p>
      <p className="mt-2 text-sm text-slate-500">{t("me.unbindCache")}</p>
      <a href="/" className="mt-6 block rounded-lg border border-slate-300 py-3 text-center text-slate-700">
        {t("me.unboundHome")}
      </a>
    </PageShell>
  );
}
