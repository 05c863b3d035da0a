// The back-office accounts table: who, which role, whether they may sign in, and unlock or disable
// (never one's own account: the procedures refuse it, so the buttons are not offered).
import type { z } from "zod";
import { ActionForm } from "~/components/action-form";
import type { Column } from "~/components/ui/data-table";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { tenantAdminRowOutput } from "~/server/tenants/tenant-admins";
import { setAdminDisabledAction, unlockAdminAction } from "../actions";
import { chinaClock } from "~/i18n/locale";

export type AccountRow = z.infer<typeof tenantAdminRowOutput>;

const button = "rounded border border-slate-300 px-2 py-1";

function locked(a: AccountRow, now: Date): boolean {
  return a.lockedUntil !== null && a.lockedUntil > now;
}

function StateCell({ a, t, locale, now }: { a: AccountRow; t: Translate; locale: Locale; now: Date }) {
  if (a.disabled) return <span className="text-slate-500">{t("admin.disabled")}</span>;
  if (locked(a, now)) return <span className="text-red-700">{t("admin.lockedUntil", { time: chinaClock(locale, a.lockedUntil!) })}</span>;
  return <span className="text-green-700">{t("admin.normal")}</span>;
}

function ActionsCell({ a, t, now }: { a: AccountRow; t: Translate; now: Date }) {
  return (
    <div className="flex gap-2">
      {locked(a, now) ? (
        <ActionForm action={unlockAdminAction}>
          <input type="hidden" name="adminId" value={a.id} />
          <button className={button}>{t("admin.unlock")}</button>
        </ActionForm>
      ) : null}
      <ActionForm action={setAdminDisabledAction}>
        <input type="hidden" name="adminId" value={a.id} />
        <input type="hidden" name="disabled" value={a.disabled ? "false" : "true"} />
        <button className={button}>{a.disabled ? t("admin.enable") : t("admin.disable")}</button>
      </ActionForm>
    </div>
  );
}

export function accountColumns(t: Translate, locale: Locale, myId: string): Column<AccountRow>[] {
  const now = new Date();
  return [
    {
      key: "username",
      header: t("admin.col.username"),
      className: "font-mono",
      cell: (a) => `${a.username}${a.id === myId ? t("admin.you") : ""}`,
    },
    { key: "name", header: t("admin.col.name"), cell: (a) => a.name },
    { key: "role", header: t("admin.col.role"), cell: (a) => t(`admin.role.${a.role}`) },
    { key: "state", header: t("admin.col.state"), cell: (a) => <StateCell a={a} t={t} locale={locale} now={now} /> },
    { key: "actions", header: "", cell: (a) => (a.id === myId ? null : <ActionsCell a={a} t={t} now={now} />) },
  ];
}
