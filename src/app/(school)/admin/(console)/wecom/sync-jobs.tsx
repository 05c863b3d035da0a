// The school's WeCom sync jobs, each with its state, its tries and why it failed; a failed one may be retried.
import { ActionForm } from "~/components/action-form";
import type { z } from "zod";
import { chinaTime, pick, type Locale } from "~/i18n/locale";
import type { MessageKey, Translate } from "~/i18n/messages";
import type { syncJobRowOutput } from "~/server/wecom/sync-jobs-admin";
import { retrySyncJobAction } from "./actions";

type Job = z.infer<typeof syncJobRowOutput>;

function stateClass(job: Job): string {
  if (job.paused) return "bg-amber-100 text-amber-900";
  return job.state === "failed" ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700";
}

export function SyncJobs({ jobs, t, locale }: { jobs: readonly Job[]; t: Translate; locale: Locale }) {
  return (
    <>
      <h2 className="mt-8 text-lg font-semibold">{t("wecom.jobs")}</h2>
      {jobs.length === 0 ? (
        <p className="mt-2 text-slate-500">{t("wecom.jobsEmpty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="sync-jobs">
          {jobs.map((job) => (
            <li key={job.id} className="flex flex-wrap items-center gap-3 px-3 py-3">
              <div className="min-w-48 flex-1">
                <div className="font-medium">{t(`wecom.job.kind.${job.kind}` as MessageKey)}</div>
                <div className="text-xs text-slate-500">
                  {chinaTime(locale, job.createdAt)} · {t("wecom.job.tries", { count: job.retryCount })}
                </div>
                {job.error ? <p className="mt-1 text-sm text-red-700">{pick(locale, job.error)}</p> : null}
              </div>
              <span className={`rounded-full px-2 py-0.5 text-sm ${stateClass(job)}`}>
                {t(job.paused ? "wecom.job.state.paused" : `wecom.job.state.${job.state}`)}
              </span>
              {job.state === "failed" && !job.paused ? (
                <ActionForm action={retrySyncJobAction}>
                  <input type="hidden" name="jobId" value={job.id} />
                  <button className="rounded border border-slate-300 px-3 py-1.5 text-sm">{t("wecom.job.retry")}</button>
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
