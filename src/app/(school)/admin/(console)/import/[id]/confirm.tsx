import { ActionForm } from "~/components/action-form";
import { Notice } from "~/components/ui/notice";
import type { Translate } from "~/i18n/messages";
import type { ImportCounts } from "~/server/members/roster/report";
import { startImportAction } from "../actions";

/** 【确认导入】 with what it will do; the refused rows said first. */
export function ConfirmImport({ job, t }: { job: { id: string; report: { counts: ImportCounts } }; t: Translate }) {
  const { counts } = job.report;
  return (
    <div className="mb-6 space-y-3">
      {counts.refused > 0 ? (
        <Notice tone="warning" testId="refused-notice">
          {t("roster.refusedNotice", { count: counts.refused })}
        </Notice>
      ) : null}
      <ActionForm action={startImportAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="importJobId" value={job.id} />
        <button className="rounded-lg bg-[var(--brand)] px-5 py-2.5 text-white" data-testid="confirm-import">
          {t("roster.confirm")}
        </button>
        <span className="text-sm text-slate-600">
          {t("roster.confirmHint", { create: counts.create, update: counts.update, refused: counts.refused })}
        </span>
      </ActionForm>
    </div>
  );
}
