// The member form's choices, said in the request's language on the server (the lists are data of
// members/member-profile.ts and the school's identity kinds), with 请选择 first where a field may stay empty.
import { pick, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import { ID_TYPES, PROFILE_CHOICES } from "~/server/members/member-profile";
import type { Choice, FormChoices } from "./member-form";

type Kind = { code: string; nameZh: string; nameEn: string };

export function formChoices(kinds: readonly Kind[], t: Translate, locale: Locale): FormChoices {
  const empty: Choice = { value: "", label: { text: t("member.form.choose") } };
  const list = (items: readonly { zh: string; en: string }[]): Choice[] => [
    empty,
    ...items.map((c) => ({ value: c.zh, label: { text: pick(locale, c) } })),
  ];
  return {
    identityKindCode: kinds.map((k) => ({ value: k.code, label: { text: pick(locale, { zh: k.nameZh, en: k.nameEn }) } })),
    idType: list(ID_TYPES),
    maritalStatus: list(PROFILE_CHOICES.maritalStatus),
    bloodType: list(PROFILE_CHOICES.bloodType),
    education: list(PROFILE_CHOICES.education),
    highestDegree: list(PROFILE_CHOICES.highestDegree),
    religion: list(PROFILE_CHOICES.religion),
    politicalStatus: list(PROFILE_CHOICES.politicalStatus),
  };
}
