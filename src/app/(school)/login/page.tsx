import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { PageShell } from "~/components/page-shell";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export default async function MemberLoginPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { ctx, tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  if (ctx.actor?.kind === "member") redirect("/me");
  return (
    <PageShell title={t("login.title")} t={t} back="/">
      <p className="mb-4 text-sm text-slate-500">{locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name}</p>
      {(await searchParams).changed ? (
        <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-green-800" data-testid="password-changed">
          {t("login.passwordChanged")}
        </p>
      ) : null}
      {tenant.idpKind === "BUILTIN" ? (
        <>
          <SignInForm provider="member" callbackUrl="/me" accountLabel="login.accountLabel" />
          <p className="mt-4 text-xs text-slate-500">
            {t("login.lockoutHint", { max: tenant.lockoutMaxAttempts, minutes: tenant.lockoutMinutes })}
          </p>
        </>
      ) : (
        <p className="rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="external-idp">
          {t("login.externalIdp", { kind: tenant.idpKind })}
        </p>
      )}
    </PageShell>
  );
}
