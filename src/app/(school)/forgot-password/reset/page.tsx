// 忘记密码, step two: the code and the new password, for the ticket step one sealed (?t=). The page
// never says whether the account exists: it says where a code went if the pair was right. 【重置密码】
// posts to ../confirm; 【重新获取验证码】 posts the ticket to ../send. A ticket that no longer opens
// (expired, or of another school) starts over.
import { redirect } from "next/navigation";
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { Field, primaryButton, Refusal, secondaryButton } from "~/components/ui/plain-form";
import { PASSWORD_RULES } from "~/server/auth/password-policy";
import { openResetTicket } from "~/server/auth/forgot-password";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { messageKeys, type MessageKey } from "~/i18n/messages";

const RULE_KEYS = new Set<string>(messageKeys().filter((key) => key.startsWith("password.rule.")));

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const params = await searchParams;
  const sealed = params.t ?? "";
  let ticket;
  try {
    ticket = openResetTicket(tenant.id, sealed);
  } catch {
    redirect("/forgot-password?error=RESET_TICKET_EXPIRED");
  }
  const refusal = refusalOf(params);
  const rule = params.rule && RULE_KEYS.has(params.rule) ? (params.rule as MessageKey) : null;
  const minutes = /^\d{1,3}$/.test(params.minutes ?? "") ? Number(params.minutes) : null;
  return (
    <PageShell title={t("password.forgotTitle")} t={t} back="/forgot-password">
      {refusal ? <Refusal testId="forgot-error">{errorMessage(refusal.code, locale, refusal.vars)}</Refusal> : null}
      {rule ? <Refusal testId="forgot-error">{t("password.forgotRuleBroken", { rule: t(rule) })}</Refusal> : null}
      {minutes !== null && !refusal && !rule ? (
        <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-sm text-green-900" data-testid="forgot-sent">
          {t("password.forgotSent", { account: ticket.account, to: ticket.masked, minutes })}
        </p>
      ) : null}
      <form method="post" action="/forgot-password/confirm" className="space-y-4" data-testid="reset-form">
        <input type="hidden" name="ticket" value={sealed} />
        <Field label={t("password.forgotCode")} name="code" autoComplete="one-time-code" inputMode="numeric" testId="forgot-code" />
        <Field label={t("password.new")} name="newPassword" type="password" autoComplete="new-password" testId="forgot-newPassword" />
        <Field
          label={t("password.confirm")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          testId="forgot-confirmPassword"
        />
        <ul className="list-disc pl-5 text-sm text-slate-600" data-testid="password-rules">
          {PASSWORD_RULES.filter((key) => key !== "password.rule.different").map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <button className={primaryButton}>{t("password.forgotSubmit")}</button>
      </form>
      <form method="post" action="/forgot-password/send" className="mt-4">
        <input type="hidden" name="ticket" value={sealed} />
        <button className={secondaryButton} data-testid="forgot-resend">
          {t("password.forgotResend")}
        </button>
      </form>
      <a href="/forgot-password" className="mt-4 block py-2 text-center text-sm text-slate-600 underline">
        {t("password.forgotStartOver")}
      </a>
      {refusal ? <SchoolContacts /> : null}
    </PageShell>
  );
}
