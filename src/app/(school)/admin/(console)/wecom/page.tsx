import { headers } from "next/headers";
import { ActionForm } from "~/components/action-form";
import { PageShell } from "~/components/page-shell";
import { currentActor } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import type { MessageKey } from "~/i18n/messages";
import { regenerateCallbackKeysAction, retrySyncJobAction } from "./actions";
import { ConnectionTest } from "./connection-test";
import { WecomSettingsForm } from "./settings-form";

export default async function AdminWecomPage() {
  const admin = await currentActor("tenantAdmin");
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [settings, jobs] = await Promise.all([api.admin.wecom.settings(), api.admin.syncJobs.list()]);
  const host = (await headers()).get("host") ?? "";
  const origin = `${host.startsWith("localhost") || host.includes(".localhost") ? "http" : "https"}://${host}`;
  const secretHint = (set: boolean) => (set ? t("wecom.secretSet") : t("wecom.secretUnset"));
  return (
    <PageShell title={t("wecom.title")} t={t} back="/admin" wide>
      {settings.authPause ? (
        <div
          role="alert"
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="wecom-paused"
        >
          <p className="font-semibold">{t("wecom.pausedTitle")}</p>
          <p>{locale === "en" ? settings.authPause.en : settings.authPause.zh}</p>
        </div>
      ) : null}
      {settings.apiBaseUrlAllowed ? null : (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {t("wecom.apiNotAllowed", { url: settings.apiBaseUrl })}
        </p>
      )}
      <WecomSettingsForm
        labels={{ save: t("wecom.save"), working: t("common.working") }}
        warning={t("wecom.moveClearsSecrets")}
        fields={[
          {
            name: "apiBaseUrl",
            label: t("wecom.apiBaseUrl"),
            value: settings.apiBaseUrl,
            hint: t("wecom.apiHint"),
            options: settings.apiBaseUrlChoices.map((choice) => ({
              value: choice.value,
              label: t(choice.simulator ? "wecom.apiChoice.simulator" : "wecom.apiChoice.real", { url: choice.value }),
            })),
          },
          { name: "corpId", label: t("wecom.corpId"), value: settings.corpId },
          { name: "agentId", label: t("wecom.agentId"), value: settings.agentId?.toString() ?? "", type: "number" },
          { name: "assistantAppName", label: t("wecom.assistantName"), value: settings.assistantAppName },
          { name: "appSecret", label: t("wecom.appSecret"), value: "", type: "password", placeholder: secretHint(settings.hasAppSecret) },
          {
            name: "contactSecret",
            label: t("wecom.contactSecret"),
            value: "",
            type: "password",
            placeholder: secretHint(settings.hasContactSecret),
          },
        ]}
      />
      <ConnectionTest
        labels={{ test: t("wecom.test"), working: t("common.working"), diagnosis: t("wecom.diagnosis") }}
        checkLabels={{
          passed: t("wecom.check.passed"),
          warning: t("wecom.check.warning"),
          failed: t("wecom.check.failed"),
          skipped: t("wecom.check.skipped"),
        }}
        testRefusal={admin.role === "ADMIN" ? null : t("wecom.testItOnly")}
      />

      <h2 className="mt-8 text-lg font-semibold">{t("wecom.callback")}</h2>
      {admin.role === "ADMIN" ? (
        <dl className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 font-mono text-sm" data-testid="wecom-callback">
          {(
            [
              [
                "wecom.callbackUrl",
                `${host.startsWith("localhost") || host.includes(".localhost") ? "http" : "https"}://${host}${settings.callbackPath}`,
              ],
              ["wecom.callbackToken", settings.callbackToken ?? "—"],
              ["wecom.callbackAesKey", settings.callbackAesKey ?? "—"],
            ] as [MessageKey, string][]
          ).map(([label, value]) => (
            <div key={label} className="flex flex-wrap justify-between gap-2 px-3 py-2">
              <dt className="font-sans text-slate-500">{t(label)}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-2 text-sm text-slate-500">{t("wecom.callbackHidden")}</p>
      )}
      {admin.role === "ADMIN" ? (
        <ActionForm action={regenerateCallbackKeysAction} className="mt-3">
          <button className="rounded-lg border border-slate-300 px-4 py-2 text-sm">{t("wecom.callbackRegenerate")}</button>
        </ActionForm>
      ) : null}

      <h2 className="mt-8 text-lg font-semibold">{t("wecom.secondVerification")}</h2>
      <p className="mt-2 text-sm text-slate-600">{t("wecom.secondVerificationLead")}</p>
      <ul className="mt-2 space-y-1 font-mono text-sm break-all" data-testid="second-verification-urls">
        <li>{`${origin}/verify`}</li>
        <li>{`${origin}/verify?api=authsucc`}</li>
      </ul>

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
                  {job.createdAt.toLocaleString(locale)} · {t("wecom.job.tries", { count: job.retryCount })}
                </div>
                {job.error ? <p className="mt-1 text-sm text-red-700">{locale === "en" ? job.error.en : job.error.zh}</p> : null}
              </div>
              <span
                className={`rounded-full px-2 py-0.5 text-sm ${job.paused ? "bg-amber-100 text-amber-900" : job.state === "failed" ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}
              >
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
    </PageShell>
  );
}
