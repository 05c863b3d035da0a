// 账号激活 done (UESTC 附件一 step 7): 「统一身份认证账号激活完成」. The last step signed the person in
// on this browser, so the next step of the journey (附件二: confirm the phone, follow) is one tap away;
// a browser without that session (another device, a later visit) is sent to sign in first.
import { PageShell } from "~/components/page-shell";
import { JOURNEY_PATHS } from "~/server/journey/journey-paths";
import { requireActor } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { primaryButton } from "~/components/ui/plain-form";

export const dynamic = "force-dynamic";

export default async function ActivationDonePage() {
  const actor = await requireActor("member", "/login");
  const { t } = await requestLocale();
  return (
    <PageShell title={t("activation.title")} t={t}>
      <div className="rounded-lg bg-green-50 p-4 text-green-900" data-testid="activation-done">
        <p className="text-lg font-semibold">{t("activation.doneTitle")}</p>
        <p className="mt-2 text-sm">{t("activation.doneLead", { account: actor.account })}</p>
      </div>
      <a href={JOURNEY_PATHS.bind} className={`${primaryButton} mt-6 block text-center`} data-testid="activation-continue">
        {t("activation.continue")}
      </a>
    </PageShell>
  );
}
