"use client";
import { useActionState } from "react";
import type { ActionResult } from "~/server/request";
import { saveWecomSettingsAction, testWecomConnectionAction } from "./actions";

type Field = { name: string; label: string; value: string; type?: "text" | "password" | "number"; placeholder?: string; hint?: string };

function Message({ state }: { state: ActionResult | null }) {
  if (!state?.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}>
      {state.message}
    </p>
  );
}

export function WecomSettingsForm({ fields, labels }: { fields: Field[]; labels: { save: string; test: string; working: string } }) {
  const [saved, save, saving] = useActionState<ActionResult | null, FormData>(saveWecomSettingsAction, null);
  const [tested, test, testing] = useActionState<ActionResult | null>(testWecomConnectionAction, null);
  return (
    <div className="space-y-3">
      <form action={save} className="grid gap-3 sm:grid-cols-2" data-testid="wecom-settings">
        {fields.map((field) => (
          <label key={field.name} className="block">
            <span className="mb-1 block text-sm text-slate-600">{field.label}</span>
            <input
              name={field.name}
              type={field.type ?? "text"}
              defaultValue={field.value}
              placeholder={field.placeholder}
              autoComplete="off"
              className="w-full rounded-lg border border-slate-300 px-3 py-2.5"
            />
            {field.hint ? <span className="text-xs text-slate-500">{field.hint}</span> : null}
          </label>
        ))}
        <button disabled={saving} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
          {saving ? labels.working : labels.save}
        </button>
      </form>
      <Message state={saved} />
      <form action={test}>
        <button disabled={testing} className="w-full rounded-lg border border-[var(--brand)] py-3 text-[var(--brand)] disabled:opacity-60">
          {testing ? labels.working : labels.test}
        </button>
      </form>
      <Message state={tested} />
    </div>
  );
}
