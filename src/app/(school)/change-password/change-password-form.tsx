"use client";
import { signIn } from "next-auth/react";
import { useEffect, useRef } from "react";
import { useKeptForm } from "~/components/ui/use-kept-form";
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import type { ActionResult } from "~/server/actions";
import { changePasswordAction } from "./actions";

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-base";

/** The change-password form; its words come from the page's <Words namespaces={["common", "password"]}>. */
export function ChangePasswordForm({ account, returnTo }: { account: string; returnTo: string }) {
  const t = useT();
  // The new password, kept in memory only until the sign-in below has used it.
  const typed = useRef<string | null>(null);
  // A refused password keeps what was typed in the other fields (issue 18 §5).
  const [state, form, pending] = useKeptForm<ActionResult>(changePasswordAction, {
    beforeSend: (data) => {
      const value = data.get("newPassword");
      typed.current = typeof value === "string" ? value : null;
    },
  });
  // Every session ended with the old password, this one too. The member is signed in again with the
  // password just typed (checked by the server like any sign-in), so the journey goes on at `returnTo`
  // without typing account and password once more; if that fails, the sign-in page asks for them.
  useEffect(() => {
    if (!state?.ok) return;
    const password = typed.current;
    typed.current = null;
    const again = `/login?changed=1&returnTo=${encodeURIComponent(returnTo)}`;
    if (!password) {
      window.location.assign(again);
      return;
    }
    void signIn("member", { identifier: account, password, redirect: false }).then(
      (result) => window.location.assign(result?.ok && !result.error ? returnTo : again),
      () => window.location.assign(again),
    );
  }, [state, account, returnTo]);
  const fieldError = (field: string) =>
    state && !state.ok
      ? state.fieldErrors?.[field]?.map((key) => (
          <span key={key} className="mt-1 block text-sm text-red-700">
            {/* A field error is a broken rule's key (password.rule.*). */}
            {key.startsWith("password.rule.") ? t(key as MessageKey) : key}
          </span>
        ))
      : null;
  const fields = [
    ["currentPassword", "password.current", "current-password"],
    ["newPassword", "password.new", "new-password"],
    ["confirmPassword", "password.confirm", "new-password"],
  ] as const;
  return (
    <form {...form} className="space-y-4" data-testid="change-password">
      {fields.map(([name, label, autoComplete]) => (
        <label key={name} className="block">
          <span className="mb-1 block text-sm text-slate-600">{t(label)}</span>
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
        {pending ? t("common.working") : t("password.submit")}
      </button>
    </form>
  );
}
