"use client";
// The unified-login settings form and its 【测试连接】, shared by the school's
// back office (/admin/identity) and the vendor's page for a school; each page
// passes its own server actions. Plain forms: they post without custom script.
// Words from the page's <Words namespaces={["common", "idp", "checks"]}> (identity-settings-page.tsx).
import { useActionState } from "react";
import type { z } from "zod";
import { Checklist } from "~/components/ui/checklist";
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import type { identitySettingsOutput } from "~/server/api/routers/admin/identity";
import type { ActionResult } from "~/server/actions";
import type { Checklist as CheckResults } from "~/server/checks/check";
import { useKeptForm } from "~/components/ui/use-kept-form";

/** The test's checklist, or why it could not run (rate limit, permission): a failure has no checks. */
export type IdentityTestResult = { ok: boolean; message: string; checks?: CheckResults["checks"] };

type Settings = z.infer<typeof identitySettingsOutput>;
/** The form's fields: the shared ones, each protocol's by name, and each identity kind's provider as `kind:<id>` (settings-form.ts). */
type FormInput = Record<string, string>;

function Hidden({ fields }: { fields?: Record<string, string> }) {
  return Object.entries(fields ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** One field a protocol declares (protocol.ts SettingsField): a choice, a write-only secret, or a text box. */
function ProtocolField({ field, settings, saved }: { field: Settings["fields"][number]; settings: Settings; saved: ActionResult | null }) {
  const key = (k: string) => k as MessageKey;
  const common = { name: field.name, label: key(field.label), hint: field.hint ? key(field.hint) : undefined, state: saved };
  if (field.options) {
    const options = field.options.map((o) => ({ value: o.value, label: key(o.label) }));
    return <FormField<FormInput> {...common} value={settings.values[field.name] ?? ""} options={options} />;
  }
  if (field.secret) {
    const placeholder = settings.secretsSet.includes(field.name) ? "idp.secretSet" : "idp.secretUnset";
    return <FormField<FormInput> {...common} value="" type="password" placeholder={placeholder} />;
  }
  return <FormField<FormInput> {...common} value={settings.values[field.name] ?? ""} />;
}

export function IdentitySettingsForm({
  action,
  settings,
  kindNames,
  hidden,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  settings: Settings;
  /** Each identity kind's name in the page's language, by id. */
  kindNames: Record<string, string>;
  hidden?: Record<string, string>;
}) {
  const t = useT();
  const [saved, save, saving] = useKeptForm<ActionResult>(action);
  const kinds = settings.protocols.map((k) => ({ value: k, label: `idp.kind.${k}` as const }));
  const schoolsOwn = { value: "", label: { text: t("idp.kind.default", { kind: t(`idp.kind.${settings.kind}`) }) } };
  return (
    <div className="space-y-3">
      <form {...save} className="grid gap-3 sm:grid-cols-2" data-testid="identity-settings">
        <Hidden fields={hidden} />
        <FormField<FormInput> name="kind" label="idp.kind" value={settings.kind} options={kinds} state={saved} />
        {settings.fields.map((field) => (
          <ProtocolField key={field.name} field={field} settings={settings} saved={saved} />
        ))}
        <FormField<FormInput>
          name="accountAttribute"
          label="idp.accountAttribute"
          value={settings.accountAttribute}
          hint="idp.accountAttributeHint"
          state={saved}
        />
        <FormField<FormInput>
          name="passwordResetUrl"
          label="idp.passwordResetUrl"
          value={settings.passwordResetUrl}
          hint="idp.passwordResetUrlHint"
          state={saved}
        />
        {settings.kinds.length > 0 ? (
          <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-semibold text-slate-600">{t("idp.kindsTitle")}</legend>
            {settings.kinds.map((k) => (
              <FormField<FormInput>
                key={k.id}
                name={`kind:${k.id}`}
                label={{ text: kindNames[k.id] ?? k.code }}
                value={k.providerKind ?? ""}
                options={[schoolsOwn, ...kinds]}
                state={saved}
              />
            ))}
          </fieldset>
        ) : null}
        <button disabled={saving} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
          {saving ? t("common.working") : t("idp.save")}
        </button>
      </form>
      {saved?.message ? (
        <p
          role={saved.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm ${saved.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
          data-testid="identity-saved"
        >
          {saved.message}
        </p>
      ) : null}
    </div>
  );
}

export function IdentityConnectionTest({
  action,
  hidden,
}: {
  action: (previous: IdentityTestResult | null, form: FormData) => Promise<IdentityTestResult>;
  hidden?: Record<string, string>;
}) {
  const t = useT();
  const [tested, test, testing] = useActionState<IdentityTestResult | null, FormData>(action, null);
  return (
    <div className="mt-3 space-y-3">
      <form action={test}>
        <Hidden fields={hidden} />
        <button disabled={testing} className="w-full rounded-lg border border-[var(--brand)] py-3 text-[var(--brand)] disabled:opacity-60">
          {testing ? t("common.working") : t("idp.test")}
        </button>
      </form>
      {tested ? (
        <p
          role={tested.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm ${tested.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
          data-testid="identity-test-message"
        >
          {tested.message}
        </p>
      ) : null}
      {tested?.checks ? <Checklist checks={tested.checks} heading="idp.diagnosis" t={t} testId="identity-diagnosis" /> : null}
    </div>
  );
}
