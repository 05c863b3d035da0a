"use client";
// Deleting an identity kind: one ticked confirmation naming it (required by the browser and checked
// by the action), 【删除】, and the answer — a kind that members hold is refused with how many.
import { useActionState } from "react";
import { useT } from "~/i18n/client";
import type { ActionResult } from "~/server/actions";

export function DeleteKindForm({ name, action }: { name: string; action: (p: ActionResult | null, f: FormData) => Promise<ActionResult> }) {
  const t = useT();
  const [state, submit, pending] = useActionState<ActionResult | null, FormData>(action, null);
  return (
    <form action={submit} className="mt-3 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" name="confirm" value="1" required className="h-5 w-5" />
        {t("settings.kinds.confirmDelete", { name })}
      </label>
      <button disabled={pending} className="rounded-lg border border-red-300 px-3 py-2 text-red-700 disabled:opacity-60">
        {pending ? t("common.working") : t("settings.kinds.delete")}
      </button>
      {state?.message ? (
        <p role={state.ok ? "status" : "alert"} className={`w-full ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
