// 账号激活, step 4: the password, with the rules it must meet shown up front (UESTC 附件一 step 6:
// 「密码强度需符合页面提示要求」); 【完成激活】 posts to ../finish.
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { messageKeys, type MessageKey } from "~/i18n/messages";
import { PASSWORD_RULES } from "~/server/auth/password-policy";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { Field, primaryButton, Refusal } from "~/components/ui/plain-form";
import { activationAt } from "../state";
import { StepHeading } from "../step-heading";

export const dynamic = "force-dynamic";

const RULE_KEYS = new Set<string>(messageKeys().filter((key) => key.startsWith("password.rule.")));

export default async function ActivationPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  await activationAt(tenant.id, "password");
  const params = await searchParams;
  const refusal = refusalOf(params);
  const rule = params.rule && RULE_KEYS.has(params.rule) ? (params.rule as MessageKey) : null;
  return (
    <PageShell title={t("activation.title")} t={t} back="/activate">
      <StepHeading step="password" t={t} />
      {refusal ? <Refusal>{errorMessage(refusal.code, locale, refusal.vars)}</Refusal> : null}
      {rule ? <Refusal>{t("activation.ruleBroken", { rule: t(rule) })}</Refusal> : null}
      <form method="post" action="/activate/finish" className="space-y-4" data-testid="activation-password">
        <p className="text-sm text-slate-600">{t("activation.passwordLead")}</p>
        <ul className="list-disc pl-5 text-sm text-slate-600" data-testid="password-rules">
          {PASSWORD_RULES.filter((key) => key !== "password.rule.different").map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <Field label={t("password.new")} name="newPassword" type="password" autoComplete="new-password" />
        <Field label={t("password.confirm")} name="confirmPassword" type="password" autoComplete="new-password" />
        <button className={primaryButton}>{t("activation.finish")}</button>
      </form>
      {refusal ? <SchoolContacts /> : null}
    </PageShell>
  );
}
