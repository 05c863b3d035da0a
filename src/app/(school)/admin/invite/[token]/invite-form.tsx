"use client";
// The invited account chooses its password; its words come from the page's <Words namespaces={["common", "password", "invite"]}>.
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import type { ActionResult } from "~/server/actions";
import { acceptInvitationAction } from "./actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-base";

export function InviteForm({ token }: { token: string }) {
  const t = useT();
  const [state, action, pending] = useKeptForm<ActionResult>(acceptInvitationAction);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-4" data-testid="invite-done">
        <p className="rounded-lg bg-green-50 p-3 text-green-800">{state.message}</p>
        <a href="/admin/login" className="block rounded-lg bg-[var(--brand)] py-3 text-center font-medium text-white">
          {t("invite.signIn")}
        </a>
      </div>
    );
  }
  const errors = (field: string) =>
    state && !state.ok
      ? state.fieldErrors?.[field]?.map((key) => (
          <span key={key} className="mt-1 block text-sm text-red-700">
            {key.startsWith("password.rule.") ? t(key as MessageKey) : key}
          </span>
        ))
      : null;
  return (
    <form {...action} className="space-y-4" data-testid="invite-form">
      <input type="hidden" name="token" value={token} />
      {(
        [
          ["password", "password.new"],
          ["confirmPassword", "password.confirm"],
        ] as const
      ).map(([name, label]) => (
        <label key={name} className="block">
          <span className="mb-1 block text-sm text-slate-600">{t(label)}</span>
          <input name={name} type="password" autoComplete="new-password" required className={input} />
          {errors(name)}
        </label>
      ))}
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button disabled={pending} className="w-full rounded-lg bg-[var(--brand)] py-3 text-base font-medium text-white disabled:opacity-60">
        {pending ? t("common.working") : t("invite.submit")}
      </button>
    </form>
  );
}
