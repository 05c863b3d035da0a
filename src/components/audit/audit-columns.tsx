// An audit log's columns (the school's /admin/audit, the platform's /vendor/audit): when (China
// time), who, what in words (the action's code beside it), concerning whom (and, on the platform's,
// which school), from where, and the detail as recorded.
import type { Column } from "~/components/ui/data-table";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { AuditRow } from "~/server/audit/audit-log";
import { actionWords, actorKindWords } from "./audit-words";
import { chinaTime } from "~/i18n/locale";

export function auditColumns<R extends AuditRow & { school?: string | null }>(
  t: Translate,
  locale: Locale,
  options: { school?: boolean } = {},
): Column<R>[] {
  const school: Column<R>[] = options.school
    ? [{ key: "school", header: t("audit.school"), className: "font-mono", cell: (r) => r.school ?? "", cellTestId: () => "audit-school" }]
    : [];
  return [
    {
      key: "time",
      header: t("audit.time"),
      className: "whitespace-nowrap",
      cell: (r) => chinaTime(locale, r.createdAt),
    },
    {
      key: "actor",
      header: t("audit.actor"),
      cell: (r) => (
        <>
          <div className="text-slate-500">{actorKindWords(t, r.actorKind)}</div>
          {r.actor ? <div className="font-mono">{r.actor}</div> : null}
        </>
      ),
    },
    {
      key: "action",
      header: t("audit.action"),
      cell: (r) => (
        <>
          <div>{actionWords(t, r.action)}</div>
          <div className="font-mono text-xs text-slate-500">{r.action}</div>
        </>
      ),
      cellTestId: () => "audit-action",
    },
    ...school,
    { key: "target", header: t("audit.target"), className: "font-mono", cell: (r) => r.target ?? "" },
    { key: "ip", header: t("audit.address"), className: "font-mono whitespace-nowrap", cell: (r) => r.ip ?? "" },
    {
      key: "detail",
      header: t("audit.detail"),
      className: "font-mono text-xs break-all",
      cell: (r) => (r.detail === "{}" ? "" : r.detail),
    },
  ];
}
