// A service's form (XAU manual 2.2: 「网站变更申请」 → 流程发布页面): its newest version's fields as plain
// inputs posting to /hall/submit, 【提交】 or 【保存草稿】, working with the page's scripts blocked. The
// server checks the values with the same schema (servicehall/definition.ts valuesSchema).
import { PageShell } from "~/components/page-shell";
import { Notice } from "~/components/ui/notice";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requestLocale, serverApi } from "~/server/request";
import { bi, FormFields, SubmitButtons } from "../../hall-parts";
import { attempt } from "../../load";
import { hallPaths } from "../../paths";

export const dynamic = "force-dynamic";

export default async function ServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t } = await requestLocale();
  const { serviceId } = await params;
  const api = await serverApi();
  const form = await attempt(() => api.me.hall.service({ serviceId }));
  const refusal = refusalOf(await searchParams);
  if (!form.ok) {
    return (
      <PageShell title={t("hall.title")} t={t} back={hallPaths.home}>
        <Notice tone="warning" testId="hall-refused">
          {form.error.messageIn(locale)}
        </Notice>
      </PageShell>
    );
  }
  const { service, definition } = form.value;
  return (
    <PageShell title={bi(locale, service.nameZh, service.nameEn)} t={t} back={hallPaths.home}>
      {refusal ? (
        <Notice tone="danger" title={t("hall.refused")} testId="hall-refused">
          {errorMessage(refusal.code, locale, refusal.vars)}
        </Notice>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{bi(locale, service.descriptionZh, service.descriptionEn)}</p>
      <p className="mb-4 text-sm text-slate-500">{t("hall.formLead")}</p>
      <form method="post" action="/hall/submit" data-testid="hall-form">
        <input type="hidden" name="serviceId" value={service.id} />
        <FormFields fields={definition.fields} values={{}} problems={{}} t={t} locale={locale} />
        <SubmitButtons t={t} />
      </form>
    </PageShell>
  );
}
