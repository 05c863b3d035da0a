import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { PageShell } from "~/components/page-shell";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { schoolName } from "~/i18n/locale";

export default async function AdminLoginPage() {
  const { ctx, tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  if (ctx.actor?.kind === "tenantAdmin") redirect("/admin");
  return (
    <PageShell title={t("admin.loginTitle")} t={t} back="/">
      <p className="mb-4 text-sm text-slate-500">{schoolName(tenant, locale)}</p>
      <SignInForm provider="tenant-admin" callbackUrl="/admin" accountLabel="admin.usernameLabel" />
    </PageShell>
  );
}
