"use client";
// A fix's confirmation form: posts to the server action, shows a refusal beside the buttons, and on
// success goes on to the member page (a link stands in where scripts are blocked). Words from the
// page's <Words namespaces={["member"]}>.
import { useActionState, useEffect, type ReactNode } from "react";
import { useT } from "~/i18n/client";
import { applyFixAction, type FixState } from "./actions";

export function FixForm(props: { children: ReactNode; memberId: string; cancelHref: string; canApply: boolean }) {
  const { children, memberId, cancelHref, canApply } = props;
  const t = useT();
  const [state, action, pending] = useActionState<FixState | null, FormData>(applyFixAction, null);
  useEffect(() => {
    if (state?.next) window.location.assign(state.next);
  }, [state?.next]);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="memberId" value={memberId} />
      {children}
      {canApply ? (
        <button
          disabled={pending}
          className="rounded-lg bg-[var(--brand)] px-4 py-2 text-sm text-white disabled:opacity-60"
          data-testid="fix-apply"
        >
          {pending ? t("member.fix.working") : t("member.fix.confirm")}
        </button>
      ) : null}
      <a href={cancelHref} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
        {t("member.fix.cancel")}
      </a>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-red-700" data-testid="fix-refusal">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.next ? (
        <p role="status" className="w-full text-sm text-green-800">
          <a href={state.next} className="underline">
            {state.message} ›
          </a>
        </p>
      ) : null}
    </form>
  );
}
