// The helpdesk queue (运维工单): cases members sent from the journey, with what the platform found,
// so the helpdesk can act without asking the student again (UCAS 13: find the phone, remove it from
// the account that holds it, save; then the member binds again).
import { DataTable } from "~/components/ui/data-table";
import { PageHeader } from "~/components/ui/page-header";
import { applyTableState, readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import { requestLocale, serverApi } from "~/server/request";
import { CASE_SORT, caseColumns } from "./columns";

const TABLE: TableSpec = {
  sortable: Object.keys(CASE_SORT),
  defaultSort: { key: "created", dir: "desc" },
  filters: ["status"],
  pageSize: 20,
};

export default async function HelpdeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await requestLocale();
  const asked = readTableState(await searchParams, TABLE);
  const status = asked.filters.status === "RESOLVED" ? "RESOLVED" : "OPEN";
  const state = { ...asked, filters: { ...asked.filters, status } };
  const cases = await (await serverApi()).admin.helpdesk.list({ status, take: 100 });
  const { rows, ...paging } = applyTableState(cases, state, { pageSize: TABLE.pageSize, sortValues: CASE_SORT });
  const choices = (["OPEN", "RESOLVED"] as const).map((s) => ({
    value: s,
    label: t(s === "OPEN" ? "helpdesk.open" : "helpdesk.resolved"),
  }));
  return (
    <>
      <PageHeader title={t("helpdesk.title")} description={t("helpdesk.lead")} />
      <DataTable
        path="/admin/helpdesk"
        columns={caseColumns(t, locale)}
        rows={rows}
        rowKey={(c) => c.id}
        rowTestId={(c) => `case-${c.member.account}`}
        state={state}
        paging={paging}
        filters={[{ kind: "choice", name: "status", label: t("console.table.filter"), options: choices }]}
        empty={t("helpdesk.none")}
        t={t}
        testId="helpdesk-cases"
      />
    </>
  );
}
