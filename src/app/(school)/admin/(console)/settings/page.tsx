// The school's rules in one place: sign-in lockout, which phones may be bound, initial passwords,
// verification codes, identity kinds and their apps;
// and where the others are (unified login, WeCom, QR codes). Each rule is saved on its own.
import { PageHeader } from "~/components/ui/page-header";
import { Words } from "~/components/words";
import { requestLocale, serverApi } from "~/server/request";
import { savePasswordAction, savePhoneAction, saveLockoutAction } from "./actions";
import { PolicyForm, type PolicyField } from "./policy-form";
import { CodePolicySection, IdentityKindsSection } from "./rule-sections";

const YES_NO = [
  { value: "1", label: "settings.yes" },
  { value: "0", label: "settings.no" },
] as const;
const flag = (on: boolean) => (on ? "1" : "0");

export default async function AdminSettingsPage() {
  const { t } = await requestLocale();
  const { lockout, phone, password, codes, identityKinds } = await (await serverApi()).admin.settings.get();
  const lockoutFields: PolicyField[] = [
    { name: "maxAttempts", label: "settings.maxAttempts", value: String(lockout.maxAttempts), type: "number" },
    { name: "lockMinutes", label: "settings.lockMinutes", value: String(lockout.lockMinutes), type: "number" },
  ];
  const phoneFields: PolicyField[] = [
    { name: "allowForeign", label: "settings.allowForeign", value: flag(phone.allowForeign), options: YES_NO },
    {
      name: "allowedCountryCodes",
      label: "settings.countryCodes",
      hint: "settings.countryCodesHint",
      value: phone.allowedCountryCodes.join(", "),
    },
    {
      name: "requireWechatMatch",
      label: "settings.requireWechatMatch",
      hint: "settings.requireWechatMatchHint",
      value: flag(phone.requireWechatMatch),
      options: YES_NO,
    },
    { name: "confirmNewByCode", label: "settings.confirmNewByCode", value: flag(phone.confirmNewByCode), options: YES_NO },
    { name: "allowEmail", label: "settings.allowEmail", value: flag(phone.allowEmail), options: YES_NO },
  ];
  const passwordFields: PolicyField[] = [
    {
      name: "initialPasswordRule",
      label: "settings.initialPassword",
      hint: "settings.initialPasswordHint",
      value: password.initialPasswordRule,
      options: [
        { value: "NONE", label: "settings.initialPassword.NONE" },
        { value: "ID_NUMBER_LAST8", label: "settings.initialPassword.ID_NUMBER_LAST8" },
      ],
    },
    { name: "mustChangeInitial", label: "settings.mustChangeInitial", value: flag(password.mustChangeInitial), options: YES_NO },
  ];
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.lead")} />
      <Words namespaces={["common", "settings"]}>
        <div className="space-y-4">
          <PolicyForm title="settings.lockout" fields={lockoutFields} action={saveLockoutAction} testId="settings-lockout" />
          <PolicyForm title="settings.phone" fields={phoneFields} action={savePhoneAction} testId="settings-phone" />
          <PolicyForm title="settings.password" fields={passwordFields} action={savePasswordAction} testId="settings-password" />
          <CodePolicySection codes={codes} />
          <IdentityKindsSection kinds={identityKinds} t={t} />
        </div>
      </Words>
    </>
  );
}
