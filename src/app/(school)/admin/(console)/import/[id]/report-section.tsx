// The report below the counts: the rows worth a word (refused first, then updates and normalised
// rows), paged in the address, and the members the file does not name (listed; deleted only by
// the separate, confirmed step placed under them, delete-missing.tsx).
import { DataTable } from "~/components/ui/data-table";
import { applyTableState, readTableState, type SearchParams, type TableSpec } from "~/components/ui/table-state";
import type { ReactNode } from "react";
import type { Translate } from "~/i18n/messages";
import type { ImportReport } from "~/server/members/roster/report";
import { reportColumns } from "../columns";

const TABLE: TableSpec = { sortable: [], filters: [], pageSize: 50 };

type Job = { id: string; state: string; report: ImportReport };

export function ImportReportSection(props: { job: Job; params: SearchParams; t: Translate; missingStep?: ReactNode }) {
  const { job, params, t } = props;
  const { report } = job;
  const state = readTableState(params, TABLE);
  const { rows, ...paging } = applyTableState(report.rows, state, { pageSize: TABLE.pageSize, sortValues: {} });
  return (
    <>
      <DataTable
        path={`/admin/import/${job.id}`}
        columns={reportColumns(t, job.state === "DONE")}
        rows={rows}
        rowKey={(r) => String(r.row)}
        rowTestId={(r) => `report-row-${r.row}`}
        state={state}
        paging={paging}
        empty={t("roster.noProblems")}
        t={t}
        testId="import-report"
      />
      {report.rowsLeftOut > 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("roster.rowsLeftOut", { count: report.rowsLeftOut })}</p>
      ) : null}
      {report.missingCount > 0 ? (
        <section className="mt-8" id="missing-members" data-testid="missing-members">
          <h2 className="text-lg font-semibold">{t("roster.missingTitle", { count: report.missingCount })}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("roster.missingLead")}</p>
          <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-3">
            {report.missing.map((m) => (
              <li key={m.account}>
                <span className="font-mono">{m.account}</span> {m.name}
              </li>
            ))}
          </ul>
          {props.missingStep}
        </section>
      ) : null}
    </>
  );
}
