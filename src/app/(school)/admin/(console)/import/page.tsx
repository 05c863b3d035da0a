// 【导入名单】: the upload form (a plain multipart post to ./upload, so it works without script) and
// the school's recent imports. A refused upload comes back here with its code (?error=…).
import { DataTable } from "~/components/ui/data-table";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import { AppError, ERROR_CATALOG, type AppErrorCode } from "~/server/errors";
import { MAX_ROSTER_BYTES } from "~/server/members/roster/file-format";
import { MAX_ROWS } from "~/server/members/roster/read-rows";
import { requestLocale, serverApi } from "~/server/request";
import { importListColumns } from "./columns";

const TABLE: TableSpec = { sortable: [], pageSize: 20 };

export default async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await requestLocale();
  const params = await searchParams;
  const code = typeof params.error === "string" && params.error in ERROR_CATALOG ? (params.error as AppErrorCode) : null;
  const jobs = await (await serverApi()).admin.roster.list();
  return (
    <>
      <PageHeader title={t("roster.title")} description={t("roster.lead")} />
      {code ? (
        <Notice tone="danger" testId="upload-error">
          {new AppError(code, { kib: MAX_ROSTER_BYTES / 1024, max: MAX_ROWS }).messageIn(locale)}
        </Notice>
      ) : null}
      <form
        method="post"
        action="/admin/import/upload"
        encType="multipart/form-data"
        className="mb-8 space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <p className="text-sm text-slate-600">{t("roster.columns")}</p>
        <label className="block text-sm font-medium">
          {t("roster.file")}
          <input
            type="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv"
            className="mt-2 block w-full text-sm"
            data-testid="roster-file"
          />
        </label>
        <button className="rounded-lg bg-[var(--brand)] px-5 py-2.5 text-white">{t("roster.upload")}</button>
      </form>
      <h2 className="mb-3 text-lg font-semibold">{t("roster.recent")}</h2>
      <DataTable
        path="/admin/import"
        columns={importListColumns(t, locale)}
        rows={jobs}
        rowKey={(j) => j.id}
        state={readTableState(params, TABLE)}
        paging={{ total: jobs.length, page: 1, pages: 1 }}
        empty={t("roster.none")}
        t={t}
        testId="import-list"
      />
    </>
  );
}
