// The school's audit log: every change, filtered by actor, action, member and days, newest first.
import { DataTable } from "~/components/ui/data-table";
import { FilterForm } from "~/components/ui/filter-form";
import { PageHeader } from "~/components/ui/page-header";
import { readTableState, tableHref, type SearchParams } from "~/components/ui/table-state";
import { auditLogFilters } from "~/server/audit/audit-log";
import { requestLocale, serverApi } from "~/server/request";
import { auditColumns } from "~/components/audit/audit-columns";

const FILTERS = ["actor", "action", "member", "from", "to"] as const;

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await requestLocale();
  const state = readTableState(await searchParams, { sortable: [], filters: FILTERS, pageSize: 50 });
  // A filter that is not well formed (a date typed wrong) is left out rather than failing the page.
  const parsed = auditLogFilters.safeParse(state.filters);
  const filters = parsed.success ? parsed.data : {};
  const log = await (await serverApi()).admin.audit.list({ ...filters, page: state.page });
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.lead")} />
      <FilterForm
        path="/admin/audit"
        state={state}
        fields={[
          { name: "actor", label: t("audit.actor"), placeholder: t("audit.actorHint") },
          { name: "action", label: t("audit.action"), placeholder: t("audit.actionHint") },
          { name: "member", label: t("audit.member") },
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
          href={tableHref("/admin/audit/export", { ...state, page: 1, sort: null })}
          className="text-sm text-[var(--brand)] underline"
          data-testid="audit-export"
        >
          {t("audit.export")}
        </a>
      </div>
      <DataTable
        path="/admin/audit"
        columns={auditColumns(t, locale)}
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
