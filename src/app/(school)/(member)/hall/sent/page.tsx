// 发出的事项 (XAU manual 2.3): what the member sent, where each stands.
import { PageShell } from "~/components/page-shell";
import { requestLocale, serverApi } from "~/server/request";
import { ApplicationList } from "../hall-parts";
import { hallPaths } from "../paths";

export const dynamic = "force-dynamic";

export default async function SentPage() {
  const { locale, t } = await requestLocale();
  const rows = await (await serverApi()).me.hall.sent();
  return (
    <PageShell title={t("hall.sent")} t={t} back={hallPaths.home}>
      <ApplicationList rows={rows} t={t} locale={locale} empty={t("hall.sentEmpty")} testId="hall-sent" />
    </PageShell>
  );
}
