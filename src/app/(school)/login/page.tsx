import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { PageShell } from "~/components/page-shell";
import { localPath } from "~/server/http/local-path";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export default async function MemberLoginPage({ searchParams }: { searchParams: Promise<{ changed?: string; returnTo?: string }> }) {
  const { ctx, tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const params = await searchParams;
  // After any member sign-in the journey goes on where it was sent from (only a path on this site).
  const returnTo = localPath(params.returnTo) ?? "/me";
  if (ctx.actor?.kind === "member") redirect(returnTo);
  return (
    <PageShell title={t("login.title")} t={t} back="/">
      <p className="mb-4 text-sm text-slate-500">{locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name}</p>
      {params.changed ? (
        <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-green-800" data-testid="password-changed">
          {t("login.passwordChanged")}
        </p>
      ) : null}
      {tenant.idpKind === "BUILTIN" ? (
        <>
          <SignInForm provider="member" callbackUrl={returnTo} accountLabel="login.accountLabel" />
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
