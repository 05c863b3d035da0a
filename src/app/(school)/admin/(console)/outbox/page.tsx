// The back office's view of the development outbox: what was "sent" to this school's members.
import { OutboxList } from "~/components/outbox-list";
import { PageShell } from "~/components/page-shell";
import { requestLocale, serverApi } from "~/server/request";

export default async function AdminOutboxPage() {
  const { locale, t } = await requestLocale();
  const outbox = await (await serverApi()).admin.outbox.list({ take: 200 });
  return (
    <PageShell title={t("outbox.adminTitle")} t={t} back="/admin" wide>
      {outbox.enabled ? (
        <>
          <p className="mb-4 text-sm text-slate-600">{t("outbox.adminLead")}</p>
          <OutboxList messages={outbox.messages} t={t} locale={locale} />
        </>
      ) : (
        <p className="rounded-lg bg-slate-50 px-3 py-6 text-slate-600" data-testid="outbox-disabled">
          {t("outbox.disabled")}
        </p>
      )}
    </PageShell>
  );
}
