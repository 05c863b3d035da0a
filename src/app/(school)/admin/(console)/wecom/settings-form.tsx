"use client";
import { useActionState } from "react";
import { SettingsField, type SelectField, type TextField } from "~/components/settings-field";
import type { ActionResult } from "~/server/actions";
import { saveWecomSettingsAction } from "./actions";

/** A field of the form; the API base URL is a choice among the platform's addresses only. */
type Field = SelectField | TextField;

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
  return (
    <div className="space-y-3">
      <form action={save} className="grid gap-3 sm:grid-cols-2" data-testid="wecom-settings">
        {fields.map((field) => (
          <SettingsField key={field.name} field={field} />
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
