import { PageShell } from "~/components/page-shell";
import { TenantUnavailable } from "~/components/tenant-unavailable";
import { requestContext, requestLocale } from "~/server/request";

export default async function NotFound() {
  const ctx = await requestContext();
  const { t } = await requestLocale();
  if (ctx.resolution.kind === "unavailable") return <TenantUnavailable t={t} suspended={ctx.resolution.reason === "suspended"} />;
  return (
    <PageShell title={t("notFound.title")} t={t}>
      <p className="py-10 text-center text-slate-600">{t("notFound.body")}</p>
      <a href="/" className="block rounded-lg bg-[var(--brand)] py-3 text-center text-white">
        {t("common.back")}
      </a>
    </PageShell>
  );
}
