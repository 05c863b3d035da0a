// The vendor console's home: the platform's schools (the deleted ones apart), today's code budgets,
// and a new school.
import { DataTable } from "~/components/ui/data-table";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { applyTableState, readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import { platformOrigin } from "~/server/tenants/public-origin";
import { requestLocale, serverApi } from "~/server/request";
import { VendorCodeBudgetNotice } from "./code-budget-notice";
import { CreateTenantForm } from "./create-tenant-form";
import { DeletedSchools } from "./deleted-schools";
import { TENANT_SORT, tenantColumns } from "./tenant-columns";
import { chinaDate } from "~/i18n/locale";

const TABLE: TableSpec = { sortable: Object.keys(TENANT_SORT), pageSize: 50 };

export default async function VendorHomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [tenants, admins, codeBudget, deleted] = await Promise.all([
    api.vendor.tenants.list(),
    api.vendor.tenantAdmins.list(),
    api.vendor.codes.budget(),
    api.vendor.tenants.listDeleted(),
  ]);
  const schools = tenants.map((s) => ({
    ...s,
    url: `${platformOrigin(s.slug)}/`,
    admins: admins.filter((a) => a.tenantId === s.id),
  }));
  const asked = await searchParams;
  const state = readTableState(asked, TABLE);
  const justDeleted = deleted.find((s) => s.slug === asked.deleted);
  const { rows, ...paging } = applyTableState(schools, state, { pageSize: TABLE.pageSize, sortValues: TENANT_SORT });
  return (
    <>
      <PageHeader title={t("vendor.tenants")} description={t("console.vendor.lead")} />
      {justDeleted ? (
        <Notice tone="info" testId="deleted-notice">
          {t("vendorOps.deleted", {
            slug: justDeleted.slug,
            date: chinaDate(locale, justDeleted.purgeAfter),
          })}
        </Notice>
      ) : null}
      <VendorCodeBudgetNotice budget={codeBudget} t={t} />
      <DataTable
        path="/vendor"
        columns={tenantColumns(t, locale)}
        rows={rows}
        rowKey={(s) => s.id}
        rowTestId={(s) => `tenant-${s.slug}`}
        state={state}
        paging={paging}
        empty={t("console.vendor.none")}
        t={t}
        testId="tenant-list"
      />
      <DeletedSchools schools={deleted} t={t} locale={locale} />
      <h2 className="mt-8 text-lg font-semibold">{t("vendor.create")}</h2>
      <CreateTenantForm />
    </>
  );
}
