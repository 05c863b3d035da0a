import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { PageShell } from "~/components/page-shell";
import { errorMessage } from "~/server/errors";
import { localPath } from "~/server/http/local-path";
import { providerForKindCode } from "~/server/identity/kind-provider";
import { passwordPolicy } from "~/server/identity/password-policy";
import { readLoginOutcome } from "~/server/identity/login-outcome";
import { RENEW_COOKIE } from "~/server/identity/login-state";
import { schoolPasswordResetUrl } from "~/server/identity/settings";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { tenantScope } from "~/server/scope";
import { db } from "~/server/db/client";
import { jobQueue } from "~/server/jobs/app-queue";
import { kindName, schoolName } from "~/i18n/locale";
import { activationAccountLabel } from "../activate/state";

type Search = { changed?: string; kind?: string; reset?: string; returnTo?: string; sso?: string };

// The member's 统一身份认证: the built-in form, or — for a school (or identity kind, ?kind=candidate)
// that signs in through its own CAS or OIDC server — straight on to the school's login page (a page
// with one button is a tap for nothing, issue 18 §5). A login the school's server did not complete
// comes back here (?sso=failed) with the reason and the button, and so does 【不是我，换个账号】's
// sign-out: those pages have something to say before the school's page.
export default async function MemberLoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx, tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const search = await searchParams;
  const returnTo = localPath(search.returnTo) ?? "/me";
  if (ctx.actor?.kind === "member") redirect(returnTo);
  const kindCode = search.kind && /^[a-z0-9_-]{1,32}$/.test(search.kind) ? search.kind : null;
  const scope = tenantScope({ prisma: db(), tenant, jobs: jobQueue(), actor: { kind: "anonymous", ip: ctx.ip }, locale, log: ctx.log });
  const [{ provider, kind }, { initialPasswordRule }, resetUrl] = await Promise.all([
    providerForKindCode(scope, kindCode),
    passwordPolicy(scope),
    schoolPasswordResetUrl(scope),
  ]);
  const jar = await cookies();
  const refusal = search.sso === "failed" ? readLoginOutcome((await headers()).get("cookie"), tenant.id) : null;
  const switched = jar.get(RENEW_COOKIE)?.value === "1";
  const school = schoolName(tenant, locale);
  const start = `/api/identity/start?${new URLSearchParams({ ...(kind ? { kind: kind.code } : {}), returnTo }).toString()}`;
  // Not after a failed login even when its reason is lost: the school's server would only fail again.
  if (provider !== "BUILTIN" && search.sso !== "failed" && !switched) redirect(start);
  return (
    <PageShell title={t("login.title")} t={t} back="/">
      <p className="mb-4 text-sm text-slate-500">
        {school}
        {kind ? ` · ${kindName(kind, locale)}` : ""}
      </p>
      {search.changed ? (
        <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-green-800" data-testid="password-changed">
          {t("login.passwordChanged")}
        </p>
      ) : null}
      {search.reset ? (
        <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-green-800" data-testid="password-reset">
          {t("login.passwordReset")}
        </p>
      ) : null}
      {refusal ? (
        <div role="alert" className="mb-4 rounded-lg bg-red-50 p-3 text-red-800" data-testid="sso-refused">
          <p className="font-semibold">{t("sso.refusedTitle")}</p>
          <p className="mt-1 text-sm">{errorMessage(refusal.code, locale, refusal.vars)}</p>
        </div>
      ) : null}
      {switched && !refusal ? (
        <p role="status" className="mb-4 rounded-lg bg-slate-100 p-3 text-slate-800" data-testid="switched-account">
          {t("sso.switched")}
        </p>
      ) : null}
      {provider === "BUILTIN" ? (
        <>
          {/* XAU's manual: 「初始密码为身份证号后 8 位」 — said where the password is typed, not in a PDF. */}
          {initialPasswordRule === "ID_NUMBER_LAST8" ? (
            <p className="mb-4 rounded-lg bg-slate-100 p-3 text-sm text-slate-800" data-testid="initial-password-hint">
              {t("login.initialPasswordLast8")}
            </p>
          ) : null}
          <SignInForm
            provider="member"
            callbackUrl={returnTo}
            accountLabel={kind?.code === "candidate" ? activationAccountLabel(kind.code) : "login.accountLabel"}
          />
          {/* UESTC 附件一: a candidate without a password yet activates the account first (【账号激活】). */}
          {kind?.code === "candidate" ? (
            <div className="mt-4 rounded-lg border border-[var(--brand)] p-3" data-testid="activation-entry">
              <p className="text-sm text-slate-700">{t("activation.entryLead")}</p>
              <a
                href={`/activate?kind=${kind.code}`}
                className="mt-3 block rounded-lg border border-[var(--brand)] py-3 text-center text-base font-medium text-[var(--brand)]"
              >
                {t("activation.entry")}
              </a>
            </div>
          ) : null}
          <a href="/forgot-password" className="mt-4 block py-2 text-[var(--brand)]" data-testid="forgot-link">
            {t("password.forgotLink")}
          </a>
          <p className="mt-2 text-xs text-slate-500">
            {t("login.lockoutHint", { max: tenant.lockoutMaxAttempts, minutes: tenant.lockoutMinutes })}
          </p>
        </>
      ) : (
        <div data-testid="sso-login">
          <a
            href={start}
            className="block w-full rounded-lg bg-[var(--brand)] py-3 text-center text-base font-medium text-white"
            data-testid="sso-button"
          >
            {t("sso.button")}
          </a>
          <p className="mt-3 text-sm text-slate-500">{t("sso.buttonHint", { school })}</p>
          {/* A failed login may be a forgotten password: the school's own page for it, where it gave one. */}
          {resetUrl ? (
            <a href={resetUrl} className="mt-4 block py-2 text-[var(--brand)]" data-testid="school-reset-link">
              {t("password.toSchoolReset")} ›
            </a>
          ) : null}
        </div>
      )}
    </PageShell>
  );
}
