import { PageHeader } from "~/components/ui/page-header";
import { Words } from "~/components/words";
import { pick } from "~/i18n/locale";
import { can } from "~/server/auth/permissions";
import { currentActor } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { CallbackKeys } from "./callback-keys";
import { ConnectionTest } from "./connection-test";
import { WecomSettingsForm } from "./settings-form";
import { SyncJobs } from "./sync-jobs";

// 【企业微信连接】: the connection's settings and 【测试连接】, the callback's keys, the 二次验证
// addresses and the sync jobs. What an admin may do is decided by the permissions the
// procedures ask for (src/server/auth/permissions.ts), never by the role's name.
export default async function AdminWecomPage() {
  const admin = await currentActor("tenantAdmin");
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [settings, jobs] = await Promise.all([api.admin.wecom.settings(), api.admin.syncJobs.list()]);
  const origin = settings.origin;
  return (
    <>
      <PageHeader title={t("wecom.title")} back={{ href: "/admin", label: t("common.back") }} />
      {settings.authPause ? (
        <div
          role="alert"
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="wecom-paused"
        >
          <p className="font-semibold">{t("wecom.pausedTitle")}</p>
          <p>{pick(locale, settings.authPause)}</p>
        </div>
      ) : null}
      {settings.apiBaseUrlAllowed ? null : (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {t("wecom.apiNotAllowed", { url: settings.apiBaseUrl })}
        </p>
      )}
      <Words namespaces={["common", "wecom", "checks"]}>
        <WecomSettingsForm settings={settings} />
        <ConnectionTest mayTest={can(admin.role, "wecom.settings")} />
      </Words>
      <CallbackKeys
        t={t}
        url={`${origin}${settings.callbackPath}`}
        token={settings.callbackToken}
        aesKey={settings.callbackAesKey}
        maySee={can(admin.role, "wecom.secrets")}
        mayRegenerate={can(admin.role, "wecom.settings")}
      />
      <h2 className="mt-8 text-lg font-semibold">{t("wecom.secondVerification")}</h2>
      <p className="mt-2 text-sm text-slate-600">{t("wecom.secondVerificationLead")}</p>
      <ul className="mt-2 space-y-1 font-mono text-sm break-all" data-testid="second-verification-urls">
        <li>{`${origin}/verify`}</li>
        <li>{`${origin}/verify?api=authsucc`}</li>
      </ul>
      <SyncJobs jobs={jobs} t={t} locale={locale} />
    </>
  );
}
