"use client";
import { useActionState } from "react";
import type { ActionResult } from "~/server/actions";
import { saveWecomSettingsAction } from "./actions";

type Field = {
  name: string;
  label: string;
  value: string;
  type?: "text" | "password" | "number";
  placeholder?: string;
  hint?: string;
  /** A choice instead of free text (the API base URL: the platform's list only). */
  options?: { value: string; label: string }[];
};

function Message({ state }: { state: ActionResult | null }) {
  if (!state?.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
    >
      {state.message}
    </p>
  );
}

export function WecomSettingsForm({
  fields,
  labels,
  warning,
}: {
  fields: Field[];
  labels: { save: string; working: string };
  /** Shown above the save button: what saving may clear. */
  warning: string;
}) {
  const [saved, save, saving] = useActionState<ActionResult | null, FormData>(saveWecomSettingsAction, null);
  const inputClass = "w-full rounded-lg border border-slate-300 px-3 py-2.5";
  return (
    <div className="space-y-3">
      <form action={save} className="grid gap-3 sm:grid-cols-2" data-testid="wecom-settings">
        {fields.map((field) => (
          <label key={field.name} className="block">
            <span className="mb-1 block text-sm text-slate-600">{field.label}</span>
            {field.options ? (
              <select name={field.name} defaultValue={field.value} className={`${inputClass} bg-white`}>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                name={field.name}
                type={field.type ?? "text"}
                defaultValue={field.value}
                placeholder={field.placeholder}
                autoComplete="off"
                className={inputClass}
              />
            )}
            {field.hint ? <span className="text-xs text-slate-500">{field.hint}</span> : null}
          </label>
        ))}
        <p className="text-sm text-amber-800 sm:col-span-2">{warning}</p>
        <button disabled={saving} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
          {saving ? labels.working : labels.save}
        </button>
      </form>
      <Message state={saved} />
    </div>
  );
}
