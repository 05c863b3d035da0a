// The operator's list of private origins: the origin, whose it is, who added it when, and its
// removal behind one confirmation (a school at that origin can no longer sign in).
import type { z } from "zod";
import { ActionForm } from "~/components/action-form";
import type { Column } from "~/components/ui/data-table";
import type { SortValue } from "~/components/ui/table-state";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { privateOriginOutput } from "~/server/identity/private-origins";
import { removePrivateOriginAction } from "./actions";
import { chinaTime } from "~/i18n/locale";

export type PrivateOriginRow = z.infer<typeof privateOriginOutput>;

export const ORIGIN_SORT: Readonly<Record<string, (row: PrivateOriginRow) => SortValue>> = {
  origin: (r) => r.origin,
  addedAt: (r) => r.createdAt.getTime(),
};

function Remove({ row, t }: { row: PrivateOriginRow; t: Translate }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-700">{t("vendor.origins.remove")}</summary>
      <ActionForm action={removePrivateOriginAction} className="mt-2 flex flex-col items-start gap-2">
        <input type="hidden" name="id" value={row.id} />
        <span className="[overflow-wrap:anywhere]">{t("vendor.origins.removeConfirm", { origin: row.origin })}</span>
        <button className="rounded border border-red-300 px-3 py-1.5 text-red-700">{t("vendor.origins.removeConfirmButton")}</button>
      </ActionForm>
    </details>
  );
}

export function originColumns(t: Translate, locale: Locale): Column<PrivateOriginRow>[] {
  return [
    {
      key: "origin",
      header: t("vendor.origins.origin"),
      sortable: true,
      cell: (r) => <span className="font-mono break-all">{r.origin}</span>,
    },
    { key: "note", header: t("vendor.origins.note"), cell: (r) => r.note },
    { key: "addedBy", header: t("vendor.origins.addedBy"), cell: (r) => r.addedBy ?? t("vendor.origins.bySystem") },
    {
      key: "addedAt",
      header: t("vendor.origins.addedAt"),
      sortable: true,
      className: "whitespace-nowrap tabular-nums",
      cell: (r) => chinaTime(locale, r.createdAt),
    },
    { key: "actions", header: t("vendor.origins.actions"), cell: (r) => <Remove row={r} t={t} /> },
  ];
}
