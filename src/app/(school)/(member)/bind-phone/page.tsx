// 绑定手机号 (SUES 步骤3, UCAS 2, IMUT 3, XAU 1.3): 「您当前的手机号」 from the directory, or
// 「当前没有绑定手机号」, the hint 「务必使用微信绑定的手机号」 and where WeChat shows it, said once; keep it or
// enter another (a foreign number's format under the field where the school takes one), 【下一步】.
import { redirect } from "next/navigation";
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { Words } from "~/components/words";
import { schoolName } from "~/i18n/locale";
import { JOURNEY_PATHS } from "~/server/journey/journey-paths";
import { currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { BindPhoneForm } from "./bind-phone-form";

export default async function BindPhonePage({ searchParams }: { searchParams: Promise<{ change?: string }> }) {
  const { locale, t } = await requestLocale();
  const tenant = await currentSchool();
  const state = await (await serverApi()).me.journey.state();
  // A member past this step goes on where they are, unless they chose to change the phone.
  if (state.step !== "bind" && !(await searchParams).change) redirect(JOURNEY_PATHS[state.step]);
  const { member, school } = state;
  const current = member.phoneDisplay;
  return (
    <PageShell title={t("journey.bindTitle")} t={t}>
      <SignedInBar />
      <section className="mb-5 rounded-xl bg-[var(--brand)]/10 p-4" data-testid="current-phone">
        <h2 className="text-sm text-slate-600">{t("journey.currentPhone")}</h2>
        <p className="mt-1 text-2xl font-semibold tracking-wide">
          {current ?? <span className="text-lg text-slate-500">{t("journey.noPhone")}</span>}
        </p>
        {/* The one hint: which phone, and where WeChat shows it. */}
        <p className="mt-3 font-medium text-red-700">
          {t(school.allowEmail ? "journey.mustBeWechatPhoneOrEmail" : "journey.mustBeWechatPhone")}
        </p>
        <p className="mt-1 text-sm text-slate-600" data-testid="bind-hint">
          {t("journey.wechatPhoneWhere")}
        </p>
      </section>
      <Words namespaces={["common", "journey"]}>
        <BindPhoneForm
          directoryValue={current ?? ""}
          confirmNewByCode={school.confirmNewByCode}
          allowEmail={school.allowEmail}
          allowForeign={school.allowForeign}
          schoolName={schoolName(tenant, locale)}
        />
      </Words>
    </PageShell>
  );
}
