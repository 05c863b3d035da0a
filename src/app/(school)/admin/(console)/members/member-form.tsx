"use client";
// The UCAS member form (【添加成员】 and 编辑): the basic fields, then 其他信息 (证件类型, 证件号,
// 籍贯 …), with 【保存】【取消】【保存并添加下一个】. Every field is bound to the procedure's schema;
// words come from the page's <Words namespaces={["member", "common"]}>, choices come said.
import { useEffect } from "react";
import type { z } from "zod";
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { createMemberInput } from "~/server/members/manage-members";
import { saveMemberAction, type MemberFormState } from "./form-actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

type Input = z.input<typeof createMemberInput>;
export type Choice = { value: string; label: { text: string } };
/** The form's select fields: identity kinds, ID types and the profile's lists, with 请选择 first. */
export type FormChoices = Record<
  "identityKindCode" | "idType" | "maritalStatus" | "bloodType" | "education" | "highestDegree" | "religion" | "politicalStatus",
  Choice[]
>;
export type FormValues = Partial<Record<keyof Input, string>>;

const TEXTS = ["nativePlace", "nationality"] as const;
const SELECTS = ["maritalStatus", "bloodType", "education", "highestDegree", "religion", "politicalStatus"] as const;

export function MemberForm(props: {
  memberId?: string;
  values: FormValues;
  choices: FormChoices;
  idNumberMasked?: string | null;
  activated?: boolean;
}) {
  const t = useT();
  const [state, save, saving] = useKeptForm<MemberFormState>(saveMemberAction);
  useEffect(() => {
    if (state?.next) window.location.assign(state.next);
  }, [state?.next]);
  const { values, choices } = props;
  const field = (name: keyof Input) => ({ name, state, value: values[name] ?? "" });
  return (
    <form {...save} className="space-y-6" data-testid="member-form">
      {props.memberId ? <input type="hidden" name="memberId" value={props.memberId} /> : null}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("member.form.basic")}</legend>
        {props.memberId ? null : <FormField<Input> {...field("account")} label="member.field.account" required />}
        <FormField<Input> {...field("name")} label="member.field.name" required />
        <FormField<Input> {...field("identityKindCode")} label="member.field.kind" options={choices.identityKindCode} />
        <FormField<Input> {...field("department")} label="member.field.department" hint="member.field.departmentHint" />
        <FormField<Input> {...field("phone")} label="member.field.phone" hint="member.field.phoneHint" />
        <FormField<Input> {...field("email")} label="member.field.email" />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("member.form.other")}</legend>
        <FormField<Input> {...field("idType")} label="member.field.idType" options={choices.idType} />
        <FormField<Input>
          {...field("idNumber")}
          value=""
          label="member.field.idNumber"
          hint={props.idNumberMasked ? { key: "member.form.idNumberKeep", vars: { masked: props.idNumberMasked } } : undefined}
        />
        {TEXTS.map((name) => (
          <FormField<Input> key={name} {...field(name)} label={`member.field.${name}`} />
        ))}
        {SELECTS.map((name) => (
          <FormField<Input> key={name} {...field(name)} label={`member.field.${name}`} options={choices[name]} />
        ))}
      </fieldset>
      {props.activated ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirmWecomRejoin" className="mt-1" />
          <span>{t("member.form.confirmRejoin")}</span>
        </label>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.next ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800">
          <a href={state.next} className="underline">
            {state.message} ›
          </a>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          name="then"
          value="view"
          disabled={saving}
          className="rounded-lg bg-[var(--brand)] px-5 py-2.5 text-white disabled:opacity-60"
        >
          {t("member.form.save")}
        </button>
        <a
          href={props.memberId ? `/admin/members/${props.memberId}` : "/admin/members"}
          className="rounded-lg border border-slate-300 px-5 py-2.5"
        >
          {t("member.form.cancel")}
        </a>
        {props.memberId ? null : (
          <button
            name="then"
            value="next"
            disabled={saving}
            className="rounded-lg border border-[var(--brand)] px-5 py-2.5 text-[var(--brand)] disabled:opacity-60"
          >
            {t("member.form.saveAndNext")}
          </button>
        )}
      </div>
    </form>
  );
}
