// The WeCom callback's address and keys to copy into WeCom's console (to those who may see them,
// wecom.secrets), and 【重新生成】 (wecom.settings, as the procedure asks).
import { ActionForm } from "~/components/action-form";
import type { MessageKey, Translate } from "~/i18n/messages";
import { regenerateCallbackKeysAction } from "./actions";

export function CallbackKeys({
  t,
  url,
  token,
  aesKey,
  maySee,
  mayRegenerate,
}: {
  t: Translate;
  url: string;
  token: string | null;
  aesKey: string | null;
  maySee: boolean;
  mayRegenerate: boolean;
}) {
  const rows: [MessageKey, string][] = [
    ["wecom.callbackUrl", url],
    ["wecom.callbackToken", token ?? "—"],
    ["wecom.callbackAesKey", aesKey ?? "—"],
  ];
  return (
    <>
      <h2 className="mt-8 text-lg font-semibold">{t("wecom.callback")}</h2>
      {maySee ? (
        <dl className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 font-mono text-sm" data-testid="wecom-callback">
          {rows.map(([label, value]) => (
            <div key={label} className="flex flex-wrap justify-between gap-2 px-3 py-2">
              <dt className="font-sans text-slate-500">{t(label)}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-2 text-sm text-slate-500">{t("wecom.callbackHidden")}</p>
      )}
      {mayRegenerate ? (
        <ActionForm action={regenerateCallbackKeysAction} className="mt-3">
          <button className="rounded-lg border border-slate-300 px-4 py-2 text-sm">{t("wecom.callbackRegenerate")}</button>
        </ActionForm>
      ) : null}
    </>
  );
}
