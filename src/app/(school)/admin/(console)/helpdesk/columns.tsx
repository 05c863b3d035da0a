// The helpdesk queue's columns: the case, what the platform found (so the helpdesk need not ask the
// student again), when it came, and 【已处理】.
import type { z } from "zod";
import { ActionForm } from "~/components/action-form";
import type { Column } from "~/components/ui/data-table";
import type { SortValue } from "~/components/ui/table-state";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { caseRowOutput } from "~/server/helpdesk/cases";
import { answerCaseAction, assignCaseAction, resolveCaseAction } from "./actions";
import { chinaTime } from "~/i18n/locale";

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
      {c.kind === "TROUBLESHOOT" ? (
        <p className={line} data-testid="troubleshoot-findings">
          {t("helpdesk.troubleshootFound", {
            diagnosis: c.findings.diagnosis ?? "—",
            live: c.findings.liveState ?? c.findings.liveError ?? "—",
            recorded: c.findings.recordedState ?? "—",
            job: [c.findings.syncJobState, c.findings.syncJobErrcode].filter((v) => v != null).join(" ") || "—",
            other: c.findings.otherFollowingAccount ?? "—",
            seen: c.findings.seen ?? "—",
          })}
        </p>
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
      cell: (c) => chinaTime(locale, c.createdAt),
    },
    { key: "action", header: "", className: "min-w-64", cell: (c) => <CaseActions c={c} t={t} /> },
  ];
}

/** What the helpdesk does with a case: take it, answer the student (and close it), or close it. */
function CaseActions({ c, t }: { c: CaseRow; t: Translate }) {
  const button = "rounded-lg border border-slate-300 px-3 py-2 text-sm whitespace-nowrap";
  return (
    <div className="space-y-2">
      {c.assignee ? <p className="text-sm text-slate-600">{t("helpdesk.assignee", { username: c.assignee })}</p> : null}
      {c.answer ? (
        <p className="text-sm whitespace-pre-wrap text-slate-700" data-testid="case-answer">
          {t("helpdesk.answered", { answer: c.answer })}
        </p>
      ) : null}
      {c.status === "OPEN" ? (
        <>
          {c.assignee ? null : (
            <ActionForm action={assignCaseAction}>
              <input type="hidden" name="caseId" value={c.id} />
              <button className={button}>{t("helpdesk.assignToMe")}</button>
            </ActionForm>
          )}
          <ActionForm action={answerCaseAction} className="space-y-2">
            <input type="hidden" name="caseId" value={c.id} />
            <label className="block text-sm text-slate-600">
              {t("helpdesk.answerLabel")}
              <textarea
                name="answer"
                required
                maxLength={1000}
                rows={3}
                className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
              />
            </label>
            <div className="flex flex-wrap gap-2">
              <button name="close" value="1" className={`${button} border-[var(--brand)] bg-[var(--brand)] text-white`}>
                {t("helpdesk.answerAndClose")}
              </button>
              <button name="close" value="0" className={button}>
                {t("helpdesk.answerOnly")}
              </button>
            </div>
          </ActionForm>
          <ActionForm action={resolveCaseAction}>
            <input type="hidden" name="caseId" value={c.id} />
            <button className={button}>{t("helpdesk.markResolved")}</button>
          </ActionForm>
        </>
      ) : null}
    </div>
  );
}
