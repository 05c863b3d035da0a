// The platform audit log: the operators' actions and the platform's jobs, filtered by operator,
// action, school and days, newest first, with a CSV export. The school log's table and words
// (components/audit/), with the school as a column.
import { auditColumns } from "~/components/audit/audit-columns";
import { DataTable } from "~/components/ui/data-table";
import { FilterForm } from "~/components/ui/filter-form";
import { PageHeader } from "~/components/ui/page-header";
import { readTableState, tableHref, type SearchParams } from "~/components/ui/table-state";
import { platformAuditFilters, type PlatformAuditRow } from "~/server/audit/platform-audit-log";
import { requestLocale, serverApi } from "~/server/request";

const FILTERS = ["actor", "action", "school", "from", "to"] as const;

export default async function VendorAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await requestLocale();
  const state = readTableState(await searchParams, { sortable: [], filters: FILTERS, pageSize: 50 });
  // A filter that is not well formed (a date typed wrong) is left out rather than failing the page.
  const parsed = platformAuditFilters.safeParse(state.filters);
  const log = await (await serverApi()).vendor.audit.list({ ...(parsed.success ? parsed.data : {}), page: state.page });
  return (
    <>
      <PageHeader title={t("vendorOps.audit.title")} description={t("vendorOps.audit.lead")} />
      <FilterForm
        path="/vendor/audit"
        state={state}
        fields={[
          { name: "actor", label: t("audit.actor"), placeholder: t("vendorOps.audit.actorHint") },
          { name: "action", label: t("audit.action"), placeholder: t("vendorOps.audit.actionHint") },
          { name: "school", label: t("vendorOps.audit.school") },
          { name: "from", label: t("audit.from"), type: "date", placeholder: t("audit.dateHint") },
          { name: "to", label: t("audit.to"), type: "date", placeholder: t("audit.dateHint") },
        ]}
        submit={t("audit.filter")}
        clear={t("audit.clear")}
      />
      <div className="my-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-500" data-testid="audit-total">
          {t("audit.total", { total: log.total })}
        </p>
        <a
          href={tableHref("/vendor/audit/export", { ...state, page: 1, sort: null })}
          className="text-sm text-[var(--brand)] underline"
          data-testid="audit-export"
        >
          {t("audit.export")}
        </a>
      </div>
      <DataTable
        path="/vendor/audit"
        columns={auditColumns<PlatformAuditRow>(t, locale, { school: true })}
        rows={log.rows}
        rowKey={(r) => r.id}
        rowTestId={() => "audit-row"}
        state={state}
        paging={{ total: log.total, page: log.page, pages: log.pages }}
        empty={t("audit.empty")}
        t={t}
        testId="audit-table"
      />
    </>
  );
}
