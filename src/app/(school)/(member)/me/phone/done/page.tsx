// 更换手机号, done: what the new phone means for the WeChat, honestly (bindings/change-phone.ts). The
// directory has it. WeCom takes it for a member not yet activated (said once the sync ran, per the
// product's record), and ignores it for an activated one (reference §7.5): then the member says which
// case is theirs — the old WeChat still works (nothing changes for the follow; the WeCom app's own
// 更换手机号, UESTC FAQ 3) or it is lost (解绑微信 and follow again with the new phone, UCAS FAQ 10).
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { Notice } from "~/components/ui/notice";
import { requestLocale, serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

export default async function PhoneChangedPage() {
  const { t } = await requestLocale();
  const change = await (await serverApi()).me.phone.change();
  const phone = change.phone ?? "—";
  return (
    <PageShell title={t("phoneChange.title")} t={t} back="/me">
      <SignedInBar />
      <h2 className="text-xl font-semibold" data-testid="phone-changed">
        {t("phoneChange.done", { phone })}
      </h2>
      <p className="mt-2 text-slate-700">{t("phoneChange.directory", { phone })}</p>
      {change.activated ? (
        <section className="mt-4" data-testid="phone-change-activated">
          <Notice tone="warning" testId="phone-change-wecom">
            {t("phoneChange.wecomKept")}
          </Notice>
          <p className="font-medium">{t("phoneChange.whichCase")}</p>
          <div className="mt-3 rounded-lg border border-slate-200 p-3" data-testid="phone-change-old-works">
            <p className="font-medium">{t("phoneChange.oldWorks")}</p>
            <p className="mt-1 text-sm text-slate-700">{t("phoneChange.oldWorksMeans")}</p>
            <p className="mt-1 text-sm text-slate-700">{t("phoneChange.oldWorksWecom", { phone })}</p>
          </div>
          <div className="mt-3 rounded-lg border border-slate-200 p-3" data-testid="phone-change-old-lost">
            <p className="font-medium">{t("phoneChange.oldLost")}</p>
            <p className="mt-1 text-sm text-slate-700">{t("phoneChange.oldLostMeans", { phone })}</p>
            <a
              href="/me/unbind"
              className="mt-3 block rounded-lg bg-red-600 py-3 text-center font-medium text-white"
              data-testid="phone-change-unbind"
            >
              {t("phoneChange.unbind")} ›
            </a>
          </div>
        </section>
      ) : (
        <p className="mt-4 rounded-lg bg-slate-50 p-3 text-slate-700" data-testid="phone-change-wecom">
          {t(change.wecomHasIt ? "phoneChange.wecomUpdated" : "phoneChange.wecomPending", { phone })}
        </p>
      )}
      <a href="/me" className="mt-6 block rounded-lg border border-slate-300 py-3 text-center text-slate-700">
        {t("phoneChange.back")}
      </a>
    </PageShell>
  );
}
