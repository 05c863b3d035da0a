// The import's progress bar (rows judged and written of the file's rows, as the job last wrote
// them) and the report's counts.
import { Stat, StatGrid } from "~/components/ui/stat";
import type { Translate } from "~/i18n/messages";
import type { ImportCounts as Counts } from "~/server/members/roster/report";

export function ImportProgress({ job, t }: { job: { processedRows: number; totalRows: number }; t: Translate }) {
  const percent = job.totalRows > 0 ? Math.min(100, Math.round((job.processedRows / job.totalRows) * 100)) : 0;
  return (
    <div className="mb-6 space-y-2" data-testid="import-progress">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t("roster.progress", { done: job.processedRows, total: job.totalRows })}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-[var(--brand)]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-700">{t("roster.progress", { done: job.processedRows, total: job.totalRows })}</p>
      <p className="text-xs text-slate-500">{t("roster.progressLead")}</p>
    </div>
  );
}

export function ImportCounts({ counts, t }: { counts: Counts; t: Translate }) {
  return (
    <div className="mb-6">
      <StatGrid>
        <Stat label={t("roster.stat.rows")} value={counts.rows} testId="count-rows" />
        <Stat label={t("roster.stat.create")} value={counts.create} testId="count-create" />
        <Stat label={t("roster.stat.update")} value={counts.update} testId="count-update" />
        <Stat label={t("roster.stat.refused")} value={counts.refused} tone="attention" testId="count-refused" />
      </StatGrid>
    </div>
  );
}
