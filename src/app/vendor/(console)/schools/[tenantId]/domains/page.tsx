// A school's own host names: for each, the DNS record its network office adds, the last
// 【检查解析】 and what DNS answered; a form to add one (tenants/custom-domains.ts).
import { notFound } from "next/navigation";
import { ActionForm } from "~/components/action-form";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { Words } from "~/components/words";
import { chinaTime, schoolName } from "~/i18n/locale";
import { requestLocale, serverApi } from "~/server/request";
import { checkDomainAction, removeDomainAction } from "./actions";
import { AddDomainForm } from "./add-domain-form";

export default async function VendorSchoolDomainsPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) notFound();
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const tenant = (await api.vendor.tenants.list()).find((s) => s.id === tenantId);
  if (!tenant) notFound();
  const domains = await api.vendor.domains.list({ tenantId });
  return (
    <>
      <PageHeader
        title={`${t("vendor.domains.title")} · ${schoolName(tenant, locale)}`}
        description={t("vendor.domains.lead")}
        back={{ href: "/vendor", label: t("common.back") }}
      />
      {domains.length === 0 ? <p className="text-sm text-slate-600">{t("vendor.domains.none")}</p> : null}
      <ul className="space-y-3" data-testid="domains">
        {domains.map((d) => (
          <li key={d.domain} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`domain-${d.domain}`}>
            <p className="font-mono font-semibold break-all">{d.domain}</p>
            <p className="mt-2 text-sm">{t("vendor.domains.record")}</p>
            <code className="mt-1 block rounded bg-slate-100 px-2 py-1 text-sm break-all">{`${d.domain}.  CNAME  ${d.target}.`}</code>
            <div className="mt-3" data-status={d.checkOk === null ? "skipped" : d.checkOk ? "passed" : "failed"} data-testid="domain-check">
              {d.checkedAt === null ? (
                <p className="text-sm text-slate-600">{t("vendor.domains.never")}</p>
              ) : (
                <Notice tone={d.checkOk ? "info" : "warning"}>
                  {t(d.checkOk ? "vendor.domains.ok" : "vendor.domains.failed", {
                    at: chinaTime(locale, d.checkedAt),
                    found: d.checkFound ?? "—",
                    target: d.target,
                  })}
                </Notice>
              )}
            </div>
            <div className="mt-3 flex flex-wrap gap-3">
              <ActionForm action={checkDomainAction}>
                <input type="hidden" name="tenantId" value={tenantId} />
                <input type="hidden" name="domain" value={d.domain} />
                <button className="rounded-lg bg-[var(--brand)] px-4 py-2 text-sm text-white">{t("vendor.domains.check")}</button>
              </ActionForm>
              <ActionForm action={removeDomainAction}>
                <input type="hidden" name="tenantId" value={tenantId} />
                <input type="hidden" name="domain" value={d.domain} />
                <button className="rounded-lg border border-red-300 px-4 py-2 text-sm text-red-700">{t("vendor.domains.remove")}</button>
              </ActionForm>
            </div>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-lg font-semibold">{t("vendor.domains.add")}</h2>
      <Words namespaces={["common", "vendor"]}>
        <AddDomainForm tenantId={tenantId} />
      </Words>
    </>
  );
}
