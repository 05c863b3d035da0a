// 更换绑定的微信 (issue 18 §1; UESTC FAQ 4, UCAS FAQ 10): both ways, on one page. A member in WeChat
// changes it through the product: 解绑微信 (the durable jobs let the old WeChat go, lost or not), then
// the new WeChat follows. A member of the WeCom app changes it there, where only WeCom can; the page
// says where. No form here: 【解绑微信】 leads to the unbind page and its one confirmation.
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { backLink, primaryButton } from "~/components/ui/plain-form";
import { requestLocale } from "~/server/request";

export const dynamic = "force-dynamic";

export default async function ChangeWechatPage() {
  const { t } = await requestLocale();
  return (
    <PageShell title={t("changeWechat.title")} t={t} back="/me">
      <SignedInBar />
      <p className="mb-4 text-slate-700">{t("changeWechat.lead")}</p>
      <section className="rounded-lg border border-slate-200 p-4" data-testid="change-wechat-in-wechat">
        <h2 className="font-medium">{t("changeWechat.inWechat")}</h2>
        <ol className="mt-2 list-decimal space-y-2 pl-5 text-slate-700">
          <li>{t("changeWechat.inWechatUnbind")}</li>
          <li>{t("changeWechat.inWechatFollow")}</li>
        </ol>
        <a href="/me/unbind" className={`mt-4 block text-center ${primaryButton}`} data-testid="change-wechat-unbind">
          {t("changeWechat.unbind")}
        </a>
      </section>
      <section className="mt-4 rounded-lg border border-slate-200 p-4" data-testid="change-wechat-in-app">
        <h2 className="font-medium">{t("changeWechat.inApp")}</h2>
        <p className="mt-2 text-slate-700">{t("changeWechat.inAppSteps")}</p>
      </section>
      <a href="/me" className={backLink}>
        {t("changeWechat.back")}
      </a>
    </PageShell>
  );
}
