// 【导出名单】: a GET form to ./export (a download, no script), CSV or Excel; ID numbers in full only
// offered to a role that may see them (the route checks again and audits the export).
import type { Translate } from "~/i18n/messages";

export function ExportForm({ t, mayExportIdNumbers }: { t: Translate; mayExportIdNumbers: boolean }) {
  const button = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <form
      method="get"
      action="/admin/members/export"
      className="flex flex-wrap items-center gap-2"
      aria-label={t("roster.export")}
      data-testid="export-form"
    >
      {mayExportIdNumbers ? (
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" name="idNumbers" value="full" />
          {t("roster.exportFullIds")}
        </label>
      ) : null}
      <button name="format" value="xlsx" className={button}>
        {t("roster.exportXlsx")}
      </button>
      <button name="format" value="csv" className={button}>
        {t("roster.exportCsv")}
      </button>
    </form>
  );
}
