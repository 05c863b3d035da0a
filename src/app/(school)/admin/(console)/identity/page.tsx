import { IdentitySettingsBody } from "~/components/identity-settings-page";
import { PageHeader } from "~/components/ui/page-header";
import { requestLocale, serverApi } from "~/server/request";
import { saveIdentitySettingsAction, testIdentityConnectionAction } from "./actions";

// The school's unified login, for its IT office (settings.manage; the procedures refuse anyone else).
export default async function AdminIdentityPage() {
  const { locale, t } = await requestLocale();
  const settings = await (await serverApi()).admin.identity.settings();
  return (
    <>
      <PageHeader title={t("idp.title")} back={{ href: "/admin", label: t("common.back") }} />
      <IdentitySettingsBody
        settings={settings}
        t={t}
        locale={locale}
        save={saveIdentitySettingsAction}
        test={testIdentityConnectionAction}
      />
    </>
  );
}
