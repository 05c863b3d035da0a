"use client";
import { useActionState, useEffect } from "react";
import type { ActionResult } from "~/server/actions";
import { changePasswordAction } from "./actions";

type Labels = {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  submit: string;
  working: string;
  /** `password.rule.*` keys → the rule in the page's language. */
  rules: Record<string, string>;
};

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-base";

export function ChangePasswordForm({ labels }: { labels: Labels }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(changePasswordAction, null);
  // A full navigation (not a server-side redirect): the session cookie is now a dead pointer.
  useEffect(() => {
    if (state?.ok) window.location.assign("/login?changed=1");
  }, [state]);
  const fieldError = (field: string) =>
    state && !state.ok
      ? state.fieldErrors?.[field]?.map((key) => (
          <span key={key} className="mt-1 block text-sm text-red-700">
            {labels.rules[key] ?? key}
          </span>
        ))
      : null;
  const fields = [
    ["currentPassword", labels.currentPassword, "current-password"],
    ["newPassword", labels.newPassword, "new-password"],
    ["confirmPassword", labels.confirmPassword, "new-password"],
  ] as const;
  return (
    <form action={action} className="space-y-4" data-testid="change-password">
      {fields.map(([name, label, autoComplete]) => (
        <label key={name} className="block">
          <span className="mb-1 block text-sm text-slate-600">{label}</span>
          <input name={name} type="password" autoComplete={autoComplete} required className={input} />
          {fieldError(name)}
        </label>
      ))}
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button disabled={pending} className="w-full rounded-lg bg-[var(--brand)] py-3 text-base font-medium text-white disabled:opacity-60">
        {pending ? labels.working : labels.submit}
      </button>
    </form>
  );
}
