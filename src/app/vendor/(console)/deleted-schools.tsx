// The vendor's deleted schools, apart from the live ones: when each was deleted, the days left
// before the purge (「N 天后永久删除」), and 【恢复】.
import type { z } from "zod";
import { ActionForm } from "~/components/action-form";
import { chinaTime, pick, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { deletedTenantOutput } from "~/server/tenants/delete-tenant";
import { restoreTenantAction } from "./actions";

type Deleted = z.infer<typeof deletedTenantOutput>;

export function DeletedSchools({ schools, t, locale }: { schools: Deleted[]; t: Translate; locale: Locale }) {
  if (schools.length === 0) return null;
  return (
    <section className="mt-8" data-testid="deleted-schools">
      <h2 className="text-lg font-semibold">{t("vendorOps.deletedTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("vendorOps.deletedLead")}</p>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {schools.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm" data-testid={`deleted-${s.slug}`}>
            <span className="flex-1">
              <span className="font-medium">{pick(locale, { zh: s.name, en: s.nameEn || s.name })}</span>{" "}
              <span className="font-mono text-slate-500">{s.slug}</span>
              <span className="ml-2 text-slate-500">{t("vendorOps.deletedAt", { time: chinaTime(locale, s.deletedAt) })}</span>
            </span>
            <span className="text-red-700" data-testid="days-left">
              {t("vendorOps.daysLeft", { days: s.daysLeft })}
            </span>
            <ActionForm action={restoreTenantAction} className="flex items-center gap-2">
              <input type="hidden" name="tenantId" value={s.id} />
              <button className="rounded border border-slate-300 px-3 py-1.5">{t("vendorOps.restore")}</button>
            </ActionForm>
          </li>
        ))}
      </ul>
    </section>
  );
}
