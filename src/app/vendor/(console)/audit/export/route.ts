// GET /vendor/audit/export?actor=&action=&school=&from=&to= — the platform audit log as CSV, with
// the page's filters, newest first; the export is audited before the file is sent.
import { auditRecordCells } from "~/components/audit/audit-words";
import { translator } from "~/i18n/messages";
import { platformAuditExported, platformAuditFilters, platformAuditRows, type PlatformAuditRow } from "~/server/audit/platform-audit-log";
import { csvStream } from "~/server/export/csv";
import { downloadAnswer } from "~/server/http/answers";
import { vendorRoute } from "~/server/http/route-scope";

export const dynamic = "force-dynamic";

export const GET = vendorRoute({ component: "platform-audit-export", refusal: "text" }, async ({ request, platform }) => {
  const filters = platformAuditFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  await platformAuditExported(platform, filters);
  const { header, cells } = auditRecordCells<PlatformAuditRow>(translator(platform.locale), platform.locale, { school: true });
  async function* rows() {
    for await (const row of platformAuditRows(platform, filters)) yield cells(row);
  }
  const date = new Date().toISOString().slice(0, 10);
  return downloadAnswer(csvStream(header, rows()), "text/csv; charset=utf-8", `平台审计日志-${date}.csv`, `platform-audit-${date}.csv`);
});
