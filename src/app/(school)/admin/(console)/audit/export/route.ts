// GET /admin/audit/export?actor=&action=&member=&from=&to= — the audit log as CSV, with the page's
// filters (audit/audit-log.ts), newest first; the export is audited before the file is sent.
import { translator } from "~/i18n/messages";
import { auditLogExported, auditLogFilters, auditLogRows } from "~/server/audit/audit-log";
import { csvStream } from "~/server/export/csv";
import { downloadAnswer } from "~/server/http/answers";
import { adminRoute } from "~/server/http/route-scope";
import { auditRecordCells } from "~/components/audit/audit-words";

export const dynamic = "force-dynamic";

export const GET = adminRoute("audit.read", { component: "audit-export", refusal: "text" }, async ({ request, scope }) => {
  const filters = auditLogFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  await auditLogExported(scope, filters);
  const t = translator(scope.locale);
  const { header, cells } = auditRecordCells(t, scope.locale);
  async function* rows() {
    for await (const row of auditLogRows(scope, filters)) yield cells(row);
  }
  const date = new Date().toISOString().slice(0, 10);
  return downloadAnswer(
    csvStream(header, rows()),
    "text/csv; charset=utf-8",
    `${scope.tenant.name}-审计日志-${date}.csv`,
    `audit-${date}.csv`,
  );
});
