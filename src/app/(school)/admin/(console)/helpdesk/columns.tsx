// The helpdesk queue's columns: the case, what the platform found (so the helpdesk need not ask the
// student again), when it came, and 【已处理】.
import type { z } from "zod";
import { ActionForm } from "~/components/action-form";
import type { Column } from "~/components/ui/data-table";
import type { SortValue } from "~/components/ui/table-state";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { caseRowOutput } from "~/server/helpdesk/cases";
import { resolveCaseAction } from "./actions";

export type CaseRow = z.infer<typeof caseRowOutput>;

export const CASE_SORT: Readonly<Record<string, (row: CaseRow) => SortValue>> = {
  created: (c) => c.createdAt,
  member: (c) => c.member.account,
};

function Findings({ c, t }: { c: CaseRow; t: Translate }) {
  const line = "text-sm text-slate-700";
  return (
    <div className="space-y-1">
      {c.valueDisplay ? <p className="text-sm">{t("helpdesk.phone", { phone: c.valueDisplay })}</p> : null}
      {c.findings.holderAccount ? (
        <p className={line}>
          {t("helpdesk.holder", { account: c.findings.holderAccount })}
          {c.findings.holderSamePerson ? t("helpdesk.holderSamePerson") : ""}
          {c.findings.holderBound ? t("helpdesk.holderBound") : ""}
        </p>
      ) : null}
      {c.findings.wecomPhoneExists ? <p className={line}>{t("helpdesk.wecomPhoneExists")}</p> : null}
      {c.kind === "PHONE_ALREADY_EXISTS" ? (
        <p className="text-sm text-slate-500">{t(c.findings.holderAccount ? "helpdesk.holderFix" : "helpdesk.noHolder")}</p>
      ) : null}
      {c.note ? <p className={line}>{t("helpdesk.note", { note: c.note })}</p> : null}
    </div>
  );
}

export function caseColumns(t: Translate, locale: Locale): Column<CaseRow>[] {
  return [
    {
      key: "member",
      header: t("console.helpdesk.case"),
      sortable: true,
      cell: (c) => (
        <>
          <div className="font-semibold">{t(`helpdesk.kind.${c.kind}`)}</div>
          <div>
            <span className="font-mono">{c.member.account}</span> {c.member.name}
          </div>
        </>
      ),
    },
    { key: "found", header: t("console.helpdesk.found"), className: "min-w-64", cell: (c) => <Findings c={c} t={t} /> },
    {
      key: "created",
      header: t("console.helpdesk.created"),
      sortable: true,
      className: "whitespace-nowrap text-xs text-slate-500",
      cell: (c) => c.createdAt.toLocaleString(locale),
    },
    {
      key: "action",
      header: "",
      cell: (c) =>
        c.status === "OPEN" ? (
          <ActionForm action={resolveCaseAction}>
            <input type="hidden" name="caseId" value={c.id} />
            <button className="rounded-lg border border-slate-300 px-4 py-2 whitespace-nowrap">{t("helpdesk.markResolved")}</button>
          </ActionForm>
        ) : null,
    },
  ];
}
