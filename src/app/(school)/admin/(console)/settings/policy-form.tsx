"use client";
// One of the school's rules as a small form: its fields (text boxes and choices, bound to the
// procedure's field errors) and 【保存】, the answer beside it. Words from the page's
// <Words namespaces={["common", "settings"]}>.
import { type ReactNode } from "react";
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import type { ActionResult } from "~/server/actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

export type PolicyField = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  value: string;
  options?: readonly { value: string; label: MessageKey }[];
  type?: "text" | "number";
};

export function PolicyForm({
  title,
  fields,
  action,
  testId,
  subtitle,
  children,
}: {
  title: MessageKey;
  /** Which one of several forms of the same title this is (an identity kind's name). */
  subtitle?: string;
  /** Below the form: e.g. the kind's delete form. */
  children?: ReactNode;
  fields: readonly PolicyField[];
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  testId: string;
}) {
  const t = useT();
  const [state, save, saving] = useKeptForm<ActionResult>(action);
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-label={subtitle ? `${t(title)} · ${subtitle}` : t(title)}
      data-testid={testId}
    >
      <h2 className="mb-3 font-semibold">
        {t(title)}
        {subtitle ? <span className="ml-2 font-normal text-slate-600">{subtitle}</span> : null}
      </h2>
      <form {...save} className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) =>
          f.options ? (
            <FormField<Record<string, string>>
              key={f.name}
              name={f.name}
              label={f.label}
              hint={f.hint}
              value={f.value}
              options={f.options}
              state={state}
            />
          ) : (
            <FormField<Record<string, string>>
              key={f.name}
              name={f.name}
              label={f.label}
              hint={f.hint}
              value={f.value}
              type={f.type}
              state={state}
            />
          ),
        )}
        <button disabled={saving} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
          {saving ? t("common.working") : t("settings.save")}
        </button>
      </form>
      {state?.message ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mt-3 rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {state.message}
        </p>
      ) : null}
      {children}
    </section>
  );
}
