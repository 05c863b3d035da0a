// 内网认证地址: the private CAS/OIDC origins the platform may call (identity/private-origins.ts),
// listed, added and removed by the operator.
import { DataTable } from "~/components/ui/data-table";
import { PageHeader } from "~/components/ui/page-header";
import { applyTableState, readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import { Words } from "~/components/words";
import { requestLocale, serverApi } from "~/server/request";
import { AddOriginFields } from "./add-origin-fields";
import { ORIGIN_SORT, originColumns } from "./columns";

const TABLE: TableSpec = { sortable: Object.keys(ORIGIN_SORT), pageSize: 50 };

export default async function VendorPrivateOriginsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await requestLocale();
  const origins = await (await serverApi()).vendor.privateOrigins.list();
  const state = readTableState(await searchParams, TABLE);
  const { rows, ...paging } = applyTableState(origins, state, { pageSize: TABLE.pageSize, sortValues: ORIGIN_SORT });
  return (
    <>
      <PageHeader title={t("vendor.origins.nav")} description={t("vendor.origins.lead")} />
      <DataTable
        path="/vendor/private-origins"
        columns={originColumns(t, locale)}
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId={(r) => `private-origin-${r.origin}`}
        state={state}
        paging={paging}
        empty={t("vendor.origins.none")}
        t={t}
        testId="private-origins"
      />
      <h2 className="mt-8 text-lg font-semibold">{t("vendor.origins.add")}</h2>
      <Words namespaces={["common", "vendor"]}>
        <AddOriginFields />
      </Words>
    </>
  );
}
