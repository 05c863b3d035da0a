import type { Translate } from "~/i18n/messages";
import { PageShell } from "./page-shell";

export function TenantUnavailable({ t, suspended }: { t: Translate; suspended: boolean }) {
  return (
    <PageShell title={t("unavailable.title")} t={t}>
      <div className="py-10 text-center">
        <p className="text-5xl" aria-hidden>
          🏫
        </p>
        <h2 className="mt-4 text-xl font-semibold">{t("unavailable.title")}</h2>
        <p className="mt-3 text-slate-600">{suspended ? t("unavailable.suspended") : t("unavailable.body")}</p>
      </div>
    </PageShell>
  );
}
