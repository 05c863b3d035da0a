// 开通向导: the steps of going live, each as the product finds it, with where to do what is left.
import { Checklist } from "~/components/ui/checklist";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { requestLocale, serverApi } from "~/server/request";

export default async function AdminGoLivePage() {
  const { t } = await requestLocale();
  const list = await (await serverApi()).admin.goLive.checklist();
  return (
    <>
      <PageHeader title={t("goLive.title")} description={t("goLive.lead")} />
      <Notice tone="info" testId="go-live-progress">
        {list.ok ? t("goLive.allDone") : t("goLive.progress", { done: list.done, total: list.checks.length })}
      </Notice>
      <div className="mt-4">
        <Checklist checks={list.checks} heading="goLive.title" t={t} testId="go-live" />
      </div>
    </>
  );
}
