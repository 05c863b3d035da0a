// 忘记密码, step one (auth/forgot-password.ts): the account and the phone or e-mail address the school's
// list holds for it; 【获取验证码】 posts to ./send and goes on to ./reset. A school whose members all
// sign in at its own CAS or OIDC server keeps their passwords there: the page says so instead.
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { Field, primaryButton, Refusal } from "~/components/ui/plain-form";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { schoolScopeOf } from "~/server/http/request-scope";
import { schoolUsesProvider } from "~/server/identity/kind-provider";
import { schoolPasswordResetUrl } from "~/server/identity/settings";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { ctx } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const scope = schoolScopeOf(ctx);
  const [builtin, cas, oidc, resetUrl] = await Promise.all([
    schoolUsesProvider(scope, "BUILTIN"),
    schoolUsesProvider(scope, "CAS"),
    schoolUsesProvider(scope, "OIDC"),
    schoolPasswordResetUrl(scope),
  ]);
  // The school's own reset page, where it gave one: the next step for an account its server keeps.
  const atSchool = resetUrl ? (
    <a
      href={resetUrl}
      className="mt-4 block rounded-lg border border-[var(--brand)] py-3 text-center text-[var(--brand)]"
      data-testid="school-reset-link"
    >
      {t("password.toSchoolReset")} ›
    </a>
  ) : null;
  const refusal = refusalOf(await searchParams);
  return (
    <PageShell title={t("password.forgotTitle")} t={t} back="/login">
      {!builtin ? (
        <>
          <p className="rounded-lg bg-slate-100 p-3 text-slate-800" data-testid="forgot-at-school">
            {t("password.forgotAtSchool")}
          </p>
          {atSchool}
        </>
      ) : (
        <>
          {refusal ? <Refusal testId="forgot-error">{errorMessage(refusal.code, locale, refusal.vars)}</Refusal> : null}
          <p className="mb-4 text-sm text-slate-600">{t("password.forgotLead")}</p>
          <form method="post" action="/forgot-password/send" className="space-y-4" data-testid="forgot-form">
            <Field label={t("password.forgotAccount")} name="account" autoComplete="username" testId="forgot-account" />
            <Field
              label={t("password.forgotContact")}
              name="contact"
              autoComplete="tel"
              hint={t("password.forgotContactHint")}
              testId="forgot-contact"
            />
            <button className={primaryButton}>{t("password.forgotSend")}</button>
          </form>
          {cas || oidc ? (
            <>
              <p className="mt-4 text-sm text-slate-500">{t("password.forgotSomeAtSchool")}</p>
              {atSchool}
            </>
          ) : null}
        </>
      )}
      {refusal ? <SchoolContacts /> : null}
    </PageShell>
  );
}
