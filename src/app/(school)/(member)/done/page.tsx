// 「关注成功」 (SUES 步骤5, UCAS 4, IMUT/XAU ⑥): and the apps WeCom will show the member in the
// enterprise account — the assistant app, then their identity kind's (a candidate: 消息中心), as
// 自助排查 reads them (troubleshoot/diagnosis.ts appsShown). Shown once WeCom said the member follows.
import { redirect } from "next/navigation";
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { JOURNEY_PATHS } from "~/server/journey/journey-paths";
import { currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { schoolName } from "~/i18n/locale";

/** The apps of an identity kind (IdentityKind.apps, by name) that are pages of the product. */
const APP_PAGES: Record<string, string> = { 一站式网上办事大厅: "/hall" };

export default async function DonePage() {
  const { locale, t } = await requestLocale();
  const tenant = await currentSchool();
  const state = await (await serverApi()).me.journey.state();
  if (state.step !== "done") redirect(JOURNEY_PATHS[state.step]);
  const school = schoolName(tenant, locale);
  return (
    <PageShell title={t("journey.doneTitle")} t={t}>
      <SignedInBar />
      <div className="rounded-xl bg-green-50 p-5 text-center" role="status">
        <div aria-hidden className="mx-auto flex h-14 w-14 items-center justify-center rounded-full bg-green-600 text-3xl text-white">
          ✓
        </div>
        <h2 className="mt-3 text-2xl font-semibold text-green-800" data-testid="followed">
          {t("journey.doneTitle")}
        </h2>
      </div>
      <p className="mt-4 text-slate-700">{t("journey.doneLead", { school })}</p>
      <h3 className="mt-4 font-medium">{t("journey.appsTitle")}</h3>
      <ul className="mt-2 grid grid-cols-2 gap-3" data-testid="apps">
        {state.apps.map((app) => {
          const tile = (
            <>
              <span
                aria-hidden
                className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg bg-[var(--brand)] font-semibold text-white"
              >
                {app.slice(0, 1)}
              </span>
              <span data-testid="app-name">{app}</span>
            </>
          );
          // The apps the product itself serves open here (the service hall); the others live in WeCom.
          const href = APP_PAGES[app];
          return (
            <li key={app}>
              {href ? (
                <a href={href} className="flex items-center gap-2 rounded-lg border border-slate-200 p-3" data-testid="app-link">
                  {tile}
                </a>
              ) : (
                <span className="flex items-center gap-2 rounded-lg border border-slate-200 p-3">{tile}</span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-4 text-sm text-slate-500">{t("journey.delayHint", { assistant: state.school.assistantAppName })}</p>
      {/* 「看不到应用」: 自助排查 with the member's answer already given. */}
      <a
        href="/me/troubleshoot?seen=assistantOnly"
        className="mt-2 block py-2 text-center text-sm text-[var(--brand)] underline"
        data-testid="troubleshoot-link"
      >
        {t("troubleshoot.link")}
      </a>
      <a href="/me" className="mt-6 block rounded-lg border border-slate-300 py-3 text-center text-slate-700">
        {t("journey.toMyAccount")}
      </a>
      {/* XAU/IMUT: to bind a new 学号 or follow with another WeChat, the member unbinds first. */}
      <a href="/me/unbind" className="mt-3 block text-center text-sm text-slate-600 underline" data-testid="unbind-link">
        {t("me.unbind")}
      </a>
    </PageShell>
  );
}
