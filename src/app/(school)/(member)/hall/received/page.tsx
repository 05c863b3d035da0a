// 收到的事项 (XAU manual 2.3–2.4): 待办 and 已办 with their counts; an application opens its page,
// where the approver decides.
import { PageShell } from "~/components/page-shell";
import { Notice } from "~/components/ui/notice";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requestLocale, serverApi } from "~/server/request";
import { ApplicationList } from "../hall-parts";
import { hallPaths } from "../paths";

export const dynamic = "force-dynamic";

export default async function ReceivedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await requestLocale();
  const params = await searchParams;
  const tab = params.tab === "done" ? "done" : "todo";
  const inbox = await (await serverApi()).me.hall.received();
  const refusal = refusalOf(params);
  const tabClass = (on: boolean) =>
    `flex-1 rounded-lg py-3 text-center font-medium ${on ? "bg-[var(--brand)] text-white" : "border border-slate-300 text-slate-700"}`;
  return (
    <PageShell title={t("hall.received")} t={t} back={hallPaths.home}>
      {params.done === "decided" ? (
        <Notice tone="info" testId="hall-done">
          {t("hall.notice.decided")}
        </Notice>
      ) : null}
      {refusal ? (
        <Notice tone="danger" title={t("hall.refused")} testId="hall-refused">
          {errorMessage(refusal.code, locale, refusal.vars)}
        </Notice>
      ) : null}
      <nav className="mb-4 flex gap-3">
        <a
          href={hallPaths.received("todo")}
          className={tabClass(tab === "todo")}
          aria-current={tab === "todo" ? "page" : undefined}
          data-testid="hall-tab-todo"
        >
          {t("hall.todo")} <span data-testid="hall-count-todo">{inbox.counts.todo}</span>
        </a>
        <a
          href={hallPaths.received("done")}
          className={tabClass(tab === "done")}
          aria-current={tab === "done" ? "page" : undefined}
          data-testid="hall-tab-done"
        >
          {t("hall.done")} <span data-testid="hall-count-done">{inbox.counts.done}</span>
        </a>
      </nav>
      <ApplicationList
        rows={tab === "todo" ? inbox.todo : inbox.done}
        t={t}
        locale={locale}
        empty={t(tab === "todo" ? "hall.todoEmpty" : "hall.doneEmpty")}
        showApplicant
        testId={`hall-${tab}`}
      />
    </PageShell>
  );
}
