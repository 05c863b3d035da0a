// 一站式网上办事大厅 (XAU manual part 2, 2.1–2.3): the banner and 【要办事到大厅】, 发出的事项 and
// 收到的事项 (with the 待办 count), then 我的服务 — the services the member's identity may use. A 考生
// sees none and is told it is their identity, and what to do.
import { PageShell } from "~/components/page-shell";
import { Notice } from "~/components/ui/notice";
import { kindName } from "~/i18n/locale";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requestLocale, serverApi } from "~/server/request";
import { bi, ServiceIcon } from "./hall-parts";
import { hallPaths } from "./paths";

export const dynamic = "force-dynamic";

export default async function HallPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [home, inbox] = await Promise.all([api.me.hall.home(), api.me.hall.received()]);
  const refusal = refusalOf(await searchParams);
  return (
    <PageShell title={t("hall.title")} t={t} back="/me">
      {refusal ? (
        <Notice tone="danger" title={t("hall.refused")} testId="hall-refused">
          {errorMessage(refusal.code, locale, refusal.vars)}
        </Notice>
      ) : null}
      <a href="#services" className="block rounded-xl bg-[var(--brand)] px-4 py-5 text-white" data-testid="hall-banner">
        <span className="block text-xl font-semibold">{t("hall.banner")}</span>
        <span className="mt-1 block text-sm text-white/90">{t("hall.bannerLead")}</span>
      </a>
      <nav className="mt-4 grid grid-cols-2 gap-3">
        <a
          href={hallPaths.sent}
          className="rounded-xl border border-slate-200 px-3 py-4 text-center font-medium"
          data-testid="hall-sent-link"
        >
          {t("hall.sent")}
        </a>
        <a
          href={hallPaths.received()}
          className="rounded-xl border border-slate-200 px-3 py-4 text-center font-medium"
          data-testid="hall-received-link"
        >
          {t("hall.received")}
          <span className="mt-1 block text-sm font-normal text-slate-600" data-testid="hall-todo-count">
            {t("hall.todoCount", { count: inbox.counts.todo })}
          </span>
        </a>
      </nav>
      <h2 id="services" className="mt-6 mb-2 text-lg font-semibold">
        {t("hall.myServices")}
      </h2>
      {home.services.length === 0 ? (
        <Notice tone="info" testId="hall-no-services">
          {home.empty === "kind" ? t("hall.noneForKind", { kind: kindName(home.kind, locale) }) : t("hall.noneOpen")}
        </Notice>
      ) : (
        <ul className="divide-y divide-slate-200" data-testid="hall-services">
          {home.services.map((s) => (
            <li key={s.id}>
              <a href={hallPaths.service(s.id)} className="flex items-center gap-3 py-3" data-testid="hall-service">
                <ServiceIcon icon={s.icon} />
                <span className="min-w-0">
                  <span className="block font-medium">{bi(locale, s.nameZh, s.nameEn)}</span>
                  <span className="block truncate text-sm text-slate-500">{bi(locale, s.descriptionZh, s.descriptionEn)}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </PageShell>
  );
}
