"use client";
// 【添加】 an origin to the list; words from <Words namespaces={["common", "vendor"]}> (page.tsx).
import type { z } from "zod";
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { ActionResult } from "~/server/actions";
import type { addPrivateOriginInput } from "~/server/identity/private-origins";
import { addPrivateOriginAction } from "./actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

type Input = z.input<typeof addPrivateOriginInput>;

export function AddOriginFields() {
  const t = useT();
  const [state, action, pending] = useKeptForm<ActionResult>(addPrivateOriginAction);
  return (
    <form {...action} className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="add-private-origin">
      <FormField<Input> name="origin" label="vendor.origins.origin" hint="vendor.origins.originHint" required state={state} />
      <FormField<Input> name="note" label="vendor.origins.note" required state={state} />
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm [overflow-wrap:anywhere] sm:col-span-2 ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {state.message}
        </p>
      ) : null}
      <button disabled={pending} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
        {pending ? t("common.working") : t("vendor.origins.add")}
      </button>
    </form>
  );
}
