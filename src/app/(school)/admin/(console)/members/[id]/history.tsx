// What happened to the member: the phone binding, the WeCom jobs (what a fix queued and how it went),
// the audit trail (about them and by them) and their helpdesk cases.
import { chinaTime, pick, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { MemberRecord } from "./record";
import { Section } from "./record";

const list = "divide-y divide-slate-100 text-sm";

export function BindingSection({ record, t, locale }: { record: MemberRecord; t: Translate; locale: Locale }) {
  const b = record.binding;
  return (
    <Section title={t("member.section.binding")} testId="member-binding">
      <p className="text-sm">
        {b
          ? t("member.binding.current", {
              value: b.channel === "PHONE" ? b.value.replace(/^\+86/, "") : b.value,
              how: t(`member.binding.${b.confirmedBy as "DIRECTORY" | "CODE" | "UNCONFIRMED"}`),
              time: chinaTime(locale, b.boundAt),
            })
          : t("member.binding.none")}
      </p>
      <p className="mt-1 text-xs text-slate-500">{t("member.binding.history")}</p>
    </Section>
  );
}

export function JobsSection({ record, t, locale }: { record: MemberRecord; t: Translate; locale: Locale }) {
  return (
    <Section title={t("member.section.jobs")} testId="member-jobs">
      {record.jobs.length === 0 ? <p className="text-sm text-slate-500">{t("member.jobs.none")}</p> : null}
      <ul className={list}>
        {record.jobs.map((job) => (
          <li key={job.id} className="py-1.5">
            <span className="font-mono">{job.kind}</span> · {t(`member.jobs.state.${job.state as "QUEUED"}`)} ·{" "}
            {chinaTime(locale, job.createdAt)}
            {job.lastError ? (
              <div className="text-xs text-red-700">{pick(locale, { zh: job.lastError, en: job.lastErrorEn ?? job.lastError })}</div>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function TrailSection({ record, t, locale }: { record: MemberRecord; t: Translate; locale: Locale }) {
  return (
    <Section title={t("member.section.trail")} testId="member-trail">
      {record.trail.length === 0 ? <p className="text-sm text-slate-500">{t("member.trail.none")}</p> : null}
      <ul className={list}>
        {record.trail.map((row) => (
          <li key={row.id} className="py-1.5" data-testid={`trail-${row.action}`}>
            <span className="font-mono">{row.action}</span> · {chinaTime(locale, row.createdAt)} ·{" "}
            <span className="text-slate-500">{t("member.trail.by", { actor: row.actorKind, ip: row.ip ?? "—" })}</span>
            {row.detail && Object.keys(row.detail).length > 0 ? (
              <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap text-slate-600">{JSON.stringify(row.detail)}</pre>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function CasesSection({ record, t, locale, memberId }: { record: MemberRecord; t: Translate; locale: Locale; memberId: string }) {
  return (
    <Section title={t("member.section.cases")} testId="member-cases">
      {record.cases.length === 0 ? <p className="text-sm text-slate-500">{t("member.cases.none")}</p> : null}
      <ul className={list}>
        {record.cases.map((c) => (
          <li key={c.id} className="py-1.5">
            {c.kind === "PHONE_ALREADY_EXISTS"
              ? t("member.cases.PHONE_ALREADY_EXISTS", { value: c.valueDisplay ?? "—" })
              : t(`member.cases.${c.kind === "TROUBLESHOOT" ? "TROUBLESHOOT" : "WECOM_SYNC_FAILED"}`)}{" "}
            · {t(`member.cases.${c.status as "OPEN"}`)} · {chinaTime(locale, c.createdAt)}
            {c.note ? <div className="text-xs text-slate-600">{c.note}</div> : null}
            {c.kind === "PHONE_ALREADY_EXISTS" && c.status === "OPEN" && c.valueDisplay ? (
              <a
                className="ml-2 text-[var(--brand)] underline"
                href={`/admin/members/${memberId}?fix=movePhone&phone=${encodeURIComponent(c.valueDisplay)}#fixes`}
              >
                {t("member.cases.movePhone")}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
