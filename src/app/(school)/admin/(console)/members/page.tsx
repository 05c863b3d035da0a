// The school's directory: find a member by 学工号, 姓名, 手机号 or ID number, narrow by department,
// identity kind and state; sorted and paged in the database. A row leads to the member's page.
import { DataTable } from "~/components/ui/data-table";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import { kindName } from "~/i18n/locale";
import { can } from "~/server/auth/permissions";
import { MEMBER_SORTS, MEMBER_STATES, type MemberState } from "~/server/members/directory-search";
import { currentActor, currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { memberColumns } from "./columns";
import { ExportForm } from "./export-form";

const TABLE: TableSpec = {
  sortable: MEMBER_SORTS,
  defaultSort: { key: "account", dir: "asc" },
  filters: ["q", "department", "kind", "state"],
  pageSize: 20,
};

export default async function AdminMembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const tenant = await currentSchool();
  const admin = await currentActor("tenantAdmin");
  const { locale, t } = await requestLocale();
  const state = readTableState(await searchParams, TABLE);
  const api = await serverApi();
  const asked = state.filters.state as MemberState | undefined;
  const [found, identityKinds] = await Promise.all([
    api.admin.directory.search({
      query: state.filters.q ?? "",
      department: state.filters.department ?? "",
      identityKindCode: state.filters.kind ?? "",
      state: asked && MEMBER_STATES.includes(asked) ? asked : undefined,
      sort: (state.sort ?? "account") as (typeof MEMBER_SORTS)[number],
      dir: state.dir,
      page: state.page,
      pageSize: TABLE.pageSize,
    }),
    api.admin.member.identityKinds(),
  ]);
  const { rows, capped, ...paging } = found;
  const all = { value: "", label: t("member.filter.all") };
  const kinds = identityKinds.map((k) => ({ value: k.code, label: kindName(k, locale) }));
  const states = MEMBER_STATES.map((s) => ({ value: s, label: t(`member.state.${s}`) }));
  return (
    <>
      <PageHeader
        title={t("console.nav.members")}
        description={t("console.members.lead")}
        actions={
          <div className="flex flex-wrap items-start gap-3">
            <a href="/admin/members/new" className="rounded-lg bg-[var(--brand)] px-4 py-2 text-white" data-testid="add-member">
              {t("member.add")}
            </a>
            <ExportForm t={t} mayExportIdNumbers={can(admin.role, "directory.idNumbers")} />
          </div>
        }
      />
      {capped ? <Notice tone="info">{t("member.capped", { count: paging.total })}</Notice> : null}
      <DataTable
        path="/admin/members"
        columns={memberColumns(t, locale, tenant.assistantAppName)}
        rows={rows}
        rowKey={(m) => m.id}
        state={state}
        paging={paging}
        filters={[
          { kind: "search", name: "q", label: t("admin.search"), placeholder: t("admin.searchPlaceholder"), submit: t("common.search") },
          {
            kind: "search",
            name: "department",
            label: t("member.filter.department"),
            placeholder: t("member.filter.departmentPlaceholder"),
            submit: t("member.filter.apply"),
          },
          { kind: "choice", name: "kind", label: t("member.filter.kind"), options: [all, ...kinds] },
          { kind: "choice", name: "state", label: t("member.filter.state"), options: [all, ...states] },
        ]}
        empty={t("admin.noResults")}
        t={t}
        testId="member-table"
      />
    </>
  );
}
