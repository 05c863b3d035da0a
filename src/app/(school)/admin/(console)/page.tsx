// The back-office home: where the school stands, in key numbers and the activation funnel, and
// what needs attention today. Everything else is a page of its own in the navigation.
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { Stat, StatGrid } from "~/components/ui/stat";
import { currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { readTableState, type SearchParams } from "~/components/ui/table-state";
import { ActivationFunnel } from "./activation-funnel";
import { CodeBudgetNotice } from "./code-budget-notice";

export default async function AdminHomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const tenant = await currentSchool();
  const { t, locale } = await requestLocale();
  const api = await serverApi();
  const [overview, codeBudget] = await Promise.all([api.admin.directory.overview(), api.admin.codes.budget()]);
  const group = readTableState(await searchParams, { sortable: [], filters: ["department", "kind"], pageSize: 1 });
  return (
    <>
      <PageHeader title={t("admin.dashboard")} description={t("console.home.lead")} />
      {overview.wecomOutOfRange > 0 ? (
        <Notice tone="danger" testId="wecom-out-of-range">
          {t("admin.wecom.outOfRangeCount", { count: overview.wecomOutOfRange, app: tenant.assistantAppName })}
        </Notice>
      ) : null}
      <CodeBudgetNotice school={codeBudget.school} platform={codeBudget.platform} t={t} />
      <StatGrid>
        <Stat label={t("admin.members")} value={overview.members} href="/admin/members" testId="stat-members" />
        <Stat label={t("admin.withPhone")} value={overview.withPhone} testId="stat-with-phone" />
        <Stat label={t("console.stat.activated")} value={overview.activated} testId="stat-activated" />
        <Stat label={t("admin.locked")} value={overview.locked} tone="attention" testId="stat-locked" />
      </StatGrid>
      <div className="mt-6">
        <ActivationFunnel state={group} t={t} locale={locale} />
      </div>
    </>
  );
}
