"use client";
// The confirmation's form: posts the deletion, shows a refusal beside the buttons, and on success
// goes on to the report with what was done (a link stands in where scripts are blocked). Its words
// come from the page as children.
import { useActionState, useEffect, type ReactNode } from "react";
import { deleteMissingAction, type NextState } from "../actions";

export function DeleteMissingForm({ children, done }: { children: ReactNode; done: string }) {
  const [state, action, pending] = useActionState<NextState | null, FormData>(deleteMissingAction, null);
  useEffect(() => {
    if (state?.next) window.location.assign(state.next);
  }, [state?.next]);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3" aria-busy={pending}>
      {children}
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-red-700" data-testid="delete-missing-refusal">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.next ? (
        <p role="status" className="w-full text-sm">
          <a href={state.next} className="underline">
            {done} ›
          </a>
        </p>
      ) : null}
    </form>
  );
}
