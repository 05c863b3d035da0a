// The body of a unified-login settings page (the school's /admin/identity and the
// vendor's page for a school): the form, 【测试连接】 and what the school must
// register at its server. The page fetches the settings and passes its actions.
import type { z } from "zod";
import { kindName, type Locale } from "~/i18n/locale";
import type { MessageKey, Translate } from "~/i18n/messages";
import type { identitySettingsOutput } from "~/server/api/routers/admin/identity";
import type { ActionResult } from "~/server/actions";
import { IdentityConnectionTest, IdentitySettingsForm, type IdentityTestResult } from "./identity-settings";
import { Words } from "./words";

type Settings = z.infer<typeof identitySettingsOutput>;

export function IdentitySettingsBody({
  settings,
  t,
  locale,
  save,
  test,
  hidden,
}: {
  settings: Settings;
  t: Translate;
  locale: Locale;
  save: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  test: (previous: IdentityTestResult | null, form: FormData) => Promise<IdentityTestResult>;
  hidden?: Record<string, string>;
}) {
  const { registration } = settings;
  const rows = registration.rows.map((row) => [t(row.label as MessageKey), row.values] as const);
  return (
    <>
      <Words namespaces={["common", "idp", "checks"]}>
        <IdentitySettingsForm
          action={save}
          hidden={hidden}
          settings={settings}
          kindNames={Object.fromEntries(settings.kinds.map((k) => [k.id, kindName(k, locale)]))}
        />
        <IdentityConnectionTest action={test} hidden={hidden} />
      </Words>
      <h2 className="mt-8 text-lg font-semibold">{t("idp.registrationTitle")}</h2>
      <dl className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="identity-registration">
        {rows.map(([label, values]) => (
          <div key={label} className="px-3 py-2">
            <dt className="text-slate-500">{label}</dt>
            {values.map((v) => (
              <dd key={v} className="font-mono break-all">
                {v}
              </dd>
            ))}
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t("idp.privateOriginsHint")}</p>
    </>
  );
}
