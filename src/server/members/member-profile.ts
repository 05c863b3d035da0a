// The UCAS member form's optional fields (其他信息: 证件类型, 籍贯, 婚姻状况, 国籍, 血型, 文化程度,
// 最高学历, 信仰宗教, 政治面貌). ID type and number have columns of their own (the number is
// sealed and blind-indexed); the rest live in Member.profile under these keys, each a free text or
// one of its list's values. The lists are the national code tables' names (GB/T 2261, 4658, 4762),
// stored in Chinese as rosters write them; the English beside each is for the form only.
import { z } from "zod";
import type { Bilingual } from "~/i18n/locale";

const choice = (zh: string, en: string): Bilingual => ({ zh, en });

export const ID_TYPES = [
  choice("居民身份证", "Resident ID card"),
  choice("护照", "Passport"),
  choice("港澳居民来往内地通行证", "Mainland travel permit (HK/Macao)"),
  choice("台湾居民来往大陆通行证", "Mainland travel permit (Taiwan)"),
  choice("港澳台居民居住证", "Residence permit (HK/Macao/Taiwan)"),
  choice("外国人永久居留身份证", "Foreigner's permanent residence ID"),
  choice("其他", "Other"),
] as const;

export const RESIDENT_ID = "居民身份证";

/** The profile's choice fields and their lists; 籍贯 and 国籍 are free text. */
export const PROFILE_CHOICES = {
  maritalStatus: [
    choice("未婚", "Single"),
    choice("已婚", "Married"),
    choice("丧偶", "Widowed"),
    choice("离婚", "Divorced"),
    choice("其他", "Other"),
  ],
  bloodType: [choice("A型", "A"), choice("B型", "B"), choice("AB型", "AB"), choice("O型", "O"), choice("其他", "Other")],
  education: [
    choice("研究生", "Postgraduate"),
    choice("大学本科", "Bachelor's"),
    choice("大学专科", "Associate"),
    choice("中等专科", "Secondary vocational"),
    choice("高中", "Senior high school"),
    choice("初中及以下", "Junior high school or less"),
  ],
  highestDegree: [
    choice("博士研究生", "Doctoral"),
    choice("硕士研究生", "Master's"),
    choice("大学本科", "Bachelor's"),
    choice("大学专科", "Associate"),
    choice("高中及以下", "High school or less"),
  ],
  religion: [
    choice("无", "None"),
    choice("佛教", "Buddhism"),
    choice("道教", "Taoism"),
    choice("伊斯兰教", "Islam"),
    choice("天主教", "Catholicism"),
    choice("基督教", "Protestantism"),
    choice("其他", "Other"),
  ],
  politicalStatus: [
    choice("中共党员", "CPC member"),
    choice("中共预备党员", "CPC probationary member"),
    choice("共青团员", "CYL member"),
    choice("民主党派", "Democratic party member"),
    choice("无党派人士", "Non-partisan"),
    choice("群众", "Ordinary citizen"),
  ],
} as const satisfies Record<string, readonly Bilingual[]>;

export const PROFILE_TEXTS = ["nativePlace", "nationality"] as const;
export type ProfileKey = (typeof PROFILE_TEXTS)[number] | keyof typeof PROFILE_CHOICES;
/** In the order of the UCAS form. */
export const PROFILE_KEYS: readonly ProfileKey[] = [
  "nativePlace",
  "maritalStatus",
  "nationality",
  "bloodType",
  "education",
  "highestDegree",
  "religion",
  "politicalStatus",
];

/** "" (请选择) or one of the list's values. */
const oneOf = (list: readonly Bilingual[]) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || list.some((c) => c.zh === v), { message: "请从列表中选择 / Choose from the list" });

/** The profile's fields as an edit sends them: a field left out stays as it is; "" empties it. */
export const profileFieldsUpdate = z.object({
  nativePlace: z.string().trim().max(100).optional(),
  nationality: z.string().trim().max(64).optional(),
  maritalStatus: oneOf(PROFILE_CHOICES.maritalStatus).optional(),
  bloodType: oneOf(PROFILE_CHOICES.bloodType).optional(),
  education: oneOf(PROFILE_CHOICES.education).optional(),
  highestDegree: oneOf(PROFILE_CHOICES.highestDegree).optional(),
  religion: oneOf(PROFILE_CHOICES.religion).optional(),
  politicalStatus: oneOf(PROFILE_CHOICES.politicalStatus).optional(),
});

/** The profile's fields as 【添加成员】 sends them; "" (or left out) leaves a field empty. */
export const profileFieldsInput = z.object(
  Object.fromEntries(Object.entries(profileFieldsUpdate.shape).map(([k, v]) => [k, v.unwrap().default("")])) as {
    [K in keyof typeof profileFieldsUpdate.shape]: z.ZodDefault<ReturnType<(typeof profileFieldsUpdate.shape)[K]["unwrap"]>>;
  },
);

export type Profile = Partial<Record<ProfileKey, string>>;

/** The stored profile: only the fields that hold something. */
export function profileOf(fields: Partial<Record<ProfileKey, string | undefined>>): Profile {
  return Object.fromEntries(PROFILE_KEYS.flatMap((k) => (fields[k] ? [[k, fields[k]]] : [])));
}

/** A stored profile read back (a JSON column: anything not a string is ignored). */
export function readProfile(json: unknown): Profile {
  const record = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  return Object.fromEntries(PROFILE_KEYS.flatMap((k) => (typeof record[k] === "string" ? [[k, record[k]]] : [])));
}
