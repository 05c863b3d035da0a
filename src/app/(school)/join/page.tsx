// The page the school's registration QR code opens (步骤 1: 扫描二维码): the signed link is checked
// (another school's code names that school and links to it, UCAS FAQ 4(3)), a page opened outside
// WeChat says so and shows the code to scan, and the member chooses 【在校师生】 or 【考生】, which
// leads to the school's unified login (统一身份认证) and from there to binding the phone. A school
// with one identity kind asks nothing: inside WeChat the scan goes straight to its sign-in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { secureCookies, serverEnv } from "~/env";
import { JOURNEY_PATHS, loginPath } from "~/server/journey/journey-paths";
import { isWechatBrowser } from "~/server/journey/user-agent";
import { schoolOrigin } from "~/server/qr/school-url";
import { requestContext, requestLocale, serverApi } from "~/server/request";
import { kindName, schoolName } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";

/** A code of another school: name it and link to it (UCAS FAQ 4(3)). */
function WrongSchool({ t, name, here, url }: { t: Translate; name: string; here: string; url: string }) {
  return (
    <PageShell title={t("journey.joinTitle")} t={t}>
      <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900" data-testid="wrong-school">
        {t("journey.wrongSchool", { name, here })}
      </p>
      <a
        href={url}
        className="mt-5 block rounded-lg bg-[var(--brand)] py-3.5 text-center text-lg font-medium text-white"
        data-testid="right-school"
      >
        {t("journey.goToSchool", { name })}
      </a>
    </PageShell>
  );
}

/** Opened outside WeChat: say so, and show the code to scan with it. */
function OutsideWechat({ t }: { t: Translate }) {
  return (
    <section className="mb-5 rounded-xl border border-slate-200 p-4 text-center" data-testid="outside-wechat">
      <p className="text-left text-slate-700">{t("journey.outsideWechat")}</p>
      {/* The code a phone scans: this school's signed registration link. */}
      {/* eslint-disable-next-line @next/next/no-img-element -- The QR route draws the image at its named size; next/image would re-encode it. */}
      <img
        src="/join/qr.png"
        width={200}
        height={200}
        alt={t("journey.scanWithWechat")}
        className="mx-auto mt-3"
        data-testid="register-qr"
      />
      <p className="mt-1 text-sm text-slate-500">{t("journey.scanWithWechat")}</p>
      <p className="mt-3 text-left text-sm text-slate-500">{t("journey.continueHere")} ↓</p>
    </section>
  );
}

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const ctx = await requestContext();
  const request = await headers();
  const school = await api.school.tenant.current();
  const here = schoolName(school, locale);
  const token = (await searchParams).q?.slice(0, 100);
  const check = token ? await api.school.join.check({ token }) : null;

  if (check?.kind === "otherSchool") {
    const url = `${schoolOrigin(check.slug, { secure: secureCookies(), requestHost: request.get("host"), platformDomain: serverEnv().PLATFORM_DOMAIN })}${check.path}`;
    return <WrongSchool t={t} name={schoolName(check, locale)} here={here} url={url} />;
  }

  const inWechat = isWechatBrowser(request.get("user-agent"));
  const signedIn = ctx.actor?.kind === "member";
  const step = signedIn ? (await api.me.journey.state().catch(() => null))?.step : undefined;
  const [onlyKind, ...otherKinds] = school.identityKinds;
  // No screen with one choice (issue 18 §5); outside WeChat the page is the code to scan, and a bad
  // link's warning is read first.
  if (inWechat && (!step || step === "bind") && check?.kind !== "invalid" && onlyKind && otherKinds.length === 0)
    redirect(loginPath(onlyKind.code));
  return (
    <PageShell title={t("journey.joinTitle")} t={t} back="/">
      {signedIn ? <SignedInBar /> : null}
      {check?.kind === "invalid" ? (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="invalid-link">
          {t("journey.invalidLink", { here })}
        </p>
      ) : null}
      {!inWechat ? <OutsideWechat t={t} /> : null}
      <h2 className="text-xl font-semibold">{here}</h2>
      <p className="mt-1 text-sm text-slate-500">{t("journey.steps")}</p>
      {step === "done" ? (
        // Scanned again after 「关注成功」: 已关注, and where the rest of a member's matters are.
        <>
          <p role="status" className="mt-5 rounded-lg bg-green-50 p-4 text-green-900" data-testid="already-followed">
            {t("journey.alreadyFollowed", { here })}
          </p>
          <a
            href="/me"
            className="mt-4 block rounded-lg bg-[var(--brand)] py-3.5 text-center text-lg font-medium text-white"
            data-testid="to-my-account"
          >
            {t("journey.toMyAccount")}
          </a>
        </>
      ) : step && step !== "bind" ? (
        <a
          href={JOURNEY_PATHS[step]}
          className="mt-5 block rounded-lg bg-[var(--brand)] py-3.5 text-center text-lg font-medium text-white"
          data-testid="continue-journey"
        >
          {t("journey.continueJourney")}
        </a>
      ) : (
        <>
          <h3 className="mt-5 font-medium text-slate-700">{t("journey.chooseIdentity")}</h3>
          <ul className="mt-3 space-y-3">
            {school.identityKinds.map((kind) => (
              <li key={kind.code}>
                <a
                  href={loginPath(kind.code)}
                  className="flex min-h-14 items-center justify-between rounded-lg border border-[var(--brand)] px-4 py-3 text-lg font-medium text-[var(--brand)]"
                  data-testid={`identity-${kind.code}`}
                >
                  {kindName(kind, locale)}
                  <span aria-hidden>›</span>
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-500">{t("journey.signInWith")}</p>
        </>
      )}
    </PageShell>
  );
}
