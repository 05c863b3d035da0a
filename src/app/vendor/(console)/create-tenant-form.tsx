"use client";
import { useActionState } from "react";
import type { ActionResult } from "~/server/actions";
import { createTenantAction } from "./actions";

type Labels = {
  slug: string;
  slugHint: string;
  name: string;
  nameEn: string;
  idpKind: string;
  submit: string;
  working: string;
  idp: Record<"BUILTIN" | "CAS" | "OIDC", string>;
};

const input = "w-full rounded-lg border border-slate-300 px-3 py-2.5";

export function CreateTenantForm({ labels }: { labels: Labels }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(createTenantAction, null);
  const fieldError = (field: string) =>
    state && !state.ok
      ? state.fieldErrors?.[field]?.map((e) => (
          <span key={e} className="text-sm text-red-700">
            {e}
          </span>
        ))
      : null;
  return (
    <form action={action} className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="create-tenant">
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{labels.slug}</span>
        <input name="slug" required className={input} />
        <span className="text-xs text-slate-500">{labels.slugHint}</span> {fieldError("slug")}
      </label>
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{labels.name}</span>
        <input name="name" required className={input} />
        {fieldError("name")}
      </label>
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{labels.nameEn}</span>
        <input name="nameEn" className={input} />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{labels.idpKind}</span>
        <select name="idpKind" className={input} defaultValue="BUILTIN">
          {(["BUILTIN", "CAS", "OIDC"] as const).map((kind) => (
            <option key={kind} value={kind}>
              {labels.idp[kind]}
            </option>
          ))}
        </select>
      </label>
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm sm:col-span-2 ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {state.message}
        </p>
      ) : null}
      <button disabled={pending} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
        {pending ? labels.working : labels.submit}
      </button>
    </form>
  );
}
