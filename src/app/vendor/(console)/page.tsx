import { headers } from "next/headers";
import { ActionForm } from "~/components/action-form";
import { PageShell } from "~/components/page-shell";
import { SignOutButton } from "~/components/sign-out-button";
import { serverEnv } from "~/env";
import { requestLocale, serverApi } from "~/server/request";
import { setTenantStatusAction, unlockTenantAdminAction } from "./actions";
import { CreateTenantForm } from "./create-tenant-form";

function tenantUrl(slug: string, host: string | null): string {
  const port = host?.match(/:(\d+)$/)?.[1];
  return `//${slug}.${serverEnv().PLATFORM_DOMAIN}${port ? `:${port}` : ""}/`;
}

export default async function VendorHomePage() {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [tenants, admins, codeBudget] = await Promise.all([
    api.vendor.tenants.list(),
    api.vendor.tenantAdmins.list(),
    api.vendor.codes.budget(),
  ]);
  const now = new Date();
  const requestHost = (await headers()).get("host");
  return (
    <PageShell title={t("vendor.loginTitle")} t={t} wide>
      {codeBudget.platform.level !== "ok" || codeBudget.schools.length > 0 ? (
        <div
          className={`mb-6 rounded-lg border px-3 py-3 text-sm ${codeBudget.platform.level === "spent" ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}
          data-testid="code-budget"
        >
          {codeBudget.platform.level !== "ok" ? (
            <p>
              {t(
                codeBudget.platform.level === "spent" ? "vendor.codes.platformSpent" : "vendor.codes.platformWarning",
                codeBudget.platform,
              )}
            </p>
          ) : null}
          <ul className="mt-1 list-disc pl-5">
            {codeBudget.schools.map((school) => (
              <li key={school.tenantId}>
                {t("vendor.codes.schoolBudget", { name: school.name, sent: school.sent, budget: school.budget })}
                {school.level === "spent" ? t("vendor.codes.schoolSpent") : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2 className="text-lg font-semibold">{t("vendor.tenants")}</h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="tenant-list">
        {tenants.map((tenant) => (
          <li key={tenant.id} className="flex flex-wrap items-center gap-3 px-3 py-3" data-testid={`tenant-${tenant.slug}`}>
            <div className="min-w-40 flex-1">
              <div className="font-medium">
                {locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name}{" "}
                <span className="font-mono text-sm text-slate-500">{tenant.slug}</span>
              </div>
              <div className="text-sm text-slate-500">
                {t(`vendor.idp.${tenant.idpKind}`)} · {t("vendor.members")} {tenant._count.members}
              </div>
            </div>
            <span
              className={`rounded-full px-2 py-0.5 text-sm ${tenant.status === "ACTIVE" ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"}`}
              data-testid="tenant-status"
            >
              {t(`vendor.status.${tenant.status}`)}
            </span>
            <a href={tenantUrl(tenant.slug, requestHost)} className="text-sm text-[var(--brand)] underline">
              {t("vendor.open")}
            </a>
            <a href={`/vendor/schools/${tenant.id}/identity`} className="text-sm text-[var(--brand)] underline">
              {t("idp.title")}
            </a>
            <ActionForm action={setTenantStatusAction}>
              <input type="hidden" name="tenantId" value={tenant.id} />
              <input type="hidden" name="status" value={tenant.status === "ACTIVE" ? "SUSPENDED" : "ACTIVE"} />
              <button className="rounded border border-slate-300 px-3 py-1.5 text-sm">
                {tenant.status === "ACTIVE" ? t("vendor.suspend") : t("vendor.resume")}
              </button>
            </ActionForm>
            <details className="w-full text-sm" data-testid="tenant-admins">
              <summary className="cursor-pointer text-slate-600">{t("vendor.admins")}</summary>
              <ul className="mt-2 divide-y divide-slate-100">
                {admins
                  .filter((a) => a.tenantId === tenant.id)
                  .map((a) => {
                    const locked = a.lockedUntil !== null && a.lockedUntil > now;
                    return (
                      <li key={a.id} className="flex items-center gap-3 py-2" data-testid={`tenant-admin-${a.username}`}>
                        <span className="font-mono">{a.username}</span>
                        <span className="flex-1">
                          {a.name} · {t(`admin.role.${a.role}`)}
                        </span>
                        {a.disabled ? (
                          <span className="text-slate-500">{t("admin.disabled")}</span>
                        ) : locked ? (
                          <ActionForm action={unlockTenantAdminAction} className="flex items-center gap-2">
                            <input type="hidden" name="tenantId" value={tenant.id} />
                            <input type="hidden" name="adminId" value={a.id} />
                            <span className="text-red-700">
                              {t("admin.lockedUntil", { time: a.lockedUntil!.toLocaleTimeString(locale) })}
                            </span>
                            <button className="rounded border border-slate-300 px-2 py-1">{t("admin.unlock")}</button>
                          </ActionForm>
                        ) : (
                          <span className="text-green-700">{t("admin.normal")}</span>
                        )}
                      </li>
                    );
                  })}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-lg font-semibold">{t("vendor.create")}</h2>
      <CreateTenantForm
        labels={{
          slug: t("vendor.slug"),
          slugHint: t("vendor.slugHint", { domain: serverEnv().PLATFORM_DOMAIN }),
          name: t("vendor.name"),
          nameEn: t("vendor.nameEn"),
          idpKind: t("vendor.idpKind"),
          submit: t("vendor.create"),
          working: t("common.working"),
          idp: { BUILTIN: t("vendor.idp.BUILTIN"), CAS: t("vendor.idp.CAS"), OIDC: t("vendor.idp.OIDC") },
        }}
      />
      <div className="mx-auto mt-10 max-w-xs space-y-3">
        <a href="/vendor/enrol" className="block rounded-lg border border-slate-300 py-3 text-center text-base text-slate-700">
          {t("vendor.enrolLink")}
        </a>
        <SignOutButton label={t("common.signOut")} callbackUrl="/vendor/login" />
      </div>
    </PageShell>
  );
}
