// The body of a unified-login settings page (the school's /admin/identity and the
// vendor's page for a school): the form, 【测试连接】 and what the school must
// register at its server. The page fetches the settings and passes its actions.
import type { z } from "zod";
import type { Translate } from "~/i18n/messages";
import type { Locale } from "~/i18n/locale";
import type { identitySettingsOutput } from "~/server/api/routers/admin/identity";
import type { ActionResult } from "~/server/actions";
import { IdentityConnectionTest, IdentitySettingsForm, type IdentityTestResult, type SelectField } from "./identity-settings";

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
  const kinds = (["BUILTIN", "CAS", "OIDC"] as const).map((k) => ({ value: k, label: t(`idp.kind.${k}`) }));
  const kindFields: SelectField[] = settings.kinds.map((k) => ({
    name: `kind:${k.id}`,
    label: locale === "en" ? k.nameEn : k.nameZh,
    value: k.providerKind ?? "",
    options: [{ value: "", label: t("idp.kind.default", { kind: t(`idp.kind.${settings.kind}`) }) }, ...kinds],
  }));
  const { registration } = settings;
  const rows: [string, string[]][] = [
    [t("idp.casService"), registration.casServiceUrls],
    [t("idp.casServicePattern"), registration.casServicePatterns],
    [t("idp.oidcRedirect"), registration.oidcRedirectUris],
    [t("idp.oidcPostLogout"), registration.postLogoutRedirectUris],
  ];
  return (
    <>
      <IdentitySettingsForm
        action={save}
        hidden={hidden}
        kindsTitle={t("idp.kindsTitle")}
        labels={{ save: t("idp.save"), working: t("common.working") }}
        kindFields={kindFields}
        fields={[
          { name: "kind", label: t("idp.kind"), value: settings.kind, options: kinds },
          { name: "casBaseUrl", label: t("idp.casBaseUrl"), value: settings.casBaseUrl ?? "", hint: t("idp.casBaseUrlHint") },
          {
            name: "casVersion",
            label: t("idp.casVersion"),
            value: settings.casVersion,
            options: (["CAS2", "CAS3"] as const).map((v) => ({ value: v, label: t(`idp.casVersion.${v}`) })),
          },
          { name: "oidcIssuer", label: t("idp.oidcIssuer"), value: settings.oidcIssuer ?? "", hint: t("idp.oidcIssuerHint") },
          { name: "oidcClientId", label: t("idp.oidcClientId"), value: settings.oidcClientId ?? "" },
          {
            name: "oidcClientSecret",
            label: t("idp.oidcClientSecret"),
            value: "",
            type: "password",
            placeholder: settings.hasOidcClientSecret ? t("idp.secretSet") : t("idp.secretUnset"),
          },
          {
            name: "accountAttribute",
            label: t("idp.accountAttribute"),
            value: settings.accountAttribute,
            hint: t("idp.accountAttributeHint"),
          },
        ]}
      />
      <IdentityConnectionTest
        action={test}
        hidden={hidden}
        labels={{ test: t("idp.test"), working: t("common.working"), diagnosis: t("idp.diagnosis") }}
        statusLabels={{
          passed: t("wecom.check.passed"),
          warning: t("wecom.check.warning"),
          failed: t("wecom.check.failed"),
          skipped: t("wecom.check.skipped"),
        }}
      />
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
      <p className="mt-2 text-xs text-slate-500">
        {t("idp.simulators", { cas: registration.simulators.cas ?? t("idp.none"), oidc: registration.simulators.oidc ?? t("idp.none") })}
      </p>
    </>
  );
}
