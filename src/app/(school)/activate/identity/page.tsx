// 账号激活, step 1: 身份校验 (UESTC 附件一 step 3). 考生号, 姓名, 证件类型 (the directory's list) and
// 证件号码, a plain form post to ./check. A refusal never says which field was wrong; once the four
// match, an account activated already (or signing in at the school's own server) is told to sign in.
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { pick } from "~/i18n/locale";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { AFTER_LOGIN, loginPath } from "~/server/journey/journey-paths";
import { ID_TYPES, RESIDENT_ID } from "~/server/members/member-profile";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { Field, primaryButton, Refusal } from "~/components/ui/plain-form";
import { activationAccountLabel, activationAt } from "../state";
import { StepHeading } from "../step-heading";

export const dynamic = "force-dynamic";

export default async function ActivationIdentityPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const state = await activationAt(tenant.id, "identity");
  const refusal = refusalOf(await searchParams);
  const signIn = refusal?.code === "ACTIVATION_ALREADY_DONE" || refusal?.code === "ACTIVATION_NOT_NEEDED";
  return (
    <PageShell title={t("activation.title")} t={t} back="/activate">
      <StepHeading step="identity" t={t} />
      {refusal ? <Refusal>{errorMessage(refusal.code, locale, refusal.vars)}</Refusal> : null}
      {signIn ? (
        <a href={loginPath(state.kind, AFTER_LOGIN)} className={`${primaryButton} mb-4 block text-center`} data-testid="activation-sign-in">
          {t("activation.signIn")}
        </a>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{t("activation.identityLead")}</p>
      <form method="post" action="/activate/identity/check" className="space-y-4" data-testid="activation-identity">
        <Field label={t(activationAccountLabel(state.kind))} name="account" autoComplete="username" />
        <Field label={t("activation.name")} name="name" autoComplete="name" />
        <label className="block">
          <span className="mb-1 block text-sm text-slate-600">{t("activation.idType")}</span>
          <select
            name="idType"
            defaultValue={RESIDENT_ID}
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-3 text-base"
          >
            {ID_TYPES.map((type) => (
              <option key={type.zh} value={type.zh}>
                {pick(locale, type)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t("activation.idNumber")} name="idNumber" autoComplete="off" hint={t("activation.idNumberHint")} />
        <button className={primaryButton}>{t("activation.check")}</button>
      </form>
      {refusal ? <SchoolContacts /> : null}
    </PageShell>
  );
}
