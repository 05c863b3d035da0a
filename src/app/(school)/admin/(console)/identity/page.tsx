import { IdentitySettingsBody } from "~/components/identity-settings-page";
import { PageShell } from "~/components/page-shell";
import { requestLocale, serverApi } from "~/server/request";
import { saveIdentitySettingsAction, testIdentityConnectionAction } from "./actions";

// The school's unified login, for its IT office (settings.manage; the procedures refuse anyone else).
export default async function AdminIdentityPage() {
  const { locale, t } = await requestLocale();
  const settings = await (await serverApi()).admin.identity.settings();
  return (
    <PageShell title={t("idp.title")} t={t} back="/admin" wide>
      <IdentitySettingsBody
        settings={settings}
        t={t}
        locale={locale}
        save={saveIdentitySettingsAction}
        test={testIdentityConnectionAction}
      />
    </PageShell>
  );
}
