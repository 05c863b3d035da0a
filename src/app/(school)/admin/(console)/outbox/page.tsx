// The back office's view of the development outbox: what was "sent" to this school's members.
import { OutboxList } from "~/components/outbox-list";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { requestLocale, serverApi } from "~/server/request";

export default async function AdminOutboxPage() {
  const { locale, t } = await requestLocale();
  const outbox = await (await serverApi()).admin.outbox.list({ take: 200 });
  return (
    <>
      <PageHeader title={t("outbox.adminTitle")} description={outbox.enabled ? t("outbox.adminLead") : undefined} />
      {outbox.enabled ? (
        <div className="max-w-3xl">
          <OutboxList messages={outbox.messages} t={t} locale={locale} />
        </div>
      ) : (
        <Notice tone="info" testId="outbox-disabled">
          {t("outbox.disabled")}
        </Notice>
      )}
    </>
  );
}
