// GET /admin/members/export?format=csv|xlsx[&idNumbers=full] — the directory in the columns the
// import takes (members/roster/export-roster.ts). ID numbers in full only for an admin whose role
// has "directory.idNumbers" and who asked; every export is audited before the file is sent.
import { downloadAnswer } from "~/server/http/answers";
import { adminRoute } from "~/server/http/route-scope";
import { can, PERMISSIONS } from "~/server/auth/permissions";
import { AppError } from "~/server/errors";
import { pick } from "~/i18n/locale";
import { auditExport, exportRows } from "~/server/members/roster/export-roster";
import { rosterCsv, rosterXlsx } from "~/server/members/roster/write-roster";

export const dynamic = "force-dynamic";

const TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export const GET = adminRoute("directory.read", { component: "roster-export", refusal: "text" }, async ({ request, scope, admin }) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const fullIdNumbers = params.get("idNumbers") === "full";
  if (fullIdNumbers && !can(admin.role, "directory.idNumbers"))
    throw new AppError("PERMISSION_REQUIRED", { permission: pick(scope.locale, PERMISSIONS["directory.idNumbers"].label) });
  await auditExport(scope, { format, fullIdNumbers });
  const rows = exportRows(scope, fullIdNumbers);
  const date = new Date().toISOString().slice(0, 10);
  const body = format === "xlsx" ? rosterXlsx(rows) : rosterCsv(rows);
  return downloadAnswer(body, TYPES[format], `${scope.tenant.name}-名单-${date}.${format}`, `roster-${date}.${format}`);
});
