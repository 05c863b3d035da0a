"use client";
// The WeCom connection's form; its words come from the page's <Words namespaces={["common", "wecom"]}>.
import type { z } from "zod";
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { wecomSettingsOutput } from "~/server/api/routers/admin/wecom";
import type { ActionResult } from "~/server/actions";
import type { wecomSettingsInput } from "~/server/wecom/settings";
import { saveWecomSettingsAction } from "./actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

type Input = z.input<typeof wecomSettingsInput>;
type Settings = z.infer<typeof wecomSettingsOutput>;

function Message({ state }: { state: ActionResult | null }) {
  if (!state?.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
    >
      {state.message}
    </p>
  );
}

const secretHint = (set: boolean) => (set ? "wecom.secretSet" : "wecom.secretUnset");

/** The API base URL is a choice among the platform's addresses only; a secret is never shown, only whether it is set. */
export function WecomSettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const [saved, save, saving] = useKeptForm<ActionResult>(saveWecomSettingsAction);
  const apiChoices = settings.apiBaseUrlChoices.map((choice) => ({
    value: choice.value,
    label: { key: choice.simulator ? "wecom.apiChoice.simulator" : "wecom.apiChoice.real", vars: { url: choice.value } } as const,
  }));
  return (
    <div className="space-y-3">
      <form {...save} className="grid gap-3 sm:grid-cols-2" data-testid="wecom-settings">
        <FormField<Input>
          name="apiBaseUrl"
          label="wecom.apiBaseUrl"
          hint="wecom.apiHint"
          value={settings.apiBaseUrl}
          options={apiChoices}
          state={saved}
        />
        <FormField<Input> name="corpId" label="wecom.corpId" value={settings.corpId} state={saved} />
        <FormField<Input> name="agentId" label="wecom.agentId" value={settings.agentId?.toString() ?? ""} type="number" state={saved} />
        <FormField<Input> name="assistantAppName" label="wecom.assistantName" value={settings.assistantAppName} state={saved} />
        <FormField<Input>
          name="appSecret"
          label="wecom.appSecret"
          value=""
          type="password"
          placeholder={secretHint(settings.hasAppSecret)}
          state={saved}
        />
        <FormField<Input>
          name="contactSecret"
          label="wecom.contactSecret"
          value=""
          type="password"
          placeholder={secretHint(settings.hasContactSecret)}
          state={saved}
        />
        <p className="text-sm text-amber-800 sm:col-span-2">{t("wecom.moveClearsSecrets")}</p>
        <button disabled={saving} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
          {saving ? t("common.working") : t("wecom.save")}
        </button>
      </form>
      <Message state={saved} />
    </div>
  );
}
