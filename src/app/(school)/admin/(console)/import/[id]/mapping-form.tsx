// The column mapping: each column of the file → a field or 「忽略」, as matched by its header; open
// (and asked for) when a column a row needs is not mapped, else folded away under its title.
import { ActionForm } from "~/components/action-form";
import { Notice } from "~/components/ui/notice";
import type { Translate } from "~/i18n/messages";
import { ROSTER_FIELDS, type ColumnMapping } from "~/server/members/roster/fields";
import { remapImportAction } from "../actions";

type Job = { id: string; mapping: ColumnMapping; report: { headers: string[]; missingFields: string[] } };

export function MappingForm({ job, t }: { job: Job; t: Translate }) {
  const { headers, missingFields } = job.report;
  const missing = missingFields.map((f) => t(`roster.field.${f as (typeof ROSTER_FIELDS)[number]}`)).join("、");
  return (
    <details open={missingFields.length > 0} className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="mapping">
      <summary className="cursor-pointer font-semibold">{t("roster.mapping")}</summary>
      {missingFields.length > 0 ? (
        <div className="mt-3">
          <Notice tone="warning">{t("roster.mappingMissing", { fields: missing })}</Notice>
        </div>
      ) : null}
      <p className="mt-2 text-sm text-slate-600">{t("roster.mappingLead")}</p>
      <ActionForm action={remapImportAction} className="mt-3 space-y-2">
        <input type="hidden" name="importJobId" value={job.id} />
        <input type="hidden" name="columns" value={headers.length} />
        <div className="grid gap-2 sm:grid-cols-2">
          {headers.map((header, i) => (
            <label key={i} className="flex items-center justify-between gap-2 text-sm">
              <span>{t("roster.column", { n: i + 1, header })}</span>
              <select name={`col${i}`} defaultValue={job.mapping[i] ?? "ignore"} className="rounded border border-slate-300 px-2 py-1">
                <option value="ignore">{t("roster.ignore")}</option>
                {ROSTER_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {t(`roster.field.${field}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <button className="rounded-lg border border-slate-300 px-4 py-2">{t("roster.remap")}</button>
      </ActionForm>
    </details>
  );
}
