"use client";
// 【生成邀请链接】 for a back-office account, on the school's accounts page and on the vendor's page for
// a school: username, name and role; the answer is the link, shown this once to copy and send.
// Words from the page's <Words namespaces={["common", "invite"]}>.
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { ActionResult } from "~/server/actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

type FormInput = { username: string; name: string; role: string };

export function InviteAdminForm({
  action,
  hidden,
}: {
  /** Answers with the link as its message. */
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  hidden?: Record<string, string>;
}) {
  const t = useT();
  const [state, invite, pending] = useKeptForm<ActionResult>(action);
  const roles = (["ADMIN", "HELPDESK"] as const).map((role) => ({ value: role, label: `invite.role.${role}` as const }));
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="invite-title">
      <h2 id="invite-title" className="font-semibold">
        {t("invite.formTitle")}
      </h2>
      <form {...invite} className="grid gap-3 sm:grid-cols-3" data-testid="invite-admin">
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormField<FormInput> name="username" label="invite.username" state={state} required />
        <FormField<FormInput> name="name" label="invite.name" state={state} required />
        <FormField<FormInput> name="role" label="invite.role" value="ADMIN" options={roles} state={state} />
        <button disabled={pending} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-3">
          {pending ? t("common.working") : t("invite.send")}
        </button>
      </form>
      {state && !state.ok && state.message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.message ? (
        <div role="status" className="space-y-2 rounded-lg bg-green-50 p-3 text-sm text-green-900">
          <p>{t("invite.linkShown")}</p>
          <input
            readOnly
            value={state.message}
            className="w-full rounded border border-green-300 bg-white px-2 py-2 font-mono text-xs"
            data-testid="invite-link"
          />
        </div>
      ) : null}
    </section>
  );
}
