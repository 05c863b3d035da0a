// The settings that are lists or many numbers: the verification-code rules and the identity kinds
// with their apps, each kind its own small form (its code fixed, bound to the action) and one to add.
import type { Translate } from "~/i18n/messages";
import { deleteIdentityKindAction, saveCodesAction, saveIdentityKindAction } from "./actions";
import { DeleteKindForm } from "./delete-kind-form";
import { PolicyForm, type PolicyField } from "./policy-form";

type Codes = {
  ttlSeconds: number;
  maxAttempts: number;
  resendSeconds: number;
  dailyCapPerDestination: number;
  dailyCapPerAddress: number;
  dailyBudget: number;
};
type Kind = { code: string; nameZh: string; nameEn: string; apps: string[]; members: number };

export function CodePolicySection({ codes }: { codes: Codes }) {
  const number = (name: keyof Codes, label: PolicyField["label"], hint?: PolicyField["hint"]): PolicyField => ({
    name,
    label,
    hint,
    value: String(codes[name]),
    type: "number",
  });
  const fields = [
    number("ttlSeconds", "settings.ttlSeconds"),
    number("maxAttempts", "settings.codeAttempts"),
    number("resendSeconds", "settings.resendSeconds"),
    number("dailyCapPerDestination", "settings.dailyCapPerDestination"),
    number("dailyCapPerAddress", "settings.dailyCapPerAddress", "settings.dailyCapPerAddressHint"),
    number("dailyBudget", "settings.dailyBudget", "settings.dailyBudgetHint"),
  ];
  return <PolicyForm title="settings.codes" fields={fields} action={saveCodesAction} testId="settings-codes" />;
}

const kindFields = (kind: Pick<Kind, "nameZh" | "nameEn" | "apps">): PolicyField[] => [
  { name: "nameZh", label: "settings.kinds.nameZh", value: kind.nameZh },
  { name: "nameEn", label: "settings.kinds.nameEn", value: kind.nameEn },
  { name: "apps", label: "settings.kinds.apps", hint: "settings.kinds.appsHint", value: kind.apps.join(", ") },
];

export function IdentityKindsSection({ kinds, t }: { kinds: Kind[]; t: Translate }) {
  return (
    <section className="space-y-3" data-testid="settings-kinds">
      <h2 className="pt-2 text-lg font-semibold">{t("settings.kinds")}</h2>
      <p className="text-sm text-slate-600">{t("settings.kindsLead")}</p>
      {kinds.map((kind) => (
        <PolicyForm
          key={kind.code}
          title="settings.kinds.code"
          subtitle={`${kind.code} · ${kind.nameZh} · ${t("settings.kinds.members", { count: kind.members })}`}
          fields={kindFields(kind)}
          action={saveIdentityKindAction.bind(null, kind.code)}
          testId={`settings-kind-${kind.code}`}
        >
          <DeleteKindForm name={kind.nameZh} action={deleteIdentityKindAction.bind(null, kind.code)} />
        </PolicyForm>
      ))}
      <PolicyForm
        title="settings.kinds.add"
        fields={[
          { name: "code", label: "settings.kinds.code", hint: "settings.kinds.codeHint", value: "" },
          ...kindFields({ nameZh: "", nameEn: "", apps: [] }),
        ]}
        action={saveIdentityKindAction.bind(null, null)}
        testId="settings-kind-new"
      />
    </section>
  );
}
