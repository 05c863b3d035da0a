// The kit of the member pages' plain-HTML forms (<form method="post"> to a route handler that answers
// with a 303): they post without script, so nothing here is a client component. A field, the buttons'
// looks, and a refusal worded by the catalogue (?error=CODE, src/server/http/refusal-query.ts).
import type { ReactNode } from "react";

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-base";

/** A labelled text field, required unless told; its hint under it. */
export function Field(props: {
  label: string;
  name: string;
  type?: "text" | "password" | "tel" | "email";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "tel";
  maxLength?: number;
  required?: boolean;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm text-slate-600">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        required={props.required ?? true}
        className={input}
        data-testid={props.testId}
      />
      {props.hint ? <span className="mt-1 block text-xs text-slate-500">{props.hint}</span> : null}
    </label>
  );
}

/** The form's one main action. */
export const primaryButton = "w-full rounded-lg bg-[var(--brand)] py-3 text-base font-medium text-white";
/** A second action of the form (e.g. 【重新获取验证码】). */
export const secondaryButton = "w-full rounded-lg border border-slate-300 py-3 text-base text-[var(--brand)]";
/** The way back out of a member page (返回个人中心, 取消). */
export const backLink = "mt-4 block rounded-lg border border-slate-300 py-3 text-center text-slate-700";

/** A refusal, worded by the catalogue for the reader; a title first where the page says what was refused. */
export function Refusal({ children, title, testId }: { children: ReactNode; title?: string; testId?: string }) {
  return (
    <div role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid={testId}>
      {title ? <p className="font-medium">{title}</p> : null}
      {children}
    </div>
  );
}
