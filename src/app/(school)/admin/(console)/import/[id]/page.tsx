// One import: its preview (the report, the column mapping, 【确认导入】), its progress while the
// job runs (the page reloads itself every two seconds, no script), and its final report. Every
// number is read from the import's row, so a reload or another admin sees the same.
import { PageHeader } from "~/components/ui/page-header";
import { Notice } from "~/components/ui/notice";
import type { SearchParams } from "~/components/ui/table-state";
import { pick } from "~/i18n/locale";
import { requestLocale, serverApi } from "~/server/request";
import { ImportCounts, ImportProgress } from "./progress";
import { MappingForm } from "./mapping-form";
import { ConfirmImport } from "./confirm";
import { ImportReportSection } from "./report-section";
import { CONFIRM_DELETE_MISSING, DeleteMissingStep } from "./delete-missing";

export default async function ImportJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const { locale, t } = await requestLocale();
  const job = await (await serverApi()).admin.roster.status({ importJobId: id });
  const running = job.state === "QUEUED" || job.state === "RUNNING";
  const { report } = job;
  const query = await searchParams;
  const deleted = Number(query.deleted);
  return (
    <>
      {running ? <meta httpEquiv="refresh" content="2" /> : null}
      <PageHeader
        title={`${t("roster.title")} · ${t(`roster.state.${job.state}`)}`}
        description={t("roster.previewLead", { file: job.fileName, header: report.headerRow })}
        back={{ href: "/admin/import", label: t("common.back") }}
      />
      {running ? <ImportProgress job={job} t={t} /> : null}
      {job.state === "FAILED" ? (
        <Notice tone="danger" title={t("roster.failedTitle")} testId="import-failed">
          {pick(locale, { zh: job.error ?? "", en: job.errorEn ?? "" })}
        </Notice>
      ) : null}
      {job.state === "DONE" ? (
        <Notice tone="info" title={t("roster.doneTitle")} testId="import-done">
          {t("roster.doneLead", { create: job.created, update: job.updated, unchanged: job.unchanged, refused: job.refused })}{" "}
          <a href="/admin/members" className="underline">
            {t("roster.toMembers")}
          </a>
        </Notice>
      ) : null}
      {deleted > 0 ? (
        <Notice tone="info" testId="deleted-missing">
          {t("roster.deletedMissing", { count: deleted })}
        </Notice>
      ) : null}
      <ImportCounts counts={report.counts} t={t} />
      {job.state === "PREVIEWED" ? (
        <>
          <MappingForm job={job} t={t} />
          {report.missingFields.length === 0 ? <ConfirmImport job={job} t={t} /> : null}
        </>
      ) : null}
      {running ? null : (
        <ImportReportSection
          job={job}
          params={query}
          t={t}
          missingStep={
            job.state === "DONE" && report.missingCount > 0 ? (
              <DeleteMissingStep jobId={job.id} confirming={query.confirm === CONFIRM_DELETE_MISSING} t={t} />
            ) : null
          }
        />
      )}
    </>
  );
}
