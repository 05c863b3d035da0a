// 账号激活, the notice (UESTC's manual, 附件一 step 2): what a candidate's account is for and the four
// steps, then 「我已阅读激活须知」 and 【进入激活】, a plain form post to ./start (works with the page's
// scripts blocked). The login page of a built-in identity kind links here (【账号激活】).
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { schoolScopeOf } from "~/server/http/request-scope";
import { schoolUsesProvider } from "~/server/identity/kind-provider";
import { AFTER_LOGIN, loginPath } from "~/server/journey/journey-paths";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { primaryButton, Refusal } from "~/components/ui/plain-form";

export const dynamic = "force-dynamic";

export default async function ActivationNoticePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { ctx } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const params = await searchParams;
  const kind = params.kind && /^[a-z0-9_-]{1,32}$/.test(params.kind) ? params.kind : null;
  const refusal = refusalOf(params);
  const builtin = await schoolUsesProvider(schoolScopeOf(ctx), "BUILTIN");
  const login = loginPath(kind, AFTER_LOGIN);
  return (
    <PageShell title={t("activation.title")} t={t} back={login}>
      {refusal ? <Refusal>{errorMessage(refusal.code, locale, refusal.vars)}</Refusal> : null}
      {refusal?.code === "ACTIVATION_ALREADY_DONE" ? (
        <a href={login} className={`${primaryButton} mb-4 block text-center`} data-testid="activation-sign-in">
          {t("activation.signIn")}
        </a>
      ) : null}
      {!builtin ? (
        <p className="rounded-lg bg-slate-100 p-3 text-slate-800" data-testid="activation-not-here">
          {errorMessage("ACTIVATION_NOT_NEEDED", locale)}
        </p>
      ) : (
        <>
          <section className="rounded-lg border border-slate-200 p-4" data-testid="activation-notice">
            <h2 className="mb-2 text-base font-semibold">{t("activation.noticeTitle")}</h2>
            <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
              <li>{t("activation.noticePurpose")}</li>
              <li>{t("activation.noticeSteps")}</li>
              <li>{t("activation.noticeTime")}</li>
            </ul>
          </section>
          <form method="post" action="/activate/start" className="mt-4 space-y-4" data-testid="activation-start">
            {kind ? <input type="hidden" name="kind" value={kind} /> : null}
            <label className="flex items-center gap-3 py-1 text-base">
              <input type="checkbox" name="read" className="h-5 w-5" />
              <span>{t("activation.read")}</span>
            </label>
            <button className={primaryButton}>{t("activation.enter")}</button>
          </form>
        </>
      )}
      {refusal ? <SchoolContacts /> : null}
    </PageShell>
  );
}
