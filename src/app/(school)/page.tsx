import { PageShell } from "~/components/page-shell";
import { requestLocale, serverApi } from "~/server/request";
import { kindName, schoolName } from "~/i18n/locale";
import { loginPath } from "~/server/journey/journey-paths";

export default async function HomePage() {
  const { locale, t } = await requestLocale();
  const tenant = await (await serverApi()).school.tenant.current();
  const name = schoolName(tenant, locale);
  return (
    <PageShell title={name} t={t}>
      <section className="rounded-xl bg-[var(--brand)]/10 p-4">
        <h2 className="text-xl font-semibold text-[var(--brand)]" data-testid="tenant-welcome">
          {t("home.welcome", { name })}
        </h2>
        <p className="mt-2 text-slate-700">{t("home.lead")}</p>
      </section>
      {/* The same place the school's registration QR code opens. */}
      <a
        href="/join"
        className="mt-5 block rounded-lg bg-[var(--brand)] py-3.5 text-center text-lg font-medium text-white"
        data-testid="start"
      >
        {t("home.start")}
      </a>
      <h3 className="mt-6 font-medium">{t("home.steps")}</h3>
      <ol className="mt-2 space-y-2">
        {(["home.step1", "home.step2", "home.step3"] as const).map((key, index) => (
          <li key={key} className="flex gap-3 rounded-lg border border-slate-200 p-3">
            <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-[var(--accent)] text-sm font-semibold text-white">
              {index + 1}
            </span>
            <span>{t(key)}</span>
          </li>
        ))}
      </ol>
      <h3 className="mt-6 font-medium">{t("home.identityKinds")}</h3>
      <ul className="mt-2 flex flex-wrap gap-2">
        {tenant.identityKinds.map((kind) => (
          <li key={kind.code}>
            {/* The manuals' 「点击【在校师生】」: each identity is the way in, as on /join. */}
            <a
              href={loginPath(kind.code)}
              className="block rounded-full border border-[var(--brand)] px-4 py-2.5 text-[var(--brand)]"
              data-testid={`home-identity-${kind.code}`}
            >
              {kindName(kind, locale)} <span aria-hidden>›</span>
            </a>
          </li>
        ))}
      </ul>
      <a href="/admin" className="mt-10 block text-center text-sm text-slate-500 underline">
        {t("home.adminLink")}
      </a>
    </PageShell>
  );
}
