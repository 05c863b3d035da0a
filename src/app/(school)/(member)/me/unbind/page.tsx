// 解绑微信 (UCAS FAQ 11: 个人中心 →【解绑微信】→【解绑】; XAU §3, IMUT 二): one page saying what
// happens, and one confirmation, a plain form post (me/unbind/confirm) that works with the page's
// scripts blocked. The domain function decides (bindings/unbind-wechat.ts); this page only says
// what it will do, or, for a member with nothing to unbind, why not and what to do instead.
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { SignedInBar } from "~/components/signed-in-bar";
import { backLink, Refusal } from "~/components/ui/plain-form";
import { schoolName } from "~/i18n/locale";
import { ERROR_CATALOG, errorMessage, type AppErrorCode } from "~/server/errors";
import { currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

const isErrorCode = (code: string | undefined): code is AppErrorCode => !!code && Object.hasOwn(ERROR_CATALOG, code);

export default async function UnbindPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { locale, t } = await requestLocale();
  const tenant = await currentSchool();
  const state = await (await serverApi()).me.journey.state();
  const params = await searchParams;
  const nothingToUnbind = !state.binding && state.wecom.state !== "ACTIVATED";
  // A refusal of the confirmation (e.g. unbound meanwhile on another device), or the same answer before the tap.
  const refusal = isErrorCode(params.error) ? params.error : nothingToUnbind ? "UNBIND_NOTHING_TO_UNBIND" : null;
  const bound = state.binding ?? (state.member.phoneDisplay ? { channel: "PHONE" as const, display: state.member.phoneDisplay } : null);
  return (
    <PageShell title={t("me.unbind")} t={t} back="/me">
      <SignedInBar />
      {refusal ? (
        <Refusal title={params.error ? t("me.unbindRefused") : undefined} testId="unbind-refused">
          <p>{errorMessage(refusal, locale)}</p>
        </Refusal>
      ) : null}
      {nothingToUnbind ? null : (
        <>
          <section data-testid="unbind-explained">
            <p className="font-medium">{t("me.unbindLead")}</p>
            <ul className="mt-2 list-disc space-y-2 pl-5 text-slate-700">
              <li>{t("me.unbindLeave", { school: schoolName(tenant, locale) })}</li>
              <li>{t("me.unbindRelease")}</li>
              {bound ? <li>{t(bound.channel === "EMAIL" ? "me.unbindEmail" : "me.unbindPhone", { value: bound.display })}</li> : null}
              <li>{t("me.unbindSessions")}</li>
            </ul>
            <p className="mt-3 text-sm text-slate-500">{t("me.unbindCache")}</p>
          </section>
          {/* A plain form post: it works before the page's scripts load, and with none at all. */}
          <form method="post" action="/me/unbind/confirm" className="mt-6">
            <button
              type="submit"
              className="w-full rounded-lg bg-red-600 py-3.5 text-lg font-medium text-white"
              data-testid="unbind-confirm"
            >
              {t("me.unbindConfirm")}
            </button>
          </form>
        </>
      )}
      <a href="/me" className={backLink}>
        {t("me.unbindCancel")}
      </a>
      {refusal ? <SchoolContacts /> : null}
    </PageShell>
  );
}
