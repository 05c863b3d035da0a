// The hall's pieces shared by its pages: a service's icon, an application's state, a list of
// applications, and a form drawn from a version's fields (plain HTML inputs that post without script).
import type { ApplicationState } from "~/generated/prisma/client";
import { chinaTime, pick, type Locale } from "~/i18n/locale";
import type { MessageKey, Translate } from "~/i18n/messages";
import type { FieldDefinition, FieldProblem } from "~/server/servicehall/definition";
import type { ApplicationRow } from "~/server/servicehall/queries";
import { primaryButton } from "~/components/ui/plain-form";
import { hallPaths } from "./paths";

const ICONS: Record<string, string> = {
  form: "📝",
  website: "🌐",
  network: "📶",
  card: "💳",
  book: "📚",
  building: "🏢",
  mail: "✉️",
  certificate: "📜",
};

export function ServiceIcon({ icon }: { icon: string }) {
  return (
    <span aria-hidden className="flex h-11 w-11 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-2xl">
      {ICONS[icon] ?? ICONS.form}
    </span>
  );
}

const TONES: Record<ApplicationState, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-sky-100 text-sky-800",
  RETURNED: "bg-amber-100 text-amber-900",
  WITHDRAWN: "bg-slate-100 text-slate-500",
  APPROVED: "bg-emerald-100 text-emerald-800",
  REJECTED: "bg-red-100 text-red-800",
};

export function StateBadge({ state, t }: { state: ApplicationState; t: Translate }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONES[state]}`} data-testid="hall-state" data-state={state}>
      {t(`hall.state.${state}` as MessageKey)}
    </span>
  );
}

/** A text of the school's own in the reader's language; the Chinese one where no English was given. */
export const bi = (locale: Locale, zh: string, en: string) => pick(locale, { zh, en: en || zh });

/** Rows of applications, each opening its page. */
export function ApplicationList({
  rows,
  t,
  locale,
  empty,
  showApplicant,
  testId,
}: {
  rows: ApplicationRow[];
  t: Translate;
  locale: Locale;
  empty: string;
  showApplicant?: boolean;
  testId: string;
}) {
  if (rows.length === 0) return <p className="py-6 text-center text-slate-500">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.id}>
          <a href={hallPaths.application(row.id)} className="block py-3" data-testid="hall-row">
            <span className="flex items-center justify-between gap-2">
              <span className="font-medium">{bi(locale, row.serviceNameZh, row.serviceNameEn)}</span>
              <StateBadge state={row.state} t={t} />
            </span>
            <span className="mt-1 block text-sm text-slate-600">
              {showApplicant ? `${t("hall.applicant")}：${row.applicantName} · ` : ""}
              {row.state === "SUBMITTED" || row.state === "RETURNED"
                ? t("hall.stepOf", { step: row.step + 1, steps: row.steps, name: bi(locale, row.stepNameZh, row.stepNameEn) })
                : null}
            </span>
            <span className="block text-xs text-slate-500">{chinaTime(locale, row.submittedAt ?? row.updatedAt)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-base";

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" && value !== "" ? [value] : [];
const asText = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** The inputs of a version's fields, filled with `values`, each problem said under its field. */
export function FormFields({
  fields,
  values,
  problems,
  t,
  locale,
}: {
  fields: readonly FieldDefinition[];
  values: Record<string, unknown>;
  problems: Record<string, FieldProblem>;
  t: Translate;
  locale: Locale;
}) {
  return (
    <div className="space-y-4">
      {fields.map((field) => {
        const name = `f_${field.key}`;
        const problem = problems[field.key];
        const label = (
          <span className="mb-1 block text-sm text-slate-700">
            {bi(locale, field.labelZh, field.labelEn)}
            {field.required ? (
              <span className="ml-0.5 text-red-600" aria-label={t("hall.required")}>
                *
              </span>
            ) : null}
          </span>
        );
        const help = bi(locale, field.helpZh, field.helpEn);
        const after = (
          <>
            {help ? <span className="mt-1 block text-xs text-slate-500">{help}</span> : null}
            {problem ? (
              <span className="mt-1 block text-sm text-red-700" role="alert" data-testid={`hall-problem-${field.key}`}>
                {t(`hall.invalid.${problem}` as MessageKey)}
              </span>
            ) : null}
          </>
        );
        switch (field.kind) {
          case "text":
          case "number":
          case "date":
            return (
              <label key={field.key} className="block">
                {label}
                <input
                  name={name}
                  type={field.kind === "text" ? "text" : field.kind}
                  defaultValue={asText(values[field.key])}
                  required={field.required}
                  maxLength={field.kind === "text" ? field.maxLength : undefined}
                  min={field.kind === "number" || field.kind === "date" ? field.min : undefined}
                  max={field.kind === "number" || field.kind === "date" ? field.max : undefined}
                  step={field.kind === "number" ? (field.integer ? 1 : "any") : undefined}
                  className={input}
                  aria-invalid={problem ? true : undefined}
                  data-testid={`hall-field-${field.key}`}
                />
                {after}
              </label>
            );
          case "longText":
            return (
              <label key={field.key} className="block">
                {label}
                <textarea
                  name={name}
                  defaultValue={asText(values[field.key])}
                  required={field.required}
                  maxLength={field.maxLength}
                  rows={4}
                  className={input}
                  aria-invalid={problem ? true : undefined}
                  data-testid={`hall-field-${field.key}`}
                />
                {after}
              </label>
            );
          case "choice":
            return (
              <label key={field.key} className="block">
                {label}
                <select
                  name={name}
                  defaultValue={asText(values[field.key])}
                  required={field.required}
                  className={`${input} bg-white`}
                  data-testid={`hall-field-${field.key}`}
                >
                  <option value="">{t("hall.chooseOne")}</option>
                  {field.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {bi(locale, o.labelZh, o.labelEn)}
                    </option>
                  ))}
                </select>
                {after}
              </label>
            );
          case "multiChoice": {
            const chosen = new Set(asList(values[field.key]));
            return (
              <fieldset key={field.key} data-testid={`hall-field-${field.key}`}>
                <legend>{label}</legend>
                {field.options.map((o) => (
                  <label key={o.value} className="flex items-center gap-2 py-1.5">
                    <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.has(o.value)} className="h-5 w-5" />
                    {bi(locale, o.labelZh, o.labelEn)}
                  </label>
                ))}
                {after}
              </fieldset>
            );
          }
          case "attachment":
            return (
              <div key={field.key}>
                {label}
                <p className="text-sm text-slate-500">{t("hall.attachmentLater")}</p>
              </div>
            );
        }
      })}
    </div>
  );
}

/** A field's value as the application's page shows it (a choice by its label). */
export function shownValue(field: FieldDefinition, value: unknown, locale: Locale): string {
  if (field.kind === "choice" || field.kind === "multiChoice") {
    return asList(value)
      .map((v) => {
        const option = field.options.find((o) => o.value === v);
        return option ? bi(locale, option.labelZh, option.labelEn) : v;
      })
      .join("、");
  }
  return asText(value);
}

/** 【提交】 (or 【重新提交】 of a returned one) and 【保存草稿】, which skips the browser's own checks. */
export function SubmitButtons({ t, resubmit = false }: { t: Translate; resubmit?: boolean }) {
  return (
    <div className="mt-6 space-y-3">
      <button type="submit" name="intent" value="submit" className={primaryButton} data-testid="hall-submit">
        {t(resubmit ? "hall.resubmit" : "hall.submit")}
      </button>
      <button
        type="submit"
        name="intent"
        value="draft"
        formNoValidate
        className="w-full rounded-lg border border-slate-300 py-3 text-base text-slate-700"
        data-testid="hall-save-draft"
      >
        {t("hall.saveDraft")}
      </button>
    </div>
  );
}
