// One application (XAU manual 2.4, 详情页面): where it stands, what was asked, its history of decisions
// and comments, and what the reader may do now — the applicant withdraws it (before anyone acted),
// corrects a draft or a returned one and submits it; an approver whose step it waits at approves,
// rejects or returns it with a comment. Every action is a plain form post carrying the version this
// page showed, so a page out of date changes nothing and says why.
import type { MessageKey } from "~/i18n/messages";
import { PageShell } from "~/components/page-shell";
import { Notice } from "~/components/ui/notice";
import { chinaTime } from "~/i18n/locale";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requestLocale, serverApi } from "~/server/request";
import { fieldProblems, valuesSchema } from "~/server/servicehall/definition";
import { COMMENT_MAX } from "~/server/servicehall/decide";
import { bi, FormFields, shownValue, StateBadge, SubmitButtons } from "../../hall-parts";
import { attempt } from "../../load";
import { hallPaths } from "../../paths";

export const dynamic = "force-dynamic";

const DONE = { submitted: "hall.notice.submitted", draft: "hall.notice.draft", withdrawn: "hall.notice.withdrawn" } as const;

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t } = await requestLocale();
  const { id } = await params;
  const query = await searchParams;
  const api = await serverApi();
  const loaded = await attempt(() => api.me.hall.application({ applicationId: id }));
  if (!loaded.ok) {
    return (
      <PageShell title={t("hall.title")} t={t} back={hallPaths.home}>
        <Notice tone="warning" testId="hall-refused">
          {loaded.error.messageIn(locale)}
        </Notice>
      </PageShell>
    );
  }
  const app = loaded.value;
  const refusal = refusalOf(query);
  const done = typeof query.done === "string" && query.done in DONE ? DONE[query.done as keyof typeof DONE] : null;
  const fields = app.definition.fields;
  // Kept values that did not pass: each field's problem, said under it.
  const checked = app.may.edit && refusal?.code === "HALL_FORM_INVALID" ? valuesSchema(fields).safeParse(app.values) : null;
  const problems = checked && !checked.success ? fieldProblems(checked.error) : {};
  const step = app.definition.steps[app.step];
  return (
    <PageShell
      title={bi(locale, app.serviceNameZh, app.serviceNameEn)}
      t={t}
      back={app.viewer === "applicant" ? hallPaths.sent : hallPaths.received()}
    >
      {done ? (
        <Notice tone="info" testId="hall-done">
          {t(done)}
        </Notice>
      ) : null}
      {refusal ? (
        <Notice tone="danger" title={t("hall.refused")} testId="hall-refused">
          {errorMessage(refusal.code, locale, refusal.vars)}
        </Notice>
      ) : null}
      <section className="rounded-xl border border-slate-200 p-4" data-testid="hall-summary">
        <p className="flex items-center justify-between gap-2">
          <span className="font-medium">{bi(locale, app.serviceNameZh, app.serviceNameEn)}</span>
          <StateBadge state={app.state} t={t} />
        </p>
        {step && (app.state === "SUBMITTED" || app.state === "RETURNED") ? (
          <p className="mt-1 text-sm text-slate-600" data-testid="hall-step">
            {t("hall.stepOf", { step: app.step + 1, steps: app.steps, name: bi(locale, step.nameZh, step.nameEn) })}
          </p>
        ) : null}
        <p className="mt-1 text-sm text-slate-600">
          {t("hall.applicant")}：{app.applicantName}
          {app.applicantDepartment ? ` · ${app.applicantDepartment}` : ""}
        </p>
        {app.submittedAt ? (
          <p className="text-sm text-slate-500">
            {t("hall.submittedAt")}：{chinaTime(locale, app.submittedAt)}
          </p>
        ) : null}
      </section>

      {app.may.edit ? (
        <section className="mt-5">
          <p className="mb-3 text-sm text-slate-700">{t(app.state === "RETURNED" ? "hall.returnedLead" : "hall.draftLead")}</p>
          <form method="post" action="/hall/submit" data-testid="hall-form">
            <input type="hidden" name="applicationId" value={app.id} />
            <input type="hidden" name="version" value={app.version} />
            <FormFields fields={fields} values={app.values} problems={problems} t={t} locale={locale} />
            <SubmitButtons t={t} resubmit={app.state === "RETURNED"} />
          </form>
        </section>
      ) : (
        <section className="mt-5">
          <h2 className="mb-2 font-semibold">{t("hall.content")}</h2>
          <dl className="space-y-2" data-testid="hall-values">
            {fields
              .filter((f) => f.kind !== "attachment")
              .map((f) => (
                <div key={f.key}>
                  <dt className="text-sm text-slate-500">{bi(locale, f.labelZh, f.labelEn)}</dt>
                  <dd className="break-words whitespace-pre-wrap">{shownValue(f, app.values[f.key], locale) || "—"}</dd>
                </div>
              ))}
          </dl>
        </section>
      )}

      {app.may.decide ? (
        <section className="mt-6 rounded-xl border border-slate-200 p-4">
          <h2 className="mb-2 font-semibold">{t("hall.decideTitle")}</h2>
          <form method="post" action={`/hall/a/${app.id}/decide`} data-testid="hall-decide">
            <input type="hidden" name="version" value={app.version} />
            <label className="block">
              <span className="mb-1 block text-sm text-slate-700">{t("hall.comment")}</span>
              <textarea
                name="comment"
                rows={3}
                maxLength={COMMENT_MAX}
                className="w-full rounded-lg border border-slate-300 px-3 py-3 text-base"
                data-testid="hall-comment"
              />
              <span className="mt-1 block text-xs text-slate-500">{t("hall.commentHint")}</span>
            </label>
            <div className="mt-4 grid grid-cols-3 gap-2">
              <button
                type="submit"
                name="decision"
                value="approve"
                className="rounded-lg bg-emerald-600 py-3 font-medium text-white"
                data-testid="hall-approve"
              >
                {t("hall.approve")}
              </button>
              <button
                type="submit"
                name="decision"
                value="return"
                className="rounded-lg bg-amber-500 py-3 font-medium text-white"
                data-testid="hall-return"
              >
                {t("hall.return")}
              </button>
              <button
                type="submit"
                name="decision"
                value="reject"
                className="rounded-lg bg-red-600 py-3 font-medium text-white"
                data-testid="hall-reject"
              >
                {t("hall.reject")}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {app.may.withdraw ? (
        <form method="post" action={`/hall/a/${app.id}/withdraw`} className="mt-6" data-testid="hall-withdraw-form">
          <input type="hidden" name="version" value={app.version} />
          <p className="mb-2 text-sm text-slate-500">{t("hall.withdrawLead")}</p>
          <button type="submit" className="w-full rounded-lg border border-red-300 py-3 text-base text-red-700" data-testid="hall-withdraw">
            {t("hall.withdraw")}
          </button>
        </form>
      ) : null}

      {app.events.length > 0 ? (
        <section className="mt-6">
          <h2 className="mb-2 font-semibold">{t("hall.history")}</h2>
          <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="hall-history">
            {app.events.map((e, i) => (
              <li key={i} data-testid="hall-event" data-kind={e.kind}>
                <p className="text-sm">
                  <span className="font-medium">{e.actorName}</span> · {t(`hall.event.${e.kind}` as MessageKey)}
                  {e.step !== null && e.kind !== "SUBMITTED" ? ` · ${t("hall.eventStep", { step: e.step + 1 })}` : ""}
                </p>
                {e.comment ? <p className="text-sm break-words whitespace-pre-wrap text-slate-700">{e.comment}</p> : null}
                <p className="text-xs text-slate-500">{chinaTime(locale, e.at)}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </PageShell>
  );
}
