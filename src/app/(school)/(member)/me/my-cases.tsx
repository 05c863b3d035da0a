// 个人中心's list of what the member asked the helpdesk (运维老师): each case's question, whether it
// is being handled or done, and the helpdesk's answer in its own words. Nothing when none was sent.
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { serverApi } from "~/server/request";
import { chinaTime } from "~/i18n/locale";

type Cases = Awaited<ReturnType<Awaited<ReturnType<typeof serverApi>>["me"]["profile"]["cases"]>>;

export function MyCases({ cases, t, locale }: { cases: Cases; t: Translate; locale: Locale }) {
  if (cases.length === 0) return null;
  return (
    <section className="mt-6" aria-labelledby="my-cases">
      <h3 id="my-cases" className="text-lg font-semibold">
        {t("me.cases")}
      </h3>
      <ul className="mt-2 space-y-3" data-testid="my-cases">
        {cases.map((c) => (
          <li key={c.id} className="rounded-lg border border-slate-200 px-3 py-3" data-testid="my-case">
            <div className="flex items-baseline justify-between gap-3">
              <span className="font-medium">{t(`helpdesk.kind.${c.kind}`)}</span>
              <span className={`text-sm ${c.status === "OPEN" ? "text-amber-700" : "text-green-700"}`}>
                {t(`me.caseStatus.${c.status}`)}
              </span>
            </div>
            <p className="mt-1 text-sm text-slate-500">
              {c.valueDisplay ? `${c.valueDisplay} · ` : ""}
              {chinaTime(locale, c.createdAt)}
            </p>
            <p className="mt-2 text-sm whitespace-pre-wrap" data-testid="my-case-answer">
              {c.answer ? t("me.caseAnswer", { answer: c.answer }) : t("me.caseWaiting")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
