import type { ReactNode } from "react";

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-base";

/** A labelled text field of the 忘记密码 forms (plain HTML: the forms post without script). */
export function Field(props: {
  label: string;
  name: string;
  type?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text";
  hint?: ReactNode;
}) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm text-slate-600">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required
        className={input}
        data-testid={`forgot-${props.name}`}
      />
      {props.hint ? <span className="mt-1 block text-xs text-slate-500">{props.hint}</span> : null}
    </label>
  );
}

export const primaryButton = "w-full rounded-lg bg-[var(--brand)] py-3 text-base font-medium text-white";

/** A refusal, worded by the catalogue for the reader. */
export function Refusal({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="forgot-error">
      {children}
    </p>
  );
}
