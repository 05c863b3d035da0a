"use client";
// One labelled field of a form whose server action answers with an ActionResult
// (src/server/actions.ts): a text box or a choice, its hint, and the errors the
// procedure's zod input found in this field — only this field's. `name` is typed
// from the procedure's input, so a field the procedure does not take is a type error:
//   <FormField<z.input<typeof wecomSettingsInput>> name="corpId" label="wecom.corpId" state={state} />
// Words come by key from the page's <Words>; what is data (a school's identity kind) comes said.
import { useT } from "~/i18n/client";
import type { MessageKey, Translate } from "~/i18n/messages";
import type { ActionResult } from "~/server/actions";

/** Words for a field: a message key, a key with its values, or a text that is data rather than words. */
export type FieldWords = MessageKey | { key: MessageKey; vars?: Record<string, string | number> } | { text: string };

export function say(t: Translate, words: FieldWords): string {
  if (typeof words === "string") return t(words);
  return "text" in words ? words.text : t(words.key, words.vars);
}

type Common<Name extends string> = {
  name: Name;
  label: FieldWords;
  /** The action's last answer: its field errors for `name` are shown under the field. */
  state: ActionResult | null;
  value?: string;
  hint?: FieldWords;
};
export type TextFieldProps<Name extends string> = Common<Name> & {
  type?: "text" | "password" | "number";
  placeholder?: FieldWords;
  required?: boolean;
};
export type SelectFieldProps<Name extends string> = Common<Name> & { options: readonly { value: string; label: FieldWords }[] };
export type FormFieldProps<Name extends string> = TextFieldProps<Name> | SelectFieldProps<Name>;

const inputClass = "w-full rounded-lg border border-slate-300 px-3 py-2.5";

/** This field's errors from the action's answer, none when it succeeded or said nothing of the field. */
export function fieldErrors(state: ActionResult | null, name: string): string[] {
  return state && !state.ok ? (state.fieldErrors?.[name] ?? []) : [];
}

export function FormField<Input extends object>(props: FormFieldProps<keyof Input & string>) {
  const t = useT();
  const errors = fieldErrors(props.state, props.name);
  const errorId = errors.length > 0 ? `${props.name}-errors` : undefined;
  return (
    <label className="block">
      <span className="mb-1 block text-sm text-slate-600">{say(t, props.label)}</span>
      {"options" in props ? (
        <select name={props.name} defaultValue={props.value} aria-describedby={errorId} className={`${inputClass} bg-white`}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {say(t, o.label)}
            </option>
          ))}
        </select>
      ) : (
        <input
          name={props.name}
          type={props.type ?? "text"}
          defaultValue={props.value}
          placeholder={props.placeholder ? say(t, props.placeholder) : undefined}
          required={props.required}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errorId}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      )}
      {props.hint ? <span className="text-xs text-slate-500">{say(t, props.hint)}</span> : null}
      {errors.length > 0 ? (
        <span id={errorId} className="block">
          {errors.map((error) => (
            <span key={error} className="block text-sm text-red-700">
              {error}
            </span>
          ))}
        </span>
      ) : null}
    </label>
  );
}
