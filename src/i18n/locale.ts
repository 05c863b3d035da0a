export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";

export function parseLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : DEFAULT_LOCALE;
}

/** A text in both languages; the first is the default. */
export type Bilingual = { zh: string; en: string };

export function pick(locale: Locale, text: Bilingual): string {
  return locale === "en" ? text.en : text.zh;
}

export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

/** A school's name in the reader's language: its English name in English when it has one, else its own. */
export function schoolName(school: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === "en" && school.nameEn ? school.nameEn : school.name;
}

/** An identity kind's name (在校师生, 新生 …) in the reader's language. */
export function kindName(kind: { nameZh: string; nameEn: string }, locale: Locale): string {
  return pick(locale, { zh: kind.nameZh, en: kind.nameEn });
}

// Times as the school sees them: China time, whatever the server's own zone (UTC on most hosts), in
// the reader's language. Pages format dates only through these (eslint: no toLocale*String elsewhere).
const CHINA = { timeZone: "Asia/Shanghai" } as const;

/** A moment: date and time. */
export function chinaTime(locale: Locale, at: Date): string {
  return at.toLocaleString(locale, CHINA);
}

/** A day. */
export function chinaDate(locale: Locale, at: Date): string {
  return at.toLocaleDateString(locale, CHINA);
}

/** A time of day (e.g. until when an account stays locked). */
export function chinaClock(locale: Locale, at: Date): string {
  return at.toLocaleTimeString(locale, CHINA);
}
