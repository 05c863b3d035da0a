import { notFound } from "next/navigation";
import { IdentitySettingsBody } from "~/components/identity-settings-page";
import { PageHeader } from "~/components/ui/page-header";
import { requestLocale, serverApi } from "~/server/request";
import { vendorSaveIdentitySettingsAction, vendorTestIdentityConnectionAction } from "./actions";
import { schoolName } from "~/i18n/locale";

// A school's unified login, set by the platform operator: the school's own page, for the school the path names.
export default async function VendorIdentityPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) notFound();
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const tenant = (await api.vendor.tenants.list()).find((s) => s.id === tenantId);
  if (!tenant) notFound();
  const settings = await api.vendor.identity.settings({ tenantId });
  return (
    <>
      <PageHeader title={`${t("idp.title")} · ${schoolName(tenant, locale)}`} back={{ href: "/vendor", label: t("common.back") }} />
      <IdentitySettingsBody
        settings={settings}
        t={t}
        locale={locale}
        save={vendorSaveIdentitySettingsAction}
        test={vendorTestIdentityConnectionAction}
        hidden={{ tenantId }}
      />
    </>
  );
}
