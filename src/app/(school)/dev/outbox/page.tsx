// The development outbox on the school's host: in demo mode (SMS_PROVIDER / EMAIL_PROVIDER =
// outbox, which src/env.ts allows only on a localhost platform domain) codes are "sent" here,
// and whoever follows a manual reads the code on this page. Anything else: 404.
import { notFound } from "next/navigation";
import { OutboxList } from "~/components/outbox-list";
import { PageShell } from "~/components/page-shell";
import { outboxChannels } from "~/server/codes/providers/choose";
import { requestLocale, serverApi } from "~/server/request";

export default async function DevOutboxPage() {
  if (outboxChannels().length === 0) notFound();
  const { locale, t } = await requestLocale();
  const { messages } = await (await serverApi()).school.devOutbox.list({ take: 50 });
  return (
    <PageShell title={t("outbox.title")} t={t} back="/">
      <p className="mb-4 text-sm text-slate-600">{t("outbox.lead")}</p>
      <OutboxList messages={messages} t={t} locale={locale} />
      <a href="/dev/outbox" className="mt-5 block rounded-lg border border-slate-300 py-3 text-center text-[var(--brand)]">
        {t("outbox.refresh")}
      </a>
    </PageShell>
  );
}
