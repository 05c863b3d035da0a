// Every school's health on one page, the schools with problems first (tenants/school-health.ts).
import { DataTable } from "~/components/ui/data-table";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { applyTableState, readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import { requestLocale, serverApi } from "~/server/request";
import { HEALTH_SORT, healthColumns } from "./columns";

const TABLE: TableSpec = { sortable: Object.keys(HEALTH_SORT), pageSize: 100 };

export default async function VendorHealthPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await requestLocale();
  const schools = await (await serverApi()).vendor.health.schools();
  const unhealthy = schools.filter((s) => s.problems.length > 0).length;
  const state = readTableState(await searchParams, TABLE);
  const { rows, ...paging } = applyTableState(schools, state, { pageSize: TABLE.pageSize, sortValues: HEALTH_SORT });
  return (
    <>
      <PageHeader title={t("vendorOps.health.title")} description={t("vendorOps.health.lead")} />
      {unhealthy > 0 ? (
        <Notice tone="warning" testId="health-unhealthy">
          {t("vendorOps.health.unhealthy", { count: unhealthy })}
        </Notice>
      ) : null}
      <DataTable
        path="/vendor/health"
        columns={healthColumns(t, locale)}
        rows={rows}
        rowKey={(s) => s.id}
        rowTestId={(s) => `health-${s.slug}`}
        state={state}
        paging={paging}
        empty={t("vendorOps.health.none")}
        t={t}
        testId="health-table"
      />
    </>
  );
}
