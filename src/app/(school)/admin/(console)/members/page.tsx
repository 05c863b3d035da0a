// The school's directory: find a member, see their WeCom state, unlock a locked account.
import { DataTable } from "~/components/ui/data-table";
import { PageHeader } from "~/components/ui/page-header";
import { applyTableState, readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import { can } from "~/server/auth/permissions";
import { currentActor, currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { MEMBER_SORT, memberColumns } from "./columns";
import { ExportForm } from "./export-form";

const TABLE: TableSpec = { sortable: Object.keys(MEMBER_SORT), defaultSort: { key: "account", dir: "asc" }, filters: ["q"], pageSize: 20 };

export default async function AdminMembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const tenant = await currentSchool();
  const admin = await currentActor("tenantAdmin");
  const { locale, t } = await requestLocale();
  const state = readTableState(await searchParams, TABLE);
  // The search answers at most 100 members: a directory of thousands is narrowed by the search box.
  const found = await (await serverApi()).admin.directory.search({ query: state.filters.q ?? "", take: 100 });
  const { rows, ...paging } = applyTableState(found, state, { pageSize: TABLE.pageSize, sortValues: MEMBER_SORT });
  return (
    <>
      <PageHeader
        title={t("console.nav.members")}
        description={t("console.members.lead")}
        actions={<ExportForm t={t} mayExportIdNumbers={can(admin.role, "directory.idNumbers")} />}
      />
      <DataTable
        path="/admin/members"
        columns={memberColumns(t, locale, tenant.assistantAppName)}
        rows={rows}
        rowKey={(m) => m.id}
        state={state}
        paging={paging}
        filters={[
          { kind: "search", name: "q", label: t("admin.search"), placeholder: t("admin.searchPlaceholder"), submit: t("common.search") },
        ]}
        empty={t("admin.noResults")}
        t={t}
        testId="member-table"
      />
    </>
  );
}
