"use client";
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import type { ActionResult } from "~/server/actions";
import { confirmSecondFactorAction } from "./actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-base tracking-widest";

function CodeField({ name, label }: { name: string; label: MessageKey }) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm text-slate-600">{useT()(label)}</span>
      <input name={name} required inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} className={input} />
    </label>
  );
}

/** The confirming code (and, for a reset of an enrolled factor, the old authenticator's current code). */
export function EnrolForm({ ticket, reset }: { ticket: string; reset: boolean }) {
  const t = useT();
  const [state, action, pending] = useKeptForm<ActionResult>(confirmSecondFactorAction);
  return (
    <form {...action} className="space-y-4" data-testid="enrol-form">
      <input type="hidden" name="ticket" value={ticket} />
      {reset ? <CodeField name="currentCode" label="vendor.enrolCurrentCode" /> : null}
      <CodeField name="code" label={reset ? "vendor.enrolNewCode" : "vendor.enrolCode"} />
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button disabled={pending} className="w-full rounded-lg bg-[var(--brand)] py-3 text-base font-medium text-white disabled:opacity-60">
        {pending ? t("common.working") : t("vendor.enrolSubmit")}
      </button>
    </form>
  );
}
