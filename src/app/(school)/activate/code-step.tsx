// The phone and the e-mail steps of 账号激活 (UESTC 附件一 steps 4 and 5): the value and 【获取验证码】
// (a plain form post to /activate/send), then the code and 【下一步】 (to /activate/confirm); where the
// code went is said from the sealed state, never from the address.
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { Field, primaryButton, Refusal, secondaryButton } from "~/components/ui/plain-form";
import { activationAt } from "./state";
import { StepHeading } from "./step-heading";

export async function CodeStep({
  channel,
  searchParams,
}: {
  channel: "phone" | "email";
  searchParams: Record<string, string | undefined>;
}) {
  const { tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const state = await activationAt(tenant.id, channel);
  const refusal = refusalOf(searchParams);
  const minutes = /^\d{1,3}$/.test(searchParams.minutes ?? "") ? Number(searchParams.minutes) : null;
  const pending = channel === "phone" ? (state.phone?.display ?? null) : (state.email?.value ?? null);
  // 「填错了？」: the value form again, whatever was sent before.
  const retype = searchParams.retype === "1";
  const askCode = pending !== null && !retype;
  return (
    <PageShell title={t("activation.title")} t={t} back="/activate">
      <StepHeading step={channel} t={t} />
      {refusal ? <Refusal>{errorMessage(refusal.code, locale, refusal.vars)}</Refusal> : null}
      {askCode ? (
        <>
          {minutes !== null && !refusal ? (
            <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-sm text-green-900" data-testid="activation-sent">
              {t("activation.sent", { to: pending, minutes })}
            </p>
          ) : null}
          <form method="post" action="/activate/confirm" className="space-y-4" data-testid={`activation-${channel}-code`}>
            <input type="hidden" name="channel" value={channel} />
            <Field label={t("activation.code")} name="code" autoComplete="one-time-code" inputMode="numeric" />
            <button className={primaryButton}>{t("activation.confirmCode")}</button>
          </form>
          <form method="post" action="/activate/send" className="mt-4">
            <input type="hidden" name="channel" value={channel} />
            <button className={secondaryButton} data-testid="activation-resend">
              {t("activation.resend")}
            </button>
          </form>
          <a href={`/activate/${channel}?retype=1`} className="mt-4 block py-2 text-center text-sm text-slate-600 underline">
            {t("activation.otherValue")}
          </a>
        </>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-600">{t(channel === "phone" ? "activation.phoneLead" : "activation.emailLead")}</p>
          <form method="post" action="/activate/send" className="space-y-4" data-testid={`activation-${channel}`}>
            <input type="hidden" name="channel" value={channel} />
            <Field
              label={t(channel === "phone" ? "activation.phone" : "activation.email")}
              name="value"
              type={channel === "phone" ? "tel" : "email"}
              autoComplete={channel === "phone" ? "tel" : "email"}
            />
            <button className={primaryButton}>{t("activation.send")}</button>
          </form>
        </>
      )}
      {refusal ? <SchoolContacts /> : null}
    </PageShell>
  );
}
