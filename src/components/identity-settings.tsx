"use client";
// The unified-login settings form and its 【测试连接】, shared by the school's
// back office (/admin/identity) and the vendor's page for a school; each page
// passes its own server actions. Plain forms: they post without custom script.
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "~/server/actions";
import { SettingsField as Field, type SelectField, type TextField } from "./settings-field";

export type IdentityTestResult = {
  ok: boolean;
  message: string;
  checks?: { id: string; status: "passed" | "warning" | "failed" | "skipped"; title: string; detail: string }[];
};

export type { SelectField, TextField } from "./settings-field";

export function IdentitySettingsForm({
  action,
  fields,
  kindFields,
  kindsTitle,
  hidden,
  labels,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  fields: (SelectField | TextField)[];
  kindFields: SelectField[];
  kindsTitle: string;
  hidden?: Record<string, string>;
  labels: { save: string; working: string };
}) {
  const [saved, save, saving] = useActionState<ActionResult | null, FormData>(action, null);
  return (
    <div className="space-y-3">
      <form action={save} className="grid gap-3 sm:grid-cols-2" data-testid="identity-settings">
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {fields.map((field) => (
          <Field key={field.name} field={field} />
        ))}
        {kindFields.length > 0 ? (
          <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-semibold text-slate-600">{kindsTitle}</legend>
            {kindFields.map((field) => (
              <Field key={field.name} field={field} />
            ))}
          </fieldset>
        ) : null}
        <button disabled={saving} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
          {saving ? labels.working : labels.save}
        </button>
      </form>
      {saved?.message ? (
        <p
          role={saved.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm ${saved.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
          data-testid="identity-saved"
        >
          {saved.message}
        </p>
      ) : null}
    </div>
  );
}

const BADGE = {
  passed: "bg-green-100 text-green-800",
  warning: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-800",
  skipped: "bg-slate-100 text-slate-600",
} as const;

export function IdentityConnectionTest({
  action,
  hidden,
  labels,
  statusLabels,
}: {
  action: (previous: IdentityTestResult | null, form: FormData) => Promise<IdentityTestResult>;
  hidden?: Record<string, string>;
  labels: { test: string; working: string; diagnosis: string };
  statusLabels: Record<keyof typeof BADGE, string>;
}): ReactNode {
  const [tested, test, testing] = useActionState<IdentityTestResult | null, FormData>(action, null);
  return (
    <div className="mt-3 space-y-3">
      <form action={test}>
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button disabled={testing} className="w-full rounded-lg border border-[var(--brand)] py-3 text-[var(--brand)] disabled:opacity-60">
          {testing ? labels.working : labels.test}
        </button>
      </form>
      {tested ? (
        <p
          role={tested.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm ${tested.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
          data-testid="identity-test-message"
        >
          {tested.message}
        </p>
      ) : null}
      {tested?.checks ? (
        <section aria-label={labels.diagnosis}>
          <h3 className="mb-2 text-sm font-semibold text-slate-600">{labels.diagnosis}</h3>
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="identity-diagnosis">
            {tested.checks.map((check) => (
              <li key={check.id} className="px-3 py-3" data-check={check.id} data-status={check.status}>
                <span className={`rounded-full px-2 py-0.5 text-xs ${BADGE[check.status]}`}>{statusLabels[check.status]}</span>{" "}
                <span className="font-medium">{check.title}</span>
                <p className="mt-1 text-sm text-slate-700">{check.detail}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
