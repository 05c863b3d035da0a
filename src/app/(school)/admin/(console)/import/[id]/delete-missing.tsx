// 【删除文件中没有的成员（N）】 under the final report's list: a separate step the admin asks for,
// never part of the import. The button opens a confirmation in the address (?confirm=delete-missing)
// naming how many and showing some; only its own button deletes (no script needed). Offered for the
// school's latest finished import only (delete-missing.ts says why).
import { Notice } from "~/components/ui/notice";
import type { Translate } from "~/i18n/messages";
import { toAppError } from "~/server/errors";
import { serverApi } from "~/server/request";
import { DeleteMissingForm } from "./delete-missing-form";

export const CONFIRM_DELETE_MISSING = "delete-missing";

export async function DeleteMissingStep({ jobId, confirming, t }: { jobId: string; confirming: boolean; t: Translate }) {
  const api = await serverApi();
  const missing = await api.admin.roster.missing({ importJobId: jobId }).catch((error: unknown) => {
    // Not the latest finished import: a later file decides who is missing.
    if (toAppError(error).code === "ROSTER_MISSING_NOT_LATEST") return null;
    throw error;
  });
  if (!missing || missing.count === 0) return null;
  const unlisted =
    missing.unlisted > 0 ? (
      <p className="mt-2 text-sm text-slate-500">{t("roster.deleteMissingUnlisted", { count: missing.unlisted })}</p>
    ) : null;
  if (!confirming) {
    return (
      <div className="mt-4">
        <a
          href={`/admin/import/${jobId}?confirm=${CONFIRM_DELETE_MISSING}#missing-members`}
          className="inline-block rounded-lg border border-red-300 bg-white px-4 py-2 text-sm text-red-700"
          data-testid="delete-missing"
        >
          {t("roster.deleteMissing", { count: missing.count })}
        </a>
        {unlisted}
      </div>
    );
  }
  return (
    <div className="mt-4" data-testid="delete-missing-confirmation">
      <Notice tone="danger" title={t("roster.deleteMissingTitle", { count: missing.count })}>
        <p>{t("roster.deleteMissingLead")}</p>
        <ul className="mt-2 grid gap-1 sm:grid-cols-3">
          {missing.sample.map((m) => (
            <li key={m.account}>
              <span className="font-mono">{m.account}</span> {m.name}
            </li>
          ))}
        </ul>
        {missing.count > missing.sample.length ? (
          <p className="mt-1">{t("roster.deleteMissingMore", { count: missing.count - missing.sample.length })}</p>
        ) : null}
        <DeleteMissingForm done={t("roster.deleteMissingDone")}>
          <input type="hidden" name="importJobId" value={jobId} />
          <input type="hidden" name="count" value={missing.count} />
          <button className="rounded-lg bg-red-700 px-4 py-2 text-sm text-white" data-testid="delete-missing-confirm">
            {t("roster.deleteMissingConfirm", { count: missing.count })}
          </button>
          <a href={`/admin/import/${jobId}#missing-members`} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            {t("roster.deleteMissingCancel")}
          </a>
        </DeleteMissingForm>
      </Notice>
      {unlisted}
    </div>
  );
}
