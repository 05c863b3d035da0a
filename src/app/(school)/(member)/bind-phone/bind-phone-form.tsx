"use client";
// The bind page's form. The phone is prefilled from the directory; a different one shows the
// code field and 【获取验证码】 at once (a new phone is confirmed by SMS before it is bound). Each
// refusal comes with its next step; 「手机号码已存在」 offers to send the case to the helpdesk.
import { useActionState, useEffect, useState } from "react";
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import { bindPhoneAction, type BindFormState } from "./actions";

/** A refusal this page words itself, by the catalogue's code: what happened and the next step, each said once. */
const REFUSALS: Partial<Record<string, MessageKey>> = {
  PHONE_BOUND_TO_OTHER_ACCOUNT: "journey.refusedPhoneBound",
  ACCOUNT_BOUND_TO_OTHER_PHONE: "journey.refusedAccountBound",
  PHONE_ALREADY_EXISTS: "journey.refusedAlreadyExists",
};

const input = "w-full rounded-lg border border-slate-300 px-3 py-3 text-lg";

/** The code field and 【获取验证码】, which counts down until another code may be sent. */
function CodeRow({ answer, pending, waitSeconds }: { answer: number; pending: boolean; waitSeconds: number }) {
  const t = useT();
  return (
    <div className="flex items-end gap-2">
      <label className="block flex-1">
        <span className="mb-1 block text-sm text-slate-600">{t("journey.codeLabel")}</span>
        <input
          key={`code-${answer}`}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          placeholder={t("journey.codePlaceholder")}
          className={`${input} tracking-widest`}
        />
      </label>
      <button
        name="intent"
        value="code"
        disabled={pending || waitSeconds > 0}
        className="min-h-[52px] shrink-0 rounded-lg border border-[var(--brand)] px-3 text-base text-[var(--brand)] disabled:opacity-50"
      >
        {waitSeconds > 0 ? t("journey.resendIn", { seconds: waitSeconds }) : t("journey.getCode")}
      </button>
    </div>
  );
}

/** A refusal with its next step, and for 「手机号码已存在」 the case to send to the helpdesk. */
function Refusal({ failure, said, pending }: { failure: { message: string; code?: string }; said: string; pending: boolean }) {
  const t = useT();
  return (
    <div role="alert" className="space-y-2 rounded-lg bg-red-50 px-3 py-3 text-sm text-red-800" data-testid="bind-error">
      <p className="font-medium">{said}</p>
      {failure.code === "PHONE_ALREADY_EXISTS" ? (
        <div className="space-y-2 pt-1">
          <textarea
            name="note"
            maxLength={500}
            rows={2}
            placeholder={t("journey.helpdeskNote")}
            className="w-full rounded-lg border border-red-200 bg-white px-3 py-2 text-base"
          />
          <button
            name="intent"
            value="helpdesk"
            disabled={pending}
            className="w-full rounded-lg border border-red-300 bg-white py-3 text-base text-red-800"
          >
            {t("journey.sendToHelpdesk")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Its words come from the page's <Words namespaces={["common", "journey"]}>. */
export function BindPhoneForm({
  directoryValue,
  confirmNewByCode,
  allowEmail,
  allowForeign,
  schoolName,
}: {
  /** What the directory holds (as typed), prefilled; "" when nothing. */
  directoryValue: string;
  confirmNewByCode: boolean;
  /** The school takes an e-mail address instead of a phone. */
  allowEmail: boolean;
  /** The school takes foreign numbers: their format is said under the field. */
  allowForeign: boolean;
  /** The school's name in the page's language, for the next step of ACCOUNT_BOUND_TO_OTHER_PHONE. */
  schoolName: string;
}) {
  const t = useT();
  const initial: BindFormState = { answer: 0, result: null, value: directoryValue, codeSent: null };
  const [state, action, pending] = useActionState(bindPhoneAction, initial);
  // What is typed, for showing the code field at once. The inputs themselves are uncontrolled and drawn
  // afresh after each answer with what was sent (React resets a form after its action, and a controlled
  // input would then show the reset value while its state kept the old one); typing before the page's
  // script has loaded is kept too.
  const [value, setValue] = useState(directoryValue);
  const [now, setNow] = useState(() => Date.now());
  const resendAt = state.codeSent ? state.codeSent.at + state.codeSent.resendAfterSeconds * 1000 : 0;
  useEffect(() => {
    if (resendAt <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [resendAt]);
  // Bound: on to the follow step (a full navigation, see actions.ts).
  useEffect(() => {
    if (state.next) window.location.assign(state.next);
  }, [state.next]);
  // Never more than the server said (the two clocks may differ by a moment).
  const waitSeconds = Math.min(state.codeSent?.resendAfterSeconds ?? 0, Math.max(0, Math.ceil((resendAt - now) / 1000)));
  const needsCode = (confirmNewByCode && value.replace(/\s/g, "") !== directoryValue) || state.codeSent !== null;
  const failure = state.result && !state.result.ok ? state.result : null;
  const ownWords = failure?.code ? REFUSALS[failure.code] : undefined;
  const said = ownWords ? t(ownWords, { school: schoolName }) : (failure?.message ?? "");

  return (
    <form action={action} className="space-y-4" data-testid="bind-form">
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{t(allowEmail ? "journey.phoneOrEmailLabel" : "journey.phoneLabel")}</span>
        <input
          key={`value-${state.answer}`}
          name="value"
          defaultValue={state.value}
          onChange={(event) => setValue(event.target.value)}
          inputMode={allowEmail ? "text" : "tel"}
          autoComplete={allowEmail ? "on" : "tel"}
          placeholder={allowEmail || allowForeign ? undefined : t("journey.phonePlaceholder")}
          className={input}
        />
        {allowForeign ? <span className="mt-1 block text-xs text-slate-500">{t("journey.foreignHint")}</span> : null}
      </label>
      {needsCode ? <CodeRow answer={state.answer} pending={pending} waitSeconds={waitSeconds} /> : null}
      {state.next ? (
        <a href={state.next} className="block rounded-lg bg-green-50 px-3 py-3 text-center text-green-800">
          {t("journey.next")} ›
        </a>
      ) : null}
      {state.result?.ok && state.result.message ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800">
          {state.result.message}
        </p>
      ) : null}
      {failure ? <Refusal failure={failure} said={said} pending={pending} /> : null}
      <button
        name="intent"
        value="next"
        disabled={pending}
        className="w-full rounded-lg bg-[var(--brand)] py-3.5 text-lg font-medium text-white disabled:opacity-60"
      >
        {pending ? t("common.working") : t("journey.next")}
      </button>
    </form>
  );
}
