import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { SignOutButton } from "~/components/sign-out-button";
import { Words } from "~/components/words";
import { JOURNEY_PATHS } from "~/server/journey/journey-paths";
import { requestLocale, serverApi } from "~/server/request";
import { kindName } from "~/i18n/locale";
import { MyCases } from "./my-cases";

export default async function MemberHomePage() {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [me, journey, cases, otherIdentities, hall] = await Promise.all([
    api.me.profile.get(),
    api.me.journey.state(),
    api.me.profile.cases(),
    api.me.profile.otherIdentities(),
    api.me.hall.home(),
  ]);
  const rows: [string, string][] = [
    [t("me.account"), me.account],
    [t("me.identity"), kindName(me.identityKind, locale)],
    [t("me.department"), me.department || "—"],
    [t("me.phone"), me.phoneDisplay ?? t("me.noPhone")],
    [t("me.email"), me.email ?? "—"],
    // What WeCom last said of the member (learnt from its callback or the follow watch).
    [t("journey.wecomState"), t(`journey.state.${journey.wecom.state ?? "NONE"}`)],
  ];
  return (
    <PageShell title={t("me.title")} t={t} back="/">
      <SignedInBar />
      <h2 className="text-2xl font-semibold" data-testid="member-name">
        {me.name}
      </h2>
      <dl className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 px-3 py-3">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-right">{value}</dd>
          </div>
        ))}
      </dl>
      {journey.step !== "done" ? (
        <a
          href={JOURNEY_PATHS[journey.step]}
          className="mt-4 block rounded-lg bg-[var(--brand)] px-3 py-3 text-center font-medium text-white"
          data-testid="journey-next"
        >
          {t(`journey.step.${journey.step}`)} ›
        </a>
      ) : null}
      {/* 一站式网上办事大厅, where the school runs one: 发出的事项 and, for approvers, 收到的事项. */}
      {hall.open ? (
        <a href="/hall" className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]" data-testid="hall-link">
          {t("hall.title")} ›
        </a>
      ) : null}
      {/* A member of the school's CAS or OIDC has no password here: it is changed at the school. */}
      {me.signsInHere ? (
        <a href="/change-password" className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]">
          {t("me.changePassword")} ›
        </a>
      ) : null}
      {/* 切换身份 (UCAS FAQ 12): only for a member with other entries of this school with the same ID number. */}
      {otherIdentities.length > 0 ? (
        <a
          href="/me/switch"
          className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]"
          data-testid="switch-identity-link"
        >
          {t("switchIdentity.link")} ›
        </a>
      ) : null}
      <a
        href="/me/phone"
        className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]"
        data-testid="change-phone-link"
      >
        {t("phoneChange.title")} ›
      </a>
      {/* 更换绑定的微信 (UESTC FAQ 4, UCAS FAQ 10): how, in WeChat (解绑微信 here) and in the WeCom app. */}
      <a
        href="/me/wechat"
        className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]"
        data-testid="change-wechat-link"
      >
        {t("changeWechat.link")} ›
      </a>
      <a
        href="/me/unbind"
        className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]"
        data-testid="unbind-link"
      >
        {t("me.unbind")} ›
      </a>
      <a
        href="/me/troubleshoot"
        className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]"
        data-testid="troubleshoot-link"
      >
        {t("troubleshoot.link")} ›
      </a>
      <a href="/help" className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]" data-testid="help-link">
        {t("help.title")} ›
      </a>
      <MyCases cases={cases} t={t} locale={locale} />
      <div className="mt-8">
        <Words namespaces={["common"]}>
          <SignOutButton callbackUrl="/" />
        </Words>
        {/* What each of the two does: the UCAS manual's 退出登录 is our 解绑微信. */}
        <p className="mt-3 text-sm text-slate-600" data-testid="sign-out-means">
          {t("me.signOutMeans")}
        </p>
        <p className="mt-1 text-sm text-slate-600" data-testid="unbind-means">
          {t("me.unbindMeans")}{" "}
          <a href="/me/unbind" className="text-[var(--brand)] underline">
            {t("me.unbind")}
          </a>
        </p>
      </div>
    </PageShell>
  );
}
