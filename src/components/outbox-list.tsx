import type { Translate } from "~/i18n/messages";
import type { CodePurpose } from "~/server/codes/purposes";

export type OutboxListEntry = {
  id: string;
  channel: "SMS" | "EMAIL";
  shownTo: string;
  purpose: CodePurpose;
  text: string;
  createdAt: Date;
};

/** The outbox's messages as a phone shows them: who, what for, when, and the whole text (the point is to read the code). */
export function OutboxList({ messages, t, locale }: { messages: OutboxListEntry[]; t: Translate; locale: "zh-CN" | "en" }) {
  if (messages.length === 0) return <p className="rounded-lg bg-slate-50 px-3 py-6 text-center text-slate-600">{t("outbox.empty")}</p>;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <ol className="space-y-3" data-testid="outbox-messages">
      {messages.map((m) => (
        <li key={m.id} className="rounded-lg border border-slate-200 p-3" data-testid="outbox-message">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-500">
            <span>
              {t(`outbox.channel.${m.channel}`)} · {t(`outbox.purpose.${m.purpose}`)}
            </span>
            <time dateTime={m.createdAt.toISOString()}>{time.format(m.createdAt)}</time>
          </div>
          <div className="mt-1 font-mono text-sm">{t("outbox.to", { to: m.shownTo })}</div>
          <p className="mt-2 text-base leading-relaxed break-words">{m.text}</p>
        </li>
      ))}
    </ol>
  );
}
