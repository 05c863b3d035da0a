// The member's record and state, as the helpdesk reads them before a fix: the ID number masked,
// the profile of the UCAS form, sign-in and lockout, and WeCom as it last said (never a guess).
import type { ReactNode } from "react";
import type { z } from "zod";
import { chinaDate, chinaTime, pick, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { memberRecordOutput } from "~/server/members/member-record";
import { PROFILE_KEYS } from "~/server/members/member-profile";

export type MemberRecord = z.infer<typeof memberRecordOutput>;

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export function Fields({ rows }: { rows: readonly [string, ReactNode, string?][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {rows.map(([label, value, testId], i) => (
        <div key={i} className="flex gap-3">
          <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
          <dd className="min-w-0 break-words text-slate-900" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function RecordSection({ record, t, locale }: { record: MemberRecord; t: Translate; locale: Locale }) {
  const m = record.member;
  const none = t("member.none");
  return (
    <Section title={t("member.section.record")} testId="member-record">
      <Fields
        rows={[
          [t("member.field.account"), m.account],
          [t("member.field.name"), m.name],
          [t("member.field.kind"), pick(locale, { zh: m.identityKind.nameZh, en: m.identityKind.nameEn })],
          [t("member.field.department"), m.department || none],
          [t("member.field.phone"), m.phoneDisplay ?? none, "member-phone"],
          [t("member.field.email"), m.email ?? none],
          [t("member.field.idType"), m.idType ?? none],
          [t("member.field.idNumber"), m.idNumberMasked ?? none, "member-id-number"],
          ...PROFILE_KEYS.map((k) => [t(`member.field.${k}`), m.profile[k] ?? none] as [string, string]),
          [t("member.field.created"), chinaDate(locale, m.createdAt)],
        ]}
      />
    </Section>
  );
}

function lockText(record: MemberRecord, t: Translate, locale: Locale, now: Date): string {
  const { lockedUntil, failedLoginCount } = record.member;
  if (lockedUntil && lockedUntil > now)
    return t("member.state.lockedUntil", { time: chinaTime(locale, lockedUntil), count: failedLoginCount });
  return failedLoginCount > 0 ? t("member.state.failedTries", { count: failedLoginCount }) : t("admin.normal");
}

export function StateSection({ record, t, locale }: { record: MemberRecord; t: Translate; locale: Locale }) {
  const m = record.member;
  const wecom = m.wecom.state ? t(`admin.wecom.${m.wecom.state}`) : t("admin.wecom.NONE");
  const asOf = m.wecom.stateAt ? ` · ${t("admin.wecom.asOf", { time: chinaTime(locale, m.wecom.stateAt) })}` : "";
  return (
    <Section title={t("member.section.state")} testId="member-state">
      <Fields
        rows={[
          [t("member.state.signIn"), m.lastSignInAt ? chinaTime(locale, m.lastSignInAt) : t("member.state.neverSignedIn")],
          [t("member.state.lock"), lockText(record, t, locale, new Date()), "member-lock"],
          [t("member.state.wecom"), `${wecom}${asOf}`, "member-wecom"],
          [
            t("member.state.wecomMobile"),
            record.wecom?.writtenAt ? (record.wecom.mobile ?? t("member.none")) : t("member.state.notInWecom"),
          ],
          ...(record.wecom?.rejoinConsentAt ? [[t("member.state.wecom"), t("member.state.rejoinPending")] as [string, string]] : []),
          ...(m.wecom.phoneOutdated ? [[t("member.state.wecomMobile"), t("admin.wecom.phoneOutdated")] as [string, string]] : []),
        ]}
      />
    </Section>
  );
}
