import { notFound } from "next/navigation";
import { InviteAdminForm } from "~/components/invite-admin-form";
import { PageHeader } from "~/components/ui/page-header";
import { Words } from "~/components/words";
import { schoolName } from "~/i18n/locale";
import { requestLocale, serverApi } from "~/server/request";
import { vendorInviteAdminAction } from "./actions";

// A school's back-office accounts, for the platform operator: who there is, and an invitation for
// the school's first IT admin (or another), whose link the operator sends on.
export default async function VendorSchoolAdminsPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) notFound();
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const tenant = (await api.vendor.tenants.list()).find((s) => s.id === tenantId);
  if (!tenant) notFound();
  const admins = (await api.vendor.tenantAdmins.list()).filter((a) => a.tenantId === tenantId);
  return (
    <>
      <PageHeader
        title={`${t("console.nav.accounts")} · ${schoolName(tenant, locale)}`}
        back={{ href: "/vendor", label: t("common.back") }}
      />
      <ul className="mb-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="school-admins">
        {admins.map((a) => (
          <li key={a.id} className="flex justify-between gap-3 px-3 py-2">
            <span className="font-mono">{a.username}</span>
            <span>
              {a.name} · {t(`invite.role.${a.role}`)}
            </span>
          </li>
        ))}
      </ul>
      <Words namespaces={["common", "invite"]}>
        <InviteAdminForm action={vendorInviteAdminAction} hidden={{ tenantId }} />
      </Words>
    </>
  );
}
