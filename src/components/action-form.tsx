"use client";
// A small form whose server action answers with a result (src/server/actions.ts):
// a failure's message appears next to its button instead of an error page.
import { useActionState, type ReactNode } from "react";
import type { ActionResult, FormAction } from "~/server/actions";

export function ActionForm({ action, className, children }: { action: FormAction; className?: string; children: ReactNode }) {
  const [state, formAction] = useActionState<ActionResult | null, FormData>(action, null);
  return (
    <form action={formAction} className={className}>
      {children}
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
