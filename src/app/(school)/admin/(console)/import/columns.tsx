// The recent imports' columns, and the report's: each row's outcome and, for a refused row, every
// reason with what to fix, in the reader's language.
import type { z } from "zod";
import type { Column } from "~/components/ui/data-table";
import type { Locale } from "~/i18n/locale";
import type { MessageKey, Translate } from "~/i18n/messages";
import type { importJobSummaryOutput } from "~/server/members/roster/import-jobs";
import type { ReportRow } from "~/server/members/roster/report";
import { chinaTime } from "~/i18n/locale";

type JobRow = z.infer<typeof importJobSummaryOutput>;

export function importListColumns(t: Translate, locale: Locale): Column<JobRow>[] {
  return [
    {
      key: "file",
      header: t("roster.col.file"),
      cell: (j) => (
        <a href={`/admin/import/${j.id}`} className="text-[var(--brand)] underline">
          {j.fileName}
        </a>
      ),
    },
    { key: "state", header: t("roster.col.state"), cell: (j) => t(`roster.state.${j.state}`) },
    { key: "rows", header: t("roster.col.rows"), className: "tabular-nums", cell: (j) => j.totalRows },
    {
      key: "created",
      header: t("roster.col.created"),
      className: "text-xs text-slate-500",
      cell: (j) => chinaTime(locale, j.createdAt),
    },
  ];
}

const fieldList = (t: Translate, fields: readonly string[]) => fields.map((f) => t(`roster.field.${f}` as MessageKey)).join("、");

function Detail({ row, t, done }: { row: ReportRow; t: Translate; done: boolean }) {
  return (
    <ul className="space-y-1">
      {row.problems.map((p, i) => (
        <li key={i} className="text-red-700">
          {p.field ? `${t(`roster.field.${p.field}`)}：` : ""}
          {t(`roster.problem.${p.code}`, p.vars)}
        </li>
      ))}
      {row.changes.length > 0 ? <li>{t(done ? "roster.changed" : "roster.changes", { fields: fieldList(t, row.changes) })}</li> : null}
      {row.normalised.length > 0 ? (
        <li className="text-slate-500">{t("roster.normalised", { fields: fieldList(t, row.normalised) })}</li>
      ) : null}
    </ul>
  );
}

export function reportColumns(t: Translate, done: boolean): Column<ReportRow>[] {
  const tone = { refused: "text-red-700 font-semibold", update: "text-amber-700", create: "text-green-700", unchanged: "" } as const;
  return [
    { key: "row", header: t("roster.col.row"), className: "tabular-nums", cell: (r) => r.row },
    { key: "account", header: t("roster.col.account"), className: "font-mono", cell: (r) => r.account || "—" },
    {
      key: "outcome",
      header: t("roster.col.outcome"),
      cell: (r) => <span className={tone[r.outcome]}>{t(`roster.outcome.${r.outcome}`)}</span>,
    },
    { key: "detail", header: t("roster.col.detail"), className: "min-w-72", cell: (r) => <Detail row={r} t={t} done={done} /> },
  ];
}
