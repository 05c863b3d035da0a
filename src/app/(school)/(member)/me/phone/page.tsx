// 更换手机号 (个人中心 → 更换手机号; UCAS FAQ 4(2), 10; UESTC FAQ 3): the new phone, then the code it
// received. Plain form posts (./send, ./confirm) that work with the page's scripts blocked; the domain
// decides (bindings/change-phone.ts). The code's form shows while the member's latest code waits, unless
// they asked for another phone (?new=1); a refusal comes back in the address (?error=).
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { Field, backLink, primaryButton, Refusal, secondaryButton } from "~/components/ui/plain-form";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requestLocale, serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

export default async function ChangePhonePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [change, journey] = await Promise.all([api.me.phone.change(), api.me.journey.state()]);
  const params = await searchParams;
  const refusal = refusalOf(params);
  const pending = params.new === "1" ? null : change.pending;
  const minutes = /^\d{1,3}$/.test(params.minutes ?? "") ? Number(params.minutes) : null;
  return (
    <PageShell title={t("phoneChange.title")} t={t} back="/me">
      <SignedInBar />
      {refusal ? <Refusal testId="phone-change-refused">{errorMessage(refusal.code, locale, refusal.vars)}</Refusal> : null}
      {pending ? (
        <>
          {minutes !== null && !refusal ? (
            <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-sm text-green-900" data-testid="phone-change-sent">
              {t("phoneChange.sent", { to: pending.to, minutes })}
            </p>
          ) : null}
          <p className="mb-4 font-medium" data-testid="phone-change-to">
            {t("phoneChange.changingTo", { to: pending.to })}
          </p>
          <form method="post" action="/me/phone/confirm" className="space-y-4">
            <Field
              label={t("phoneChange.code")}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={32}
              testId="phone-change-code"
            />
            <button type="submit" className={primaryButton} data-testid="phone-change-confirm">
              {t("phoneChange.confirm")}
            </button>
          </form>
          <form method="post" action="/me/phone/send" className="mt-3">
            <input type="hidden" name="value" value={pending.to} />
            <input type="hidden" name="resend" value="1" />
            <button type="submit" className={secondaryButton} data-testid="phone-change-resend">
              {t("phoneChange.resend")}
            </button>
          </form>
          <a
            href="/me/phone?new=1"
            className="mt-4 block py-2 text-center text-sm text-slate-600 underline"
            data-testid="phone-change-other"
          >
            {t("phoneChange.other")}
          </a>
        </>
      ) : (
        <>
          <p className="mb-1" data-testid="phone-change-current">
            {change.phone ? t("phoneChange.current", { phone: change.phone }) : t("phoneChange.noCurrent")}
          </p>
          <p className="mb-4 text-sm text-slate-600">{t("phoneChange.lead")}</p>
          <form method="post" action="/me/phone/send" className="space-y-4">
            <Field
              label={t("phoneChange.newPhone")}
              name="value"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={32}
              hint={t(journey.school.allowForeign ? "phoneChange.hintForeign" : "phoneChange.hintMainland")}
              testId="phone-change-value"
            />
            <button type="submit" className={primaryButton} data-testid="phone-change-send">
              {t("phoneChange.sendCode")}
            </button>
          </form>
        </>
      )}
      <a href="/me" className={backLink}>
        {t("phoneChange.back")}
      </a>
    </PageShell>
  );
}
